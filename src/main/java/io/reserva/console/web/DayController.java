package io.reserva.console.web;

import io.reserva.console.ConsoleDays;
import io.reserva.console.Day;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.SupportedDates;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Days", description = "One local day of an organization, as a host's screen shows it")
class DayController {

    static final String EXAMPLE = """
            {"organization_id": "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b", "date": "2026-12-04",
             "timezone": "Europe/Berlin", "starts_at": "2026-12-03T23:00:00Z", "ends_at": "2026-12-04T23:00:00Z",
             "timeline_from": "2026-12-04T17:00:00Z", "timeline_until": "2026-12-05T00:00:00Z",
             "counts": {"booked": {"parties": 1, "covers": 4}, "seated": {"parties": 0, "covers": 0},
                        "completed": {"parties": 0, "covers": 0}, "to_come": {"parties": 1, "covers": 4},
                        "no_show": {"parties": 0, "covers": 0}, "cancelled": {"parties": 0, "covers": 0}},
             "business_hours": [{"from": "2026-12-04T17:00:00Z", "until": "2026-12-05T00:00:00Z",
                                 "from_local": "2026-12-04T18:00:00+01:00", "until_local": "2026-12-05T01:00:00+01:00"}],
             "resources": [{"id": "0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b", "name": "Table 4", "resource_type": "table",
                            "capacity": 4, "units": 1, "is_active": true, "user_id": null, "timezone": "Europe/Berlin",
                            "open": [{"from": "2026-12-04T17:00:00Z", "until": "2026-12-04T23:00:00Z",
                                      "from_local": "2026-12-04T18:00:00+01:00",
                                      "until_local": "2026-12-05T00:00:00+01:00"}]}],
             "services": [{"id": "0192f3c4-3333-7f80-9a1b-2c3d4e5f6a7b", "name": "Dinner", "duration_minutes": 90,
                           "min_party_size": 1, "max_party_size": 8, "is_active": true,
                           "pacing": {"interval_minutes": 15, "max_covers": 12, "max_parties": null,
                                      "max_seated_covers": null}}],
             "reservations": [{"id": "0192f3c4-4444-7f80-9a1b-2c3d4e5f6a7b",
                               "service_id": "0192f3c4-3333-7f80-9a1b-2c3d4e5f6a7b",
                               "contact_id": "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b",
                               "contact": {"id": "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b", "first_name": "Ana",
                                           "last_name": "García", "email": "ana.garcia@example.com",
                                           "phone": "+34612345678"},
                               "party_size": 4, "start_datetime": "2026-12-04T19:00:00Z",
                               "end_datetime": "2026-12-04T20:30:00Z", "status": "confirmed", "source": "manual",
                               "internal_notes": "Regular, likes the house red",
                               "assigned_resources": [{"resource_id": "0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b",
                                                       "name": "Table 4"}],
                               "confirmation_code": "K7QX4M", "is_override": false}],
             "continuing": [],
             "contacts": [{"id": "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b", "tags": ["vip"]}]}
            """;

    private final ConsoleDays days;

    DayController(ConsoleDays days) {
        this.days = days;
    }

    @GetMapping("/organizations/{id}/days/{date}")
    @Operation(
            summary = "One local day of the organization in one answer: its reservations (every status, in short)"
                    + " with their guests' tags, those running into it from the day before, the resources with the"
                    + " time each is open, the services and the counts; any role, read-only included",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The day",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = Day.class),
                                            examples = @ExampleObject(name = "an evening", value = EXAMPLE))))
    Day day(
            Caller caller,
            @PathVariable UUID id,
            @Parameter(description = "The local date, YYYY-MM-DD", example = "2026-12-04") @PathVariable("date")
                    String date) {
        return days.day(caller, id, parse(date));
    }

    private static LocalDate parse(String date) {
        try {
            return SupportedDates.parseDate(date);
        } catch (DateTimeException e) {
            throw new ReservaException(
                    ErrorCode.INVALID_PARAMETER,
                    "date must be a date YYYY-MM-DD, got '" + date + "'",
                    List.of(new FieldError("date", "must be a date YYYY-MM-DD")));
        }
    }
}
