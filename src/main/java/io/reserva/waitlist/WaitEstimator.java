package io.reserva.waitlist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Quotes the wait of a party at the door from the live floor, the way a host reasons: every table that fits the
 * party is busy until its seated party's turn time runs out (a party already past it is expected to leave within
 * {@link #OVERDUE_GRACE}) and again from each booked arrival on it; the parties ahead in the queue take, in order,
 * the first table that fits them and is free long enough for their own turn time; this party gets the earliest
 * fitting table left.
 *
 * <p>Plain Java, no I/O: the time is passed in, the floor is an immutable input. The quote is a range around that
 * point, wider the further away it is (stays vary around the turn time, and the error grows with every party
 * ahead): {@link #MIN_SPREAD}, or a quarter of the wait when that is more.
 */
public final class WaitEstimator {

    /** A party seated longer than its turn time is expected to leave within this. */
    public static final Duration OVERDUE_GRACE = Duration.ofMinutes(5);

    /** The narrowest quoted range. */
    public static final Duration MIN_SPREAD = Duration.ofMinutes(10);

    /** A table: who it fits. {@code capacity} null means any size. */
    public record Table(Object id, int minPartySize, Integer capacity) {

        public Table {
            Objects.requireNonNull(id);
        }

        public boolean fits(int partySize) {
            return partySize >= minPartySize && (capacity == null || partySize <= capacity);
        }
    }

    /**
     * A table taken from {@code from} to {@code until}: a seated party (from its seating to the end of its turn
     * time) or a booked arrival (its start and end).
     */
    public record Occupation(Object tableId, Instant from, Instant until) {}

    /** The quote: how many parties are ahead and when this one should be seated. Null times: no table fits. */
    public record Quote(int partiesAhead, Instant seatFrom, Instant seatTo, Instant expectedSeat) {

        /** The middle of the range, the one instant to measure a quote by. */
        public Instant midpoint() {
            return seatFrom == null
                    ? null
                    : seatFrom.plus(Duration.between(seatFrom, seatTo).dividedBy(2));
        }
    }

    private final IntFunction<Duration> turnTime;

    /** {@code turnTime}: how long a party of a size stays (the service's turn times by party size). */
    public WaitEstimator(IntFunction<Duration> turnTime) {
        this.turnTime = turnTime;
    }

    /**
     * @param tables the tables that can serve the party's service
     * @param occupations who sits where and who is booked where (past ones are ignored)
     * @param queueAhead the sizes of the parties ahead, in queue order
     */
    public Quote quote(
            Instant now, List<Table> tables, List<Occupation> occupations, List<Integer> queueAhead, int partySize) {
        Map<Object, List<Interval>> busy = new HashMap<>();
        for (Table table : tables) {
            busy.put(table.id(), new ArrayList<>());
        }
        for (Occupation occupation : occupations) {
            List<Interval> intervals = busy.get(occupation.tableId());
            if (intervals == null) {
                continue;
            }
            Instant until = occupation.until();
            if (!occupation.from().isAfter(now) && !until.isAfter(now)) {
                until = now.plus(OVERDUE_GRACE);
            }
            if (until.isAfter(now)) {
                intervals.add(new Interval(occupation.from(), until));
            }
        }
        for (int size : queueAhead) {
            seatEarliest(now, tables, busy, size);
        }
        Instant expected = seatEarliest(now, tables, busy, partySize);
        if (expected == null) {
            return new Quote(queueAhead.size(), null, null, null);
        }
        Duration wait = Duration.between(now, expected);
        Duration spread = wait.dividedBy(4).compareTo(MIN_SPREAD) > 0 ? wait.dividedBy(4) : MIN_SPREAD;
        Instant from = expected.minus(spread.dividedBy(2));
        if (from.isBefore(now)) {
            from = now;
        }
        return new Quote(queueAhead.size(), from, from.plus(spread), expected);
    }

    /** Seats the party at the fitting table free soonest (the smallest of equals) and answers when; null: none. */
    private Instant seatEarliest(Instant now, List<Table> tables, Map<Object, List<Interval>> busy, int partySize) {
        Duration stay = turnTime.apply(partySize);
        Instant best = null;
        Table bestTable = null;
        for (Table table : tables) {
            if (!table.fits(partySize)) {
                continue;
            }
            Instant free = firstGap(now, busy.get(table.id()), stay);
            if (best == null || free.isBefore(best) || (free.equals(best) && smaller(table, bestTable))) {
                best = free;
                bestTable = table;
            }
        }
        if (bestTable != null) {
            busy.get(bestTable.id()).add(new Interval(best, best.plus(stay)));
        }
        return best;
    }

    private static boolean smaller(Table a, Table b) {
        int capacityA = a.capacity() == null ? Integer.MAX_VALUE : a.capacity();
        int capacityB = b.capacity() == null ? Integer.MAX_VALUE : b.capacity();
        return capacityA < capacityB;
    }

    /** The earliest instant from {@code now} at which the table stays free for {@code stay}. */
    static Instant firstGap(Instant now, List<Interval> intervals, Duration stay) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::from));
        Instant candidate = now;
        for (Interval interval : sorted) {
            if (!interval.until().isAfter(candidate)) {
                continue;
            }
            if (!candidate.plus(stay).isAfter(interval.from())) {
                return candidate;
            }
            candidate = interval.until();
        }
        return candidate;
    }

    record Interval(Instant from, Instant until) {}
}
