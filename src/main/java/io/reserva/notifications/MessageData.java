package io.reserva.notifications;

import io.reserva.reservations.ReservationView;
import io.reserva.waitlist.WaitlistEntryView;
import java.time.Instant;
import java.util.UUID;

/**
 * What a message says about its booking, as the booking stood when the message was queued: a change message
 * keeps describing the change it announced even when the booking moves again before it is sent.
 */
record MessageData(
        UUID contactId,
        String firstName,
        String lastName,
        UUID serviceId,
        int partySize,
        Instant startDatetime,
        Instant endDatetime,
        String confirmationCode,
        String customerNotes,
        Instant offerExpiresAt) {

    MessageData(
            UUID contactId,
            String firstName,
            String lastName,
            UUID serviceId,
            int partySize,
            Instant startDatetime,
            Instant endDatetime,
            String confirmationCode,
            String customerNotes) {
        this(
                contactId,
                firstName,
                lastName,
                serviceId,
                partySize,
                startDatetime,
                endDatetime,
                confirmationCode,
                customerNotes,
                null);
    }

    /**
     * A waitlist message: for an offer, the start on offer and when the offer lapses; for a party waiting now, the
     * moment the table became ready.
     */
    static MessageData of(WaitlistEntryView entry, Instant now) {
        var contact = entry.contact();
        Instant start = entry.offerStart() != null ? entry.offerStart() : now;
        return new MessageData(
                entry.contactId(),
                contact == null ? null : contact.firstName(),
                contact == null ? null : contact.lastName(),
                entry.serviceId(),
                entry.partySize(),
                start,
                null,
                null,
                null,
                entry.offerExpiresAt());
    }

    static MessageData of(ReservationView reservation) {
        var contact = reservation.contact();
        return new MessageData(
                reservation.contactId(),
                contact == null ? null : contact.firstName(),
                contact == null ? null : contact.lastName(),
                reservation.serviceId(),
                reservation.partySize(),
                reservation.startDatetime(),
                reservation.endDatetime(),
                reservation.confirmationCode(),
                reservation.customerNotes());
    }

    /** The guest's name as typed, or an empty string when the booking has none. */
    String guestName() {
        String first = firstName == null ? "" : firstName.strip();
        String last = lastName == null ? "" : lastName.strip();
        return (first + " " + last).strip();
    }
}
