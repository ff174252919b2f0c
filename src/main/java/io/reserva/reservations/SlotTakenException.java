package io.reserva.reservations;

/** The database refused an allocation another transaction took first; the attempt is retried with fresh data. */
final class SlotTakenException extends RuntimeException {
    SlotTakenException() {
        super("an allocation overlapped one committed meanwhile", null, false, false);
    }
}
