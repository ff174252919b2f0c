package io.reserva.availability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a booking goes: its interval, the occupied interval with this service's buffers, and the units taken.
 *
 * @param units empty when the party joins a shared start or the service uses no resources
 * @param joinedReservationId for shared seating, a reservation already at this start that the party joins
 */
public record Allocation(
        Instant start,
        Instant end,
        Instant occupiedFrom,
        Instant occupiedUntil,
        int partySize,
        List<AllocatedUnit> units,
        UUID joinedReservationId)
        implements AllocationResult {

    public Allocation {
        units = List.copyOf(units);
    }

    @Override
    public boolean allocated() {
        return true;
    }
}
