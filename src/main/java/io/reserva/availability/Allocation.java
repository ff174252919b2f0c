package io.reserva.availability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a booking goes: its interval, the occupied interval with this service's buffers, and the units taken.
 *
 * @param units empty when the party joins a shared start or the service uses no resources
 * @param joinedReservationId for shared seating, a reservation already at this start that the party joins
 * @param seatingPreferenceMet null when no area was preferred; otherwise whether the party sits wholly in it
 *     (docs/scheduling-rules.md §6, "Areas")
 */
public record Allocation(
        Instant start,
        Instant end,
        Instant occupiedFrom,
        Instant occupiedUntil,
        int partySize,
        List<AllocatedUnit> units,
        UUID joinedReservationId,
        Boolean seatingPreferenceMet)
        implements AllocationResult {

    public Allocation {
        units = List.copyOf(units);
    }

    Allocation withSeatingPreferenceMet(Boolean met) {
        return new Allocation(start, end, occupiedFrom, occupiedUntil, partySize, units, joinedReservationId, met);
    }

    @Override
    public boolean allocated() {
        return true;
    }
}
