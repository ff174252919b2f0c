package io.reserva.availability.bench;

import io.reserva.availability.AreaPacing;
import io.reserva.availability.Combination;
import io.reserva.availability.Occupancy;
import io.reserva.availability.OpeningHours;
import io.reserva.availability.Pacing;
import io.reserva.availability.Resource;
import io.reserva.availability.ResourceLink;
import io.reserva.availability.ScheduleSnapshot;
import io.reserva.availability.WeeklyWindow;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A reproducible restaurant floor (fixed seed) for issue 17's benchmark: 60 tables in three groups of 20 (dining
 * room, terrace with its own shorter hours, bar), 20 combinations of neighbouring tables, pacing of 30 covers per
 * 15 minutes and 160 guests seated at once, and about 6,000 dinner reservations over 28 days. The three groups are
 * real areas ({@link #DINING_ROOM}, {@link #TERRACE}, {@link #BAR}); the terrace's tables also keep shorter hours.
 * Two areas are paced too: the terrace at 12 guests per quarter hour and 60 seated at once, the bar at 50 seated.
 */
public final class FloorDataset {

    public static final int TABLES = 60;
    public static final int COMBINATIONS = 20;
    public static final int RESERVATION_COUNT = 6_000;

    public static final UUID DINING_ROOM = uuid("floor-area:dining-room");
    public static final UUID TERRACE = uuid("floor-area:terrace");
    public static final UUID BAR = uuid("floor-area:bar");

    private static final long SEED = 20_271_217L;

    private FloorDataset() {}

    public static ScheduleSnapshot generate() {
        Random random = new Random(SEED);
        List<Resource> tables = tables();
        return new ScheduleSnapshot(
                RestaurantDataset.dinnerService(),
                List.of(ResourceLink.anyAvailable("table")),
                tables,
                dinnerHours(),
                reservations(random, tables),
                combinations(tables),
                new Pacing(15, 30, null, 160),
                List.of(
                        new AreaPacing(TERRACE, new Pacing(15, 12, null, 60)),
                        new AreaPacing(BAR, new Pacing(null, null, null, 50))));
    }

    private static List<Resource> tables() {
        int[] seats = {2, 2, 4, 4, 4, 6};
        List<Resource> tables = new ArrayList<>();
        for (int i = 0; i < TABLES; i++) {
            int size = seats[i % seats.length];
            Resource table = Resource.of(uuid("floor-table:" + i), "Table " + (i + 1), "table", RestaurantDataset.ZONE)
                    .withCapacity(size, size == 6 ? 3 : null);
            if (i >= 20 && i < 40) {
                table = table.withHours(everyDay("12:00", "22:00"));
            }
            table = table.inArea(i < 20 ? DINING_ROOM : i < 40 ? TERRACE : BAR);
            tables.add(table);
        }
        return tables;
    }

    /** Neighbours join (6 or 10 seats), spread over the whole floor. */
    private static List<Combination> combinations(List<Resource> tables) {
        List<Combination> combinations = new ArrayList<>();
        for (int i = 0; i < COMBINATIONS; i++) {
            int first = 1 + 3 * i;
            Resource a = tables.get(first);
            Resource b = tables.get(first + 1);
            int seats = a.capacity() + b.capacity();
            combinations.add(new Combination(
                    uuid("floor-combination:" + i),
                    a.name() + " + " + b.name(),
                    List.of(a.id(), b.id()),
                    Math.min(7, seats),
                    Math.max(Math.min(7, seats), seats)));
        }
        return combinations;
    }

    private static OpeningHours dinnerHours() {
        return OpeningHours.weekly(RestaurantDataset.ZONE, everyDay("11:30", "23:30"));
    }

    private static List<WeeklyWindow> everyDay(String start, String end) {
        List<WeeklyWindow> weekly = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.add(WeeklyWindow.of(day, start, end));
        }
        return weekly;
    }

    /** Random dinner places, kept only when the table is free for the whole occupied interval. */
    private static List<Occupancy> reservations(Random random, List<Resource> tables) {
        Map<UUID, List<Instant[]>> busyByTable = new HashMap<>();
        List<Occupancy> rows = new ArrayList<>();
        while (rows.size() < RESERVATION_COUNT) {
            Resource table = tables.get(random.nextInt(tables.size()));
            LocalDate day = RestaurantDataset.FIRST_DAY.plusDays(random.nextInt(RestaurantDataset.BOOKED_DAYS));
            Instant start = day.atTime(12, 0)
                    .atZone(RestaurantDataset.ZONE)
                    .toInstant()
                    .plusSeconds(60L * 15 * random.nextInt(36));
            Instant end = start.plusSeconds(60L * (90 + 15 * random.nextInt(3)));
            Instant occupiedUntil = end.plusSeconds(60L * 15);
            List<Instant[]> busy = busyByTable.computeIfAbsent(table.id(), id -> new ArrayList<>());
            if (busy.stream().anyMatch(b -> b[0].isBefore(occupiedUntil) && start.isBefore(b[1]))) {
                continue;
            }
            busy.add(new Instant[] {start, occupiedUntil});
            rows.add(new Occupancy(
                    uuid("floor-reservation:" + rows.size()),
                    RestaurantDataset.DINNER,
                    table.id(),
                    0,
                    start,
                    end,
                    start,
                    occupiedUntil,
                    1 + random.nextInt(table.capacity())));
        }
        return rows;
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
