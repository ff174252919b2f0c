package io.reserva.availability.bench;

import io.reserva.availability.HoursException;
import io.reserva.availability.Occupancy;
import io.reserva.availability.OpeningHours;
import io.reserva.availability.PartySizeDuration;
import io.reserva.availability.Resource;
import io.reserva.availability.ResourceLink;
import io.reserva.availability.ScheduleSnapshot;
import io.reserva.availability.ServiceRules;
import io.reserva.availability.WeeklyWindow;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A reproducible restaurant (fixed seed): 50 resources (two-, four- and six-seat tables, a counter with
 * several units, staff and equipment), eight weeks of hours with exceptions, and 10,000 reservations over the
 * first 28 days that never overlap on a unit, as the database's exclusion constraint guarantees.
 */
public final class RestaurantDataset {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    public static final LocalDate FIRST_DAY = LocalDate.of(2027, 3, 15);
    public static final int RESERVATION_COUNT = 10_000;
    public static final int BOOKED_DAYS = 28;
    public static final UUID DINNER = uuid("service:dinner");

    private static final UUID OTHER_SERVICE = uuid("service:other");
    private static final long SEED = 20_270_315L;

    private RestaurantDataset() {}

    /** The dinner service, its any_available table link, every resource and all reservations. */
    public static ScheduleSnapshot generate() {
        Random random = new Random(SEED);
        List<Resource> resources = resources(random);
        return new ScheduleSnapshot(
                dinnerService(),
                List.of(ResourceLink.anyAvailable("table")),
                resources,
                businessHours(),
                reservations(random, resources));
    }

    static ServiceRules dinnerService() {
        return ServiceRules.of(DINNER, ZONE, 120)
                .withSlotInterval(15)
                .withBuffers(0, 15)
                .withPartySizes(1, 12)
                .withDurationsByPartySize(List.of(
                        new PartySizeDuration(2, 90), new PartySizeDuration(4, 120), new PartySizeDuration(6, 150)))
                .withAdvance(2, 90);
    }

    /** Lunch and dinner every day across the eight weeks, with a holiday and a private-event evening. */
    private static OpeningHours businessHours() {
        List<WeeklyWindow> weekly = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.add(WeeklyWindow.of(day, "11:30", "15:00"));
            weekly.add(WeeklyWindow.of(
                    day, "17:30", day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY ? "01:00" : "23:30"));
        }
        return OpeningHours.weekly(ZONE, weekly)
                .withExceptions(List.of(
                        HoursException.blocked(FIRST_DAY.plusDays(40)),
                        HoursException.specialHours(FIRST_DAY.plusDays(20), "17:00", "22:00"),
                        HoursException.blocked(LocalDate.of(2020, 12, 25)).everyYear()));
    }

    private static List<Resource> resources(Random random) {
        List<Resource> resources = new ArrayList<>();
        int[] seats = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6, 6, 6, 6, 6, 6};
        for (int i = 0; i < seats.length; i++) {
            Resource table = Resource.of(uuid("table:" + i), "Table " + (i + 1), "table", ZONE)
                    .withCapacity(seats[i], seats[i] == 6 ? 3 : null);
            if (i % 8 == 7) {
                table = table.withHours(terraceHours());
            }
            resources.add(table);
        }
        resources.add(Resource.of(uuid("table:counter"), "Counter", "table", ZONE)
                .withCapacity(2, null)
                .withUnits(4));
        resources.add(Resource.of(uuid("table:window-bench"), "Window bench", "table", ZONE)
                .withCapacity(4, null)
                .withUnits(2));
        for (int i = 0; i < 12; i++) {
            resources.add(Resource.of(uuid("person:" + i), "Staff " + (i + 1), "person", ZONE)
                    .withHours(staffHours(random))
                    .withExceptions(List.of(HoursException.blocked(FIRST_DAY.plusDays(random.nextInt(56))))));
        }
        for (int i = 0; i < 4; i++) {
            resources.add(Resource.of(uuid("equipment:" + i), "Equipment " + (i + 1), "equipment", ZONE)
                    .withUnits(3));
        }
        return resources;
    }

    private static List<WeeklyWindow> terraceHours() {
        List<WeeklyWindow> weekly = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.add(WeeklyWindow.of(day, "12:00", "22:00"));
        }
        return weekly;
    }

    private static List<WeeklyWindow> staffHours(Random random) {
        List<WeeklyWindow> weekly = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextInt(7) < 5) {
                int startHour = 9 + random.nextInt(6);
                weekly.add(new WeeklyWindow(
                        day.getValue() % 7, LocalTime.of(startHour, 0), LocalTime.of(startHour + 8, 0)));
            }
        }
        return weekly;
    }

    /** Random places, kept only when the unit is free for the whole occupied interval. */
    private static List<Occupancy> reservations(Random random, List<Resource> resources) {
        Map<String, List<Instant[]>> busyByUnit = new HashMap<>();
        List<Occupancy> rows = new ArrayList<>();
        while (rows.size() < RESERVATION_COUNT) {
            Resource resource = resources.get(random.nextInt(resources.size()));
            int unit = random.nextInt(resource.units());
            LocalDate day = FIRST_DAY.plusDays(random.nextInt(BOOKED_DAYS));
            boolean table = resource.type().equals("table");
            Instant start = day.atTime(table ? 11 : 9, 30)
                    .atZone(ZONE)
                    .toInstant()
                    .plusSeconds(60L * 15 * random.nextInt(table ? 48 : 36));
            int minutes = table ? 60 + 15 * random.nextInt(7) : 30 + 15 * random.nextInt(6);
            Instant end = start.plusSeconds(60L * minutes);
            Instant occupiedUntil = end.plusSeconds(60L * 15);
            List<Instant[]> busy = busyByUnit.computeIfAbsent(resource.id() + "/" + unit, key -> new ArrayList<>());
            if (overlapsAny(busy, start, occupiedUntil)) {
                continue;
            }
            busy.add(new Instant[] {start, occupiedUntil});
            UUID serviceId = table && random.nextInt(10) < 6 ? DINNER : OTHER_SERVICE;
            int partySize = 1 + random.nextInt(resource.capacity() == null ? 4 : resource.capacity());
            rows.add(new Occupancy(
                    uuid("reservation:" + rows.size()),
                    serviceId,
                    resource.id(),
                    unit,
                    start,
                    end,
                    start,
                    occupiedUntil,
                    partySize));
        }
        return rows;
    }

    private static boolean overlapsAny(List<Instant[]> busy, Instant from, Instant until) {
        for (Instant[] interval : busy) {
            if (interval[0].isBefore(until) && from.isBefore(interval[1])) {
                return true;
            }
        }
        return false;
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
