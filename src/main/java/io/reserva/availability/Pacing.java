package io.reserva.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How fast a service may take new guests (docs/scheduling-rules.md §4, rule 6b). A null limit does not apply.
 *
 * @param intervalMinutes the length of a pacing interval; intervals are counted in real minutes from the start of
 *     the service's local day, so on a 15-minute interval 19:00–19:15 is one interval
 * @param maxCovers guests of parties starting within one interval
 * @param maxParties parties starting within one interval
 * @param maxSeatedCovers guests of this service seated at the same moment (from start to end, buffers aside)
 */
public record Pacing(Integer intervalMinutes, Integer maxCovers, Integer maxParties, Integer maxSeatedCovers) {

    public Pacing {
        if ((maxCovers != null || maxParties != null) && (intervalMinutes == null || intervalMinutes < 1)) {
            throw new IllegalArgumentException("a per-interval limit needs an interval of at least one minute");
        }
    }

    /** The first instant of the interval that holds {@code start}. */
    Instant intervalStart(Instant start, ZoneId zone) {
        Instant dayStart = LocalDate.ofInstant(start, zone).atStartOfDay(zone).toInstant();
        long minutes = Duration.between(dayStart, start).toMinutes();
        return dayStart.plus(Duration.ofMinutes(minutes - minutes % intervalMinutes));
    }

    Instant intervalEnd(Instant intervalStart) {
        return intervalStart.plus(Duration.ofMinutes(intervalMinutes));
    }

    boolean perInterval() {
        return maxCovers != null || maxParties != null;
    }

    /**
     * How many more parties of this size these limits let start at {@code start} (staying until {@code end}), given
     * the parties they count; below 1 none may.
     */
    int partiesLeft(OccupancyIndex.ServiceParties parties, Instant start, Instant end, ZoneId zone, int partySize) {
        int left = Integer.MAX_VALUE;
        if (perInterval()) {
            Instant from = intervalStart(start, zone);
            int[] started = parties.coversAndPartiesStartingBetween(from, intervalEnd(from));
            if (maxCovers != null) {
                left = Math.min(left, (maxCovers - started[0]) / partySize);
            }
            if (maxParties != null) {
                left = Math.min(left, maxParties - started[1]);
            }
        }
        if (maxSeatedCovers != null) {
            left = Math.min(left, (maxSeatedCovers - parties.peakSeatedCovers(start, end)) / partySize);
        }
        return left;
    }
}
