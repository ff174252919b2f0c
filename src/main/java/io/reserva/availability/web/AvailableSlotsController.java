package io.reserva.availability.web;

import io.reserva.availability.SlotFinder;
import io.reserva.availability.SlotSearch;
import io.reserva.availability.SlotSearchResult;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.SupportedDates;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Available slots", description = "When a party can come: computed from hours, resources and bookings")
class AvailableSlotsController {

    private static final Set<String> PARAMETERS = Set.of(
            "organization_id", "service_id", "date", "start_date", "end_date", "resource_id", "area_id", "party_size");

    private final SlotFinder slots;

    AvailableSlotsController(SlotFinder slots) {
        this.slots = slots;
    }

    @GetMapping("/reservation-available-slots")
    @Operation(
            summary = "Bookable start times of a service for one date, or per day for a range of up to 62 days",
            description = "Dates are local to the service's time zone; start and end times are UTC instants. A day"
                    + " with nothing bookable says why: closed, fully_booked, outside_booking_window,"
                    + " party_too_large or party_too_small. What is listed here can be booked, and only that.")
    SlotSearchResult find(
            Caller caller,
            HttpServletRequest request,
            @Parameter(description = "Omit when the API key belongs to one organization")
                    @RequestParam(name = "organization_id", required = false)
                    UUID organizationId,
            @Parameter(required = true) @RequestParam(name = "service_id", required = false) UUID serviceId,
            @Parameter(description = "One local date, YYYY-MM-DD", example = "2027-03-28")
                    @RequestParam(name = "date", required = false)
                    String date,
            @Parameter(description = "Range form: first local date", example = "2027-03-01")
                    @RequestParam(name = "start_date", required = false)
                    String startDate,
            @Parameter(description = "Range form: last local date (at most 62 days in all)", example = "2027-03-31")
                    @RequestParam(name = "end_date", required = false)
                    String endDate,
            @Parameter(description = "Only slots this resource can serve")
                    @RequestParam(name = "resource_id", required = false)
                    UUID resourceId,
            @Parameter(
                            description = "Only starts where a booking preferring this area (seating_preference) is"
                                    + " seated wholly in it; remaining_capacity then counts parties in the area",
                            example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
                    @RequestParam(name = "area_id", required = false)
                    UUID areaId,
            @Parameter(
                            description = "Party size, default 1",
                            example = "2",
                            schema = @Schema(type = "integer", minimum = "1"))
                    @RequestParam(name = "party_size", required = false)
                    String partySizeText) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : request.getParameterMap().keySet()) {
            if (!PARAMETERS.contains(name)) {
                errors.add(new FieldError(name, "is not a parameter of this endpoint"));
            }
        }
        if (serviceId == null) {
            errors.add(new FieldError("service_id", "is required"));
        }
        LocalDate single = parse("date", date, errors, SupportedDates::parseDate);
        LocalDate start = parse("start_date", startDate, errors, SupportedDates::parseDate);
        LocalDate end = parse("end_date", endDate, errors, SupportedDates::parseDate);
        Integer partySize = parse("party_size", partySizeText, errors, Integer::valueOf);
        if (partySize != null && partySize < 1) {
            errors.add(new FieldError("party_size", "must be at least 1"));
        }
        boolean isRange = startDate != null || endDate != null;
        if (date != null && isRange) {
            errors.add(new FieldError("date", "give either date or start_date and end_date, not both"));
        } else if (date == null && !isRange) {
            errors.add(new FieldError("date", "is required (or start_date and end_date for a range)"));
        } else if (isRange && (startDate == null || endDate == null)) {
            errors.add(new FieldError(startDate == null ? "start_date" : "end_date", "is required for a range"));
        }
        if (!errors.isEmpty()) {
            throw new ReservaException(ErrorCode.INVALID_QUERY, describe(errors), errors);
        }
        return slots.find(
                caller,
                new SlotSearch(
                        organizationId,
                        serviceId,
                        isRange ? start : single,
                        isRange ? end : single,
                        partySize == null ? 1 : partySize,
                        resourceId,
                        areaId,
                        !isRange));
    }

    private static <T> T parse(String field, String raw, List<FieldError> errors, Function<String, T> parser) {
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (DateTimeParseException | NumberFormatException e) {
            errors.add(new FieldError(
                    field, field.equals("party_size") ? "must be a whole number" : "must be a date, YYYY-MM-DD"));
            return null;
        }
    }

    private static String describe(List<FieldError> errors) {
        return String.join(
                "; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
    }
}
