package io.reserva.availability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** An owner's open real time as sorted, disjoint intervals; touching windows count as one. */
final class OpenIntervals {

    private final Instant[] starts;
    private final Instant[] ends;

    private OpenIntervals(Instant[] starts, Instant[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    static OpenIntervals merge(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::from));
        List<Instant> mergedStarts = new ArrayList<>();
        List<Instant> mergedEnds = new ArrayList<>();
        for (Interval interval : sorted) {
            int last = mergedEnds.size() - 1;
            if (last >= 0 && !interval.from().isAfter(mergedEnds.get(last))) {
                if (interval.until().isAfter(mergedEnds.get(last))) {
                    mergedEnds.set(last, interval.until());
                }
            } else {
                mergedStarts.add(interval.from());
                mergedEnds.add(interval.until());
            }
        }
        return new OpenIntervals(mergedStarts.toArray(Instant[]::new), mergedEnds.toArray(Instant[]::new));
    }

    /**
     * Where both are open; null stands for an owner without constraint, so the other is the answer (and null when
     * neither constrains).
     */
    static OpenIntervals intersect(OpenIntervals a, OpenIntervals b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        List<Instant> bothStarts = new ArrayList<>();
        List<Instant> bothEnds = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.starts.length && j < b.starts.length) {
            Instant from = a.starts[i].isAfter(b.starts[j]) ? a.starts[i] : b.starts[j];
            Instant until = a.ends[i].isBefore(b.ends[j]) ? a.ends[i] : b.ends[j];
            if (from.isBefore(until)) {
                bothStarts.add(from);
                bothEnds.add(until);
            }
            if (a.ends[i].isBefore(b.ends[j])) {
                i++;
            } else {
                j++;
            }
        }
        return new OpenIntervals(bothStarts.toArray(Instant[]::new), bothEnds.toArray(Instant[]::new));
    }

    /** Whether [from, until) lies inside one open stretch. */
    boolean covers(Instant from, Instant until) {
        int found = Arrays.binarySearch(starts, from);
        int candidate = found >= 0 ? found : -found - 2;
        return candidate >= 0 && !ends[candidate].isBefore(until);
    }
}
