package io.reserva.reservations.web;

import io.reserva.reservations.NewReservation;
import io.reserva.reservations.ReservationChanges;
import io.reserva.reservations.ReservationManagement;
import io.reserva.reservations.ReservationView;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/reservations")
@Tag(name = "Reservations", description = "Book, hold, reschedule and cancel; never double-booked")
class ReservationController {

    private final ReservationManagement reservations;

    ReservationController(ReservationManagement reservations) {
        this.reservations = reservations;
    }

    @GetMapping
    @Operation(
            summary = "List reservations; also filter by resource=<id>, search over guest name, email, phone and"
                    + " confirmation code")
    Page<ReservationView> list(Caller caller, HttpServletRequest request) {
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        String[] resource = parameters.remove("resource");
        UUID resourceId = null;
        if (resource != null) {
            try {
                resourceId = UUID.fromString(resource[0]);
            } catch (IllegalArgumentException e) {
                throw new ReservaException(
                        io.reserva.shared.ErrorCode.INVALID_QUERY,
                        "resource must be a UUID",
                        java.util.List.of(new io.reserva.shared.FieldError("resource", "must be a UUID")));
            }
        }
        return reservations.list(caller, ReservationManagement.QUERY.parse(parameters), resourceId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a reservation")
    ReservationView get(Caller caller, @PathVariable UUID id) {
        return reservations.get(caller, id);
    }

    @PostMapping
    @Operation(summary = "Book (or hold) a reservation; 409 slot_unavailable lists the nearest free starts")
    ResponseEntity<ReservationView> create(Caller caller, @Valid @RequestBody NewReservation request) {
        ReservationView created = reservations.create(caller, request);
        return ResponseEntity.created(URI.create("/reservations/" + created.id()))
                .body(created);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Reschedule, move through the statuses (held, pending, confirmed, seated, completed,"
                    + " cancelled, no_show), or change details; the new place is secured before the old is freed",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = ReservationChanges.class))))
    ReservationView update(Caller caller, @PathVariable UUID id, Patch<ReservationChanges> patch) {
        return reservations.update(caller, id, patch);
    }
}
