package io.reserva.waitlist;

import io.reserva.reservations.ContactSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A waitlist entry as the API shows it, with its place in the queue and, for now entries, the quoted wait. */
@Schema(name = "WaitlistEntry")
public record WaitlistEntryView(
        UUID id,
        UUID organizationId,
        UUID serviceId,
        UUID contactId,

        @Schema(description = "Who is waiting: the contact's name, email and phone; null when there is none")
        ContactSummary contact,

        @Schema(example = "4") int partySize,
        @Schema(example = "now") WaitlistKind kind,

        @Schema(description = "The venue's local date of the queue", example = "2027-03-28")
        LocalDate date,

        @Schema(description = "Later entries: earliest start wanted", example = "19:30")
        String windowStart,

        @Schema(description = "Later entries: latest start wanted", example = "21:30")
        String windowEnd,

        String notes,
        List<String> tags,
        WaitlistEntrySource source,
        WaitlistEntryStatus status,

        @Schema(
                description = "1 for the next party of its queue (same day and kind); null once it left the queue",
                example = "3")
        Integer position,

        @Schema(description = "Active entries ahead in the same queue; null once it left the queue", example = "2")
        Integer partiesAhead,

        @Schema(
                description = "Now entries: the start of the quoted seat time range, from the live floor (or the"
                        + " staff's override); null when no table of the service fits or no service is given",
                example = "2027-03-28T19:40:00Z")
        Instant estimatedSeatFrom,

        @Schema(description = "Now entries: the end of the quoted range", example = "2027-03-28T19:50:00Z")
        Instant estimatedSeatTo,

        @Schema(description = "Whether staff set the quote by hand")
        boolean quoteOverridden,

        @Schema(description = "The reservation the entry became when seated or when its offer was accepted")
        UUID reservationId,

        @Schema(description = "Later entries with an open offer: the held reservation")
        UUID offerReservationId,

        @Schema(description = "The start on offer", example = "2027-03-28T19:45:00Z")
        Instant offerStart,

        @Schema(description = "When the offer lapses and passes to the next entry", example = "2027-03-28T18:10:00Z")
        Instant offerExpiresAt,

        @Schema(description = "When the party joined the queue")
        Instant createdAt,

        Instant offeredAt,
        Instant checkedInAt,
        Instant seatedAt,
        Instant cancelledAt,
        Instant declinedAt,
        Instant noShowAt,
        Instant expiredAt,
        Instant updatedAt) {

    /** The same entry without its stored contact, for answers to callers who did not send it (assistants). */
    public WaitlistEntryView withoutContact() {
        return new WaitlistEntryView(
                id,
                organizationId,
                serviceId,
                contactId,
                null,
                partySize,
                kind,
                date,
                windowStart,
                windowEnd,
                notes,
                tags,
                source,
                status,
                position,
                partiesAhead,
                estimatedSeatFrom,
                estimatedSeatTo,
                quoteOverridden,
                reservationId,
                offerReservationId,
                offerStart,
                offerExpiresAt,
                createdAt,
                offeredAt,
                checkedInAt,
                seatedAt,
                cancelledAt,
                declinedAt,
                noShowAt,
                expiredAt,
                updatedAt);
    }
}
