package io.reserva.waitlist.bench;

import io.reserva.waitlist.WaitEstimator;
import io.reserva.waitlist.WaitEstimator.Occupation;
import io.reserva.waitlist.WaitEstimator.Quote;
import io.reserva.waitlist.WaitEstimator.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Replays busy evenings of a 14-table restaurant, minute by minute, with a fixed seed, and measures how far the
 * quotes given to walk-ins were from when they were actually seated: {@link WaitEstimator} beside the naive "N
 * minutes per party ahead" rule (for several N, so the naive rule gets its best case in hindsight).
 *
 * <p>The evening: bookings on a 15-minute grid from 17:00 to 21:30 (some cancel beforehand, some never come,
 * the rest arrive up to 10 minutes late), walk-ins arriving at random (busiest 18:30 to 21:00; some give up
 * and leave), stays drawn around the turn time (log-normal, sigma 0.25). The host seats booked parties at
 * their table when it is free, then the queue in order, each at the smallest free table that fits and is not
 * needed by a booking before the party's turn time is up. The estimator sees only what a host would: who sits
 * where since when, the bookings not (yet) cancelled, and the queue.
 *
 * <p>Run (plain Java, no dependencies; an optional argument sets the number of evenings, default 50):
 * {@code ./mvnw -q -o test-compile && java -cp target/classes:target/test-classes
 * io.reserva.waitlist.bench.WaitQuoteSimulation} (see docs/waitlist.md).
 */
public final class WaitQuoteSimulation {

    public static final long SEED = 20261201L;
    static final int[] NAIVE_MINUTES = {5, 10, 15, 20, 25};
    private static final Instant OPEN = Instant.parse("2027-03-26T17:00:00Z");
    private static final int MINUTES = 7 * 60;

    /** The mean absolute errors, in minutes, over every walk-in who was seated. */
    public record Result(int quotes, double meanWait, double estimatorMae, Map<Integer, Double> naiveMae) {

        public double bestNaiveMae() {
            return naiveMae.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .min()
                    .orElseThrow();
        }

        public int bestNaiveMinutes() {
            return naiveMae.entrySet().stream()
                    .min(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
        }
    }

    static Duration turnTime(int size) {
        return Duration.ofMinutes(size <= 2 ? 75 : size <= 4 ? 90 : 120);
    }

    private static final class Party {
        final int size;
        final Instant arrives;
        final Instant leavesQueueAt;
        Instant seatedAt;
        Instant leavesAt;
        Object table;
        Quote quote;
        int aheadWhenQuoted;

        Party(int size, Instant arrives, Instant leavesQueueAt) {
            this.size = size;
            this.arrives = arrives;
            this.leavesQueueAt = leavesQueueAt;
        }
    }

    private static final class Booking {
        final Object table;
        final int size;
        final Instant start;
        final Instant cancelledAt;
        final boolean noShow;
        final Instant arrives;
        Party party;

        Booking(Object table, int size, Instant start, Instant cancelledAt, boolean noShow, Instant arrives) {
            this.table = table;
            this.size = size;
            this.start = start;
            this.cancelledAt = cancelledAt;
            this.noShow = noShow;
            this.arrives = arrives;
        }

        boolean knownCancelled(Instant now) {
            return (cancelledAt != null && !cancelledAt.isAfter(now))
                    || (noShow && !start.plus(Duration.ofMinutes(15)).isAfter(now));
        }
    }

    public static Result run(long seed, int evenings) {
        Random random = new Random(seed);
        double estimatorError = 0;
        Map<Integer, Double> naiveError = new LinkedHashMap<>();
        int quotes = 0;
        double waited = 0;
        for (int evening = 0; evening < evenings; evening++) {
            List<Party> seatedWalkIns = evening(random);
            for (Party party : seatedWalkIns) {
                quotes++;
                double actual = minutes(party.arrives, party.seatedAt);
                waited += actual;
                estimatorError += Math.abs(minutes(party.arrives, party.quote.midpoint()) - actual);
                for (int n : NAIVE_MINUTES) {
                    naiveError.merge(n, Math.abs((double) n * party.aheadWhenQuoted - actual), Double::sum);
                }
            }
        }
        Map<Integer, Double> naiveMae = new LinkedHashMap<>();
        for (Map.Entry<Integer, Double> entry : naiveError.entrySet()) {
            naiveMae.put(entry.getKey(), entry.getValue() / quotes);
        }
        return new Result(quotes, waited / quotes, estimatorError / quotes, naiveMae);
    }

