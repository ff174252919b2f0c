package io.reserva.console;

import io.reserva.contacts.Contact;
import io.reserva.reservations.ReservationView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One local day of an organization, everything a host's screen needs in one answer: the reservations starting
 * that day, the guests they are for, the resources with the time each is open, the services, and the counts.
 */
@Schema(name = "OrganizationDay")
public record Day(
        UUID organizationId,
        @Schema(example = "2026-12-04") LocalDate date,

        @Schema(
                description = "The organization's IANA time zone: the day is its local midnight to midnight",
                example = "Europe/Berlin")
        String timezone,

        @Schema(description = "Local midnight that starts the day", example = "2026-12-03T23:00:00Z")
        Instant startsAt,

        @Schema(
                description = "Local midnight that ends it (23 or 25 hours later across a daylight-saving change)",
                example = "2026-12-04T23:00:00Z")
        Instant endsAt,

        @Schema(
                description = "Where a timeline begins: the hour at or before the first opening of a resource or the"
                        + " first reservation",
                example = "2026-12-04T10:00:00Z")
        Instant timelineFrom,

        @Schema(
                description = "Where it ends: the hour at or after the last closing or reservation end; may be past"
                        + " midnight",
                example = "2026-12-05T01:00:00Z")
        Instant timelineUntil,

        DayCounts counts,

        @Schema(description = "The organization's business hours that start on this day")
        List<OpenSpan> businessHours,

        @Schema(
                description = "Active resources, and inactive ones holding a reservation of the day, by type and"
                        + " name, each with the time it is open on this day (its own hours within the business hours)")
        List<DayResource> resources,

        @Schema(description = "Every service, for names and party sizes")
        List<DayService> services,

        @Schema(description = "Reservations starting on this day, in start order, every status included")
        List<ReservationView> reservations,

        @Schema(description = "The contacts of those reservations (tags, notes and visit counts for a guest card)")
        List<Contact> contacts) {

    /** A stretch of open time, as instants and on the wall clock of the owner's zone. */
    @Schema(name = "OrganizationDayOpenSpan")
    public record OpenSpan(
            @Schema(example = "2026-12-04T17:00:00Z") Instant from,
            @Schema(example = "2026-12-05T00:00:00Z") Instant until,
            @Schema(example = "2026-12-04T18:00:00+01:00") String fromLocal,
            @Schema(example = "2026-12-05T01:00:00+01:00") String untilLocal) {}

    @Schema(name = "OrganizationDayResource")
    public record DayResource(
            UUID id,
            @Schema(example = "Table 4") String name,
            @Schema(example = "table") String resourceType,
            @Schema(example = "4") Integer capacity,
            @Schema(example = "1") int units,
            boolean isActive,
            UUID userId,
            @Schema(example = "Europe/Berlin") String timezone,
            List<OpenSpan> open) {}

    @Schema(name = "OrganizationDayService")
    public record DayService(
            UUID id,
            @Schema(example = "Dinner") String name,
            @Schema(example = "90") int durationMinutes,
            @Schema(example = "1") int minPartySize,
            @Schema(example = "8") Integer maxPartySize,
            boolean isActive) {}

    /** Parties and covers (people) in one group of statuses. */
    @Schema(name = "OrganizationDayTally")
    public record Tally(
            @Schema(example = "12") int parties,
            @Schema(example = "37") int covers) {}

    @Schema(name = "OrganizationDayCounts")
    public record DayCounts(
            @Schema(description = "pending, confirmed, seated, completed and no_show: everyone expected today")
            Tally booked,

            @Schema(description = "seated now") Tally seated,
            @Schema(description = "completed") Tally completed,

            @Schema(description = "pending and confirmed: still to come")
            Tally toCome,

            @Schema(description = "no_show") Tally noShow,
            @Schema(description = "cancelled") Tally cancelled) {}
}
