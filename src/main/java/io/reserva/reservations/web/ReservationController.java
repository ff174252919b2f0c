package io.reserva.reservations.web;

import io.reserva.reservations.NewReservation;
import io.reserva.reservations.ReservationChanges;
import io.reserva.reservations.ReservationManagement;
import io.reserva.reservations.ReservationView;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
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
            summary = "List reservations; also filter by resource=<id> and date=YYYY-MM-DD, search over guest name,"
                    + " email, phone and confirmation code")
    @Parameter(
            name = "resource",
            in = ParameterIn.QUERY,
            description = "Only reservations holding this resource",
            schema = @Schema(type = "string", format = "uuid"))
    @Parameter(
            name = "date",
            in = ParameterIn.QUERY,
            description = "Only reservations starting on this day of the organization's time zone (local midnight to"
                    + " midnight, 23 or 25 hours across a daylight-saving change); combines with the filters and"
                    + " $cursor",
            example = "2026-12-04",
            schema = @Schema(type = "string", format = "date"))
    Page<ReservationView> list(Caller caller, HttpServletRequest request) {
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        UUID resourceId = extra(parameters, "resource", "a UUID", UUID::fromString);
        LocalDate date = extra(parameters, "date", "a date YYYY-MM-DD", LocalDate::parse);
        return reservations.list(caller, ReservationManagement.QUERY.parse(parameters), resourceId, date);
    }

    /** A parameter of this list outside the shared query language, taken out before the rest is parsed. */
    private static <T> T extra(Map<String, String[]> parameters, String name, String what, Function<String, T> parse) {
        String[] values = parameters.remove(name);
        if (values == null) {
            return null;
        }
        try {
            return parse.apply(values[0]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ReservaException(
                    ErrorCode.INVALID_QUERY,
                    name + " must be " + what,
                    List.of(new FieldError(name, "must be " + what)));
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a reservation")
    ReservationView get(Caller caller, @PathVariable UUID id) {
        return reservations.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity answers; springdoc reads the status from here
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