    /** One evening; answers the walk-ins who were seated, each with the quote they were given. */
    private static List<Party> evening(Random random) {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tables.add(new Table("two-" + i, 1, 2));
            tables.add(new Table("four-" + i, 1, 4));
        }
        tables.add(new Table("six-0", 3, 6));
        tables.add(new Table("six-1", 3, 6));
        List<Booking> bookings = bookings(random, tables);
        List<Party> walkIns = walkIns(random);
        List<Party> queue = new ArrayList<>();
        List<Party> seated = new ArrayList<>();
        List<Party> seatedWalkIns = new ArrayList<>();
        WaitEstimator estimator = new WaitEstimator(WaitQuoteSimulation::turnTime);
        int nextWalkIn = 0;
        for (int minute = 0; minute <= MINUTES + 180; minute++) {
            Instant now = OPEN.plus(Duration.ofMinutes(minute));
            seated.removeIf(party -> !party.leavesAt.isAfter(now));
            queue.removeIf(party -> party.leavesQueueAt != null && !party.leavesQueueAt.isAfter(now));
            while (nextWalkIn < walkIns.size()
                    && !walkIns.get(nextWalkIn).arrives.isAfter(now)) {
                Party party = walkIns.get(nextWalkIn++);
                party.quote = estimator.quote(
                        now,
                        tables,
                        floor(now, seated, bookings),
                        queue.stream().map(p -> p.size).toList(),
                        party.size);
                party.aheadWhenQuoted = queue.size();
                queue.add(party);
            }
            for (Booking booking : bookings) {
                if (booking.cancelledAt != null || booking.noShow || booking.party != null) {
                    continue;
                }
                if (!booking.arrives.isAfter(now) && free(booking.table, seated)) {
                    Party party = new Party(booking.size, booking.arrives, null);
                    seat(party, booking.table, now, random);
                    booking.party = party;
                    seated.add(party);
                }
            }
            for (Party party : new ArrayList<>(queue)) {
                Object table = tableFor(party, tables, seated, bookings, now);
                if (table != null) {
                    seat(party, table, now, random);
                    seated.add(party);
                    queue.remove(party);
                    if (party.quote.seatFrom() != null) {
                        seatedWalkIns.add(party);
                    }
                }
            }
        }
        return seatedWalkIns;
    }

    /** What the host's screen shows: seated parties until their turn time is up, and the bookings still due. */
    private static List<Occupation> floor(Instant now, List<Party> seated, List<Booking> bookings) {
        List<Occupation> floor = new ArrayList<>();
        for (Party party : seated) {
            floor.add(new Occupation(party.table, party.seatedAt, party.seatedAt.plus(turnTime(party.size))));
        }
        for (Booking booking : bookings) {
            if (booking.party == null && !booking.knownCancelled(now)) {
                floor.add(new Occupation(booking.table, booking.start, booking.start.plus(turnTime(booking.size))));
            }
        }
        return floor;
    }

    private static Object tableFor(
            Party party, List<Table> tables, List<Party> seated, List<Booking> bookings, Instant now) {
        Instant needed = now.plus(turnTime(party.size));
        return tables.stream()
                .filter(table -> table.fits(party.size))
                .filter(table -> free(table.id(), seated))
                .filter(table -> bookings.stream()
                        .noneMatch(booking -> booking.table.equals(table.id())
                                && booking.party == null
                                && !booking.knownCancelled(now)
                                && booking.start.isBefore(needed)
                                && booking.start.plus(turnTime(booking.size)).isAfter(now)))
                .min(Comparator.comparing(Table::capacity))
                .map(Table::id)
                .orElse(null);
    }

