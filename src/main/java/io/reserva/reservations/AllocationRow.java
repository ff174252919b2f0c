package io.reserva.reservations;

import java.time.Instant;
import java.util.UUID;

/** One unit of one resource held by a reservation over [occupiedFrom, occupiedUntil). */
record AllocationRow(
        UUID reservationId,
        UUID resourceId,
        int unitIndex,
        String assignmentMode,
        Instant occupiedFrom,
        Instant occupiedUntil) {

    /** The same unit, held by the given reservation. */
    AllocationRow of(UUID reservation) {
        return new AllocationRow(reservation, resourceId, unitIndex, assignmentMode, occupiedFrom, occupiedUntil);
    }
}
