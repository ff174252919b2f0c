package io.reserva.reservations;

import java.time.Instant;
import java.util.Set;

/**
 * What a {@link Reservation}'s behaviour caused, in the past tense. Internal: the application service turns them
 * into their side effects (allocations written or freed, a guest's visit recorded) and into the public
 * {@link ReservationEvents} the outbox stores.
 */
final class ReservationOccurrences {

    private ReservationOccurrences() {}

    /** Anything a reservation records. */
    interface Occurrence {}

    /** A move from one status to another. */
    interface StatusMoved extends Occurrence {
        ReservationStatus from();

        ReservationStatus to();
    }

    /** Held or pending, now confirmed. */
    record ReservationConfirmed(ReservationStatus from) implements StatusMoved {
        public ReservationStatus to() {
            return ReservationStatus.CONFIRMED;
        }
    }

    /** A hold turned into a booking the venue has yet to confirm. */
    record ReservationSubmitted(ReservationStatus from) implements StatusMoved {
        public ReservationStatus to() {
            return ReservationStatus.PENDING;
        }
    }

    record ReservationSeated(ReservationStatus from) implements StatusMoved {
        public ReservationStatus to() {
            return ReservationStatus.SEATED;
        }
    }

    /** Completed; {@code freedFrom} is when the place became free again, null when it runs its full time. */
    record ReservationCompleted(ReservationStatus from, Instant freedFrom) implements StatusMoved {
        public ReservationStatus to() {
            return ReservationStatus.COMPLETED;
        }
    }

    record ReservationCancelled(ReservationStatus from, CancelledBy by, String reason) implements StatusMoved {
        public ReservationStatus to() {
            return ReservationStatus.CANCELLED;
        }
    }

    record ReservationMarkedNoShow(ReservationStatus from) implements StatusMoved {
        public ReservationStatus to() {
            return ReservationStatus.NO_SHOW;
        }
    }

    record ReservationExpired(ReservationStatus from) implements StatusMoved {
        public ReservationStatus to() {
            return ReservationStatus.EXPIRED;
        }
    }

    /** Moved to another place; {@code fields} are the ones the change sent (start, service, party size, …). */
    record ReservationMoved(Placement placement, Set<String> fields) implements Occurrence {}

    /** Notes, references or custom fields changed; {@code fields} are the ones the change sent. */
    record ReservationDetailsChanged(Set<String> fields) implements Occurrence {}
}
