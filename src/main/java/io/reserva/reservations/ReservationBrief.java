package io.reserva.reservations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reservation in short, as a day's list and timeline show it: who, when, where (the resources it holds, by id,
 * in allocation order, each once), its state and notes. Read straight from the rows, without the view's local
 * times, custom fields or resource details, which a day of several hundred reservations does not show.
 */
public record ReservationBrief(
        UUID id,
        UUID serviceId,
        UUID contactId,
        ContactSummary contact,
        GuestDetails guestDetails,
        int partySize,
        Instant startDatetime,
        Instant endDatetime,
        ReservationStatus status,
        ReservationSource source,
        String customerNotes,
        String internalNotes,
        List<UUID> resourceIds,
        String confirmationCode,
        boolean isOverride) {

    /** The same reservation holding these resources. */
    ReservationBrief holding(List<UUID> resources) {
        return new ReservationBrief(
                id,
                serviceId,
                contactId,
                contact,
                guestDetails,
                partySize,
                startDatetime,
                endDatetime,
                status,
                source,
                customerNotes,
                internalNotes,
                List.copyOf(resources),
                confirmationCode,
                isOverride);
    }
}
