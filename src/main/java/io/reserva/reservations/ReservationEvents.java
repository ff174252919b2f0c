package io.reserva.reservations;

import java.util.Set;

/**
 * What happens to reservations, published inside the transaction that made it happen (the webhooks module
 * stores them in its outbox).
 */
public final class ReservationEvents {

    private ReservationEvents() {}

    public record ReservationCreated(ReservationView reservation) {}

    public record ReservationUpdated(ReservationView reservation, Set<String> changedFields) {}

    public record ReservationStatusChanged(ReservationView reservation, ReservationStatus from, ReservationStatus to) {}

    public record ReservationResourcesAssigned(ReservationView reservation) {}
}
