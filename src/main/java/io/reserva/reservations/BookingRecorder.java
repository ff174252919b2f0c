package io.reserva.reservations;

/**
 * What a channel writes in a booking's own transaction, so that its record and the booking commit or roll back
 * together: Google's idempotency token, for one, must never name a booking that was not made, and a booking
 * must never be made without its token. Each retry after a lost race is a new transaction and calls both again.
 */
public interface BookingRecorder {

    /** First in the transaction, before anything is planned or written: where a channel serializes duplicates. */
    default void beforeBooking() {}

    /** Last in the transaction, with the booking written. */
    void booked(ReservationView booking);

    BookingRecorder NONE = booking -> {};
}
