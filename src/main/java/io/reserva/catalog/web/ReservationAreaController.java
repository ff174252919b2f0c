package io.reserva.catalog.web;

import io.reserva.catalog.AreaManagement;
import io.reserva.catalog.NewReservationArea;
import io.reserva.catalog.ReservationArea;
import io.reserva.catalog.ReservationAreaChanges;
import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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
@RequestMapping("/reservation-areas")
@Tag(
        name = "Reservation areas",
        description = "Parts of the floor (dining room, terrace, bar): resources stand in one (area_id), a booking may"
                + " prefer one (seating_preference), and the slots endpoint can be asked for one (area_id)")
class ReservationAreaController {

    private final AreaManagement management;

    ReservationAreaController(AreaManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List areas (any key of the organization)")
    Page<ReservationArea> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, AreaManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an area (any key of the organization)")
    ReservationArea get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an area (admin keys)")
    ReservationArea create(Caller caller, @RequestBody NewReservationArea request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change an area (admin keys); fields left out are kept",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = ReservationAreaChanges.class))))
    ReservationArea update(Caller caller, @PathVariable UUID id, Patch<ReservationAreaChanges> patch) {
        return management.update(caller, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Delete an area (admin keys); answers it as it was. 409 while resources still stand in it;"
                    + " bookings that preferred it keep their tables")
    ReservationArea delete(Caller caller, @PathVariable UUID id) {
        return management.delete(caller, id);
    }
}
