package io.reserva.notifications;

import io.reserva.reservations.ReservationView;
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
        String customerNotes) {

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
