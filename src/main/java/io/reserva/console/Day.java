package io.reserva.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.reserva.catalog.ServicePacing;
import io.reserva.reservations.ContactSummary;
import io.reserva.reservations.GuestDetails;
import io.reserva.reservations.ReservationSource;
import io.reserva.reservations.ReservationStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One local day of an organization, everything a host's screen needs in one answer: the reservations starting
 * that day (and those still running into it from the day before), the tags of the guests they are for, the
 * resources with the time each is open, the services, and the counts. Reservations come in a short form, what a
 * list or a timeline shows; {@code GET /reservations/{id}} has the rest.
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
                        + " first reservation; the day's start when a reservation runs into the day from the one"
                        + " before",
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

        @Schema(
                description = "Reservations starting on this day, in start order, every status included, in short:"
                        + " GET /reservations/{id} has every field")
        List<DayReservation> reservations,

        @Schema(
                description = "Reservations that started before this day and still hold their place when it begins"
                        + " (held, pending, confirmed, seated or completed), in start order: a timeline draws them from"
                        + " its start. Not in the counts, which belong to the day they started")
        List<DayReservation> continuing,

        @Schema(description = "The guests of those reservations with their tags; GET /contacts/{id} has the card")
        List<DayContact> contacts) {

    /**
     * A reservation as a day's list and timeline show it: who, when, where, its state and notes. Absent fields are
     * null (no contact, no notes).
     */
    @Schema(name = "OrganizationDayReservation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DayReservation(
            UUID id,
            UUID serviceId,
            UUID contactId,
            ContactSummary contact,
            GuestDetails guestDetails,
            @Schema(example = "4") int partySize,
            @Schema(example = "2026-12-04T18:30:00Z") Instant startDatetime,
            @Schema(example = "2026-12-04T20:00:00Z") Instant endDatetime,
            ReservationStatus status,
            ReservationSource source,
            @Schema(example = "Window table if possible") String customerNotes,

            @Schema(example = "Regular, likes the house red")
            String internalNotes,

            List<DayAssignment> assignedResources,
            @Schema(example = "K7QX4M") String confirmationCode,

            @Schema(description = "Booked by staff outside availability")
            boolean isOverride) {}

    /** A resource a reservation holds, by id and name. */
    @Schema(name = "OrganizationDayAssignment")
    public record DayAssignment(
            UUID resourceId, @Schema(example = "Table 4") String name) {}

    /** A guest of the day: the tags the list shows and searches. */
    @Schema(name = "OrganizationDayContact")
    public record DayContact(
            UUID id, @Schema(example = "[\"vip\"]") List<String> tags) {}

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
            boolean isActive,

            @Schema(description = "Pacing limits (the covers footer shows max_covers per interval); null: none")
            ServicePacing pacing) {}

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
