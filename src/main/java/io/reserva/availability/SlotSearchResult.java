package io.reserva.availability;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The answer of the slots endpoint. Asked for one {@code date}, it carries that day's {@code bookable},
 * {@code reason} and {@code slots} at the top; asked for a range, it carries {@code days}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlotSearchResult(
        UUID organizationId,
        UUID serviceId,

        @Schema(description = "The service's time zone: dates and local times are in it", example = "Europe/Madrid")
        String timezone,

        @Schema(example = "2") int partySize,
        UUID resourceId,

        @Schema(description = "The area asked for (area_id), when one was")
        UUID areaId,

        @Schema(description = "The date asked for (single-date form)", example = "2027-03-28")
        LocalDate date,

        @Schema(description = "Single-date form: whether anything is bookable")
        Boolean bookable,

        @Schema(description = "Single-date form: why nothing is bookable", example = "fully_booked")
        String reason,

        @Schema(description = "Single-date form: the bookable start times")
        List<Slot> slots,

        @Schema(description = "Range form: first date", example = "2027-03-01")
        LocalDate startDate,

        @Schema(description = "Range form: last date", example = "2027-03-31")
        LocalDate endDate,

        @Schema(description = "Range form: one entry per date")
        List<Day> days) {

    static SlotSearchResult singleDay(
            UUID organizationId,
            UUID serviceId,
            String timezone,
            int partySize,
            UUID resourceId,
            UUID areaId,
            Day day) {
        return new SlotSearchResult(
                organizationId,
                serviceId,
                timezone,
                partySize,
                resourceId,
                areaId,
                day.date(),
                day.bookable(),
                day.reason(),
                day.slots(),
                null,
                null,
                null);
    }

    static SlotSearchResult range(
            UUID organizationId,
            UUID serviceId,
            String timezone,
            int partySize,
            UUID resourceId,
            UUID areaId,
            List<Day> days) {
        return new SlotSearchResult(
                organizationId,
                serviceId,
                timezone,
                partySize,
                resourceId,
                areaId,
                null,
                null,
                null,
                null,
                days.get(0).date(),
                days.get(days.size() - 1).date(),
                days);
    }

    /** One local date: bookable or not, why not, and its slots. */
    public record Day(
            @Schema(example = "2027-03-28") LocalDate date,
            boolean bookable,

            @Schema(
                    description = "Why nothing is bookable: closed, fully_booked, outside_booking_window,"
                            + " party_too_large or party_too_small; null when bookable",
                    example = "fully_booked")
            String reason,

            List<Slot> slots) {}

    /** One bookable start time. */
    public record Slot(
            @Schema(example = "2027-03-28T18:30:00Z") Instant startDatetime,
            @Schema(example = "2027-03-28T20:00:00Z") Instant endDatetime,

            @Schema(description = "Start in the service's local time", example = "20:30")
            String localTime,

            @Schema(
                    description = "How many more parties of this size could start here (seats left for"
                            + " shared seating); null when unlimited",
                    example = "3")
            Integer remainingCapacity,

            @Schema(description = "Resources that could be assigned, the one the engine would pick first")
            List<SlotResource> resources) {}

    /** A resource as the slots list names it. */
    public record SlotResource(
            UUID id,
            @Schema(example = "Table 4") String name,
            @Schema(example = "table") String resourceType) {}
}