    private static boolean free(Object table, List<Party> seated) {
        return seated.stream().noneMatch(party -> party.table.equals(table));
    }

    private static void seat(Party party, Object table, Instant now, Random random) {
        party.table = table;
        party.seatedAt = now;
        double factor = Math.exp(random.nextGaussian() * 0.25);
        long stay = Math.round(turnTime(party.size).toMinutes() * Math.max(0.5, Math.min(1.8, factor)));
        party.leavesAt = now.plus(Duration.ofMinutes(stay));
    }

    private static List<Booking> bookings(Random random, List<Table> tables) {
        List<Booking> bookings = new ArrayList<>();
        Map<Object, List<Instant[]>> taken = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            int size = size(random);
            Instant start = OPEN.plus(Duration.ofMinutes(15L * random.nextInt(19)));
            Instant end = start.plus(turnTime(size));
            Table table = tables.stream()
                    .filter(t -> t.fits(size))
                    .filter(t -> taken.getOrDefault(t.id(), List.of()).stream()
                            .noneMatch(slot -> slot[0].isBefore(end) && slot[1].isAfter(start)))
                    .min(Comparator.comparing(Table::capacity))
                    .orElse(null);
            if (table == null) {
                continue;
            }
            taken.computeIfAbsent(table.id(), id -> new ArrayList<>()).add(new Instant[] {start, end});
            double fate = random.nextDouble();
            Instant cancelledAt = fate < 0.10
                    ? OPEN.plus(Duration.ofMinutes(random.nextInt(Math.max(1, minutes(OPEN, start)) + 1)))
                    : null;
            boolean noShow = fate >= 0.10 && fate < 0.17;
            Instant arrives = start.plus(Duration.ofMinutes(random.nextInt(11)));
            bookings.add(new Booking(table.id(), size, start, cancelledAt, noShow, arrives));
        }
        return bookings;
    }

    private static List<Party> walkIns(Random random) {
        List<Party> walkIns = new ArrayList<>();
        double minute = 0;
        while (minute < MINUTES - 60) {
            boolean busy = minute >= 90 && minute < 240;
            minute += -Math.log(1 - random.nextDouble()) * (busy ? 10.0 : 20.0);
            Instant arrives = OPEN.plus(Duration.ofSeconds(Math.round(minute * 60)));
            Instant gives =
                    random.nextDouble() < 0.10 ? arrives.plus(Duration.ofMinutes(10 + random.nextInt(31))) : null;
            walkIns.add(new Party(size(random), arrives, gives));
        }
        return walkIns;
    }

    private static int size(Random random) {
        double draw = random.nextDouble();
        return draw < 0.5 ? 2 : draw < 0.6 ? 1 : draw < 0.85 ? 3 + random.nextInt(2) : 5 + random.nextInt(2);
    }

    private static int minutes(Instant from, Instant to) {
        return (int) Duration.between(from, to).toMinutes();
    }

    public static void main(String[] args) {
        int evenings = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long started = System.nanoTime();
        Result result = run(SEED, evenings);
        System.out.printf(
                "Wait quotes, %d evenings (seed %d), %d walk-ins seated and measured%n",
                evenings, SEED, result.quotes());
        System.out.printf("  actual wait, mean            %6.1f min%n", result.meanWait());
        System.out.printf("  estimator (live floor)       MAE %6.1f min%n", result.estimatorMae());
        for (Map.Entry<Integer, Double> naive : result.naiveMae().entrySet()) {
            System.out.printf("  naive %2d min per party ahead MAE %6.1f min%n", naive.getKey(), naive.getValue());
        }
        System.out.printf(
                "  error vs the best naive rule (%d min): %.0f%% lower%n",
                result.bestNaiveMinutes(), 100 * (1 - result.estimatorMae() / result.bestNaiveMae()));
        System.out.printf("  (%.1f s)%n", (System.nanoTime() - started) / 1e9);
    }
}
