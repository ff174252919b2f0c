package io.reserva.catalog.web;

import io.reserva.catalog.NewReservationService;
import io.reserva.catalog.ReservationService;
import io.reserva.catalog.ReservationServiceChanges;
import io.reserva.catalog.ServiceManagement;
import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/reservation-services")
@Tag(name = "Reservation services", description = "Bookable services: duration, party sizes, booking window, price")
class ReservationServiceController {

    private final ServiceManagement management;

    ReservationServiceController(ServiceManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List services (any key of the organization)")
    Page<ReservationService> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, ServiceManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a service (any key of the organization)")
    ReservationService get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a service (admin keys)")
    ReservationService create(Caller caller, @RequestBody NewReservationService request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change a service (admin keys); fields left out are kept",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = ReservationServiceChanges.class))))
    ReservationService update(Caller caller, @PathVariable UUID id, Patch<ReservationServiceChanges> patch) {
        return management.update(caller, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary =
                    "Delete a service (admin keys) (its links go with it; refused while reservations refer to it); answers it as it was")
    ReservationService delete(Caller caller, @PathVariable UUID id) {
        return management.delete(caller, id);
    }
}
