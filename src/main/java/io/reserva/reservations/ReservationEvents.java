package io.reserva.reservations;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What happens to reservations, published inside the transaction that made it happen (the webhooks module
 * stores them in its outbox).
 */
public final class ReservationEvents {

    private ReservationEvents() {}

    public record ReservationCreated(ReservationView reservation) {}

    /**
     * A reservation changed; {@code previousServiceId} and {@code previousStart} are what it had before, so a
     * listener can tell which other day (or service) a move freed.
     */
    public record ReservationUpdated(
            ReservationView reservation, Set<String> changedFields, UUID previousServiceId, Instant previousStart) {

        /** A change that moved nothing (a status, notes). */
        public ReservationUpdated(ReservationView reservation, Set<String> changedFields) {
            this(reservation, changedFields, reservation.serviceId(), reservation.startDatetime());
        }
    }

    public record ReservationStatusChanged(ReservationView reservation, ReservationStatus from, ReservationStatus to) {}

    public record ReservationResourcesAssigned(ReservationView reservation) {}
}
