package io.reserva.reservations;

import io.reserva.availability.AllocatedUnit;
import io.reserva.availability.Allocation;
import io.reserva.catalog.ReservationService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Where a party goes: the times (buffers included) and the units to hold. Planned by the engine, chosen by staff
 * (override with resources), or, for an override outside hours or capacity, no units at all.
 */
record Placement(
        ReservationService service,
        int partySize,
        Instant start,
        Instant end,
        Instant occupiedFrom,
        Instant occupiedUntil,
        List<AllocationRow> units,
        Boolean seatingPreferenceMet) {

    static Placement of(ReservationService service, int partySize, Allocation allocation) {
        return new Placement(
                service,
                partySize,
                allocation.start(),
                allocation.end(),
                allocation.occupiedFrom(),
                allocation.occupiedUntil(),
                allocation.units().stream()
                        .map(unit -> unitRow(unit, allocation.occupiedFrom(), allocation.occupiedUntil()))
                        .toList(),
                allocation.seatingPreferenceMet());
    }

    /** The service's times for this party, holding no resource. */
    static Placement unassigned(ReservationService service, Instant start, int partySize) {
        Instant end = start.plus(Duration.ofMinutes(service.durationFor(partySize)));
        return new Placement(
                service,
                partySize,
                start,
                end,
                start.minus(Duration.ofMinutes(service.bufferBeforeMinutes())),
                end.plus(Duration.ofMinutes(service.bufferAfterMinutes())),
                List.of(),
                null);
    }

    /** The same times, holding the given units. */
    Placement holding(List<AllocationRow> chosen) {
        return new Placement(
                service, partySize, start, end, occupiedFrom, occupiedUntil, List.copyOf(chosen), seatingPreferenceMet);
    }

    /** The same place, saying whether the guest's seating preference was met (null: none was given). */
    Placement preferenceMet(Boolean met) {
        return new Placement(service, partySize, start, end, occupiedFrom, occupiedUntil, units, met);
    }

    private static AllocationRow unitRow(AllocatedUnit unit, Instant from, Instant until) {
        return new AllocationRow(
                null, unit.resourceId(), unit.unitIndex(), unit.mode().name().toLowerCase(Locale.ROOT), from, until);
    }
}
