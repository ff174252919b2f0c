package io.reserva.catalog.web;

import io.reserva.catalog.NewReservationResource;
import io.reserva.catalog.ReservationResource;
import io.reserva.catalog.ReservationResourceChanges;
import io.reserva.catalog.ResourceManagement;
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
@RequestMapping("/reservation-resources")
@Tag(name = "Reservation resources", description = "People, rooms, tables and equipment that bookings occupy")
class ReservationResourceController {

    private final ResourceManagement management;

    ReservationResourceController(ResourceManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List resources (any key of the organization)")
    Page<ReservationResource> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, ResourceManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a resource (any key of the organization)")
    ReservationResource get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a resource (admin keys)")
    ReservationResource create(Caller caller, @RequestBody NewReservationResource request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change a resource (admin keys); fields left out are kept",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = ReservationResourceChanges.class))))
    ReservationResource update(Caller caller, @PathVariable UUID id, Patch<ReservationResourceChanges> patch) {
        return management.update(caller, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary =
                    "Delete a resource (admin keys) (its links, weekly hours and exceptions go with it; refused while reservations hold it); answers it as it was")
    ReservationResource delete(Caller caller, @PathVariable UUID id) {
        return management.delete(caller, id);
    }
}
