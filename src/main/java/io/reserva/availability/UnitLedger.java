package io.reserva.availability;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * The free units of each planned resource for one occupied window, and which of them are already taken by
 * the parties placed so far; a fresh ledger is the state of the database, later ones are what-ifs.
 */
final class UnitLedger {

    private final ResourcePlan plan;
    private final OccupancyIndex occupancies;
    private final Map<UUID, OpenIntervals> resourceHours;
    private final Interval window;
    private final int[][] freeUnits;
    private final int[] taken;
    private final boolean[] blocked;

    UnitLedger(ResourcePlan plan, OccupancyIndex occupancies, Map<UUID, OpenIntervals> resourceHours, Interval window) {
        this.plan = plan;
        this.occupancies = occupancies;
        this.resourceHours = resourceHours;
        this.window = window;
        this.freeUnits = new int[plan.resourceCount()][];
        this.taken = new int[plan.resourceCount()];
        this.blocked = new boolean[plan.resourceCount()];
    }

    int available(int resource) {
        return blocked[resource] ? 0 : free(resource).length - taken[resource];
    }

    /** Whether the resource had a free unit before anything was taken in this ledger, and may take a party. */
    boolean wasFree(int resource) {
        return !blocked[resource] && free(resource).length > 0;
    }

    /** From now on the resource takes no further party here (its area's pacing is full), whatever it has free. */
    void block(int resource) {
        blocked[resource] = true;
    }

    /** Lowest free unit indexes first, so allocations pack onto the same units the way staff expect. */
    int[] take(int resource, int count) {
        int[] free = free(resource);
        int[] units = new int[count];
        System.arraycopy(free, taken[resource], units, 0, count);
        taken[resource] += count;
        return units;
    }

    void release(int resource, int count) {
        taken[resource] -= count;
    }

    private int[] free(int number) {
        int[] free = freeUnits[number];
        if (free == null) {
            free = computeFree(plan.resource(number));
            freeUnits[number] = free;
        }
        return free;
    }

    /** A unit is free when the resource is open for the whole window and no row on that unit overlaps it. */
    private int[] computeFree(Resource resource) {
        OpenIntervals hours = resourceHours.get(resource.id());
        if (hours != null && !hours.covers(window.from(), window.until())) {
            return new int[0];
        }
        OccupancyIndex.ResourceTimeline timeline = occupancies.timelineOf(resource.id());
        int[] free = new int[resource.units()];
        int count = 0;
        Instant from = window.from();
        Instant until = window.until();
        for (int unit = 0; unit < resource.units(); unit++) {
            if (timeline.unitFree(unit, from, until)) {
                free[count++] = unit;
            }
        }
        return count == free.length ? free : Arrays.copyOf(free, count);
    }
}
