package io.reserva.availability;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random but busy scheduling situations for the property tests: DST zones and dates next to their
 * transitions, windows past midnight and inside DST gaps, exceptions near the date (organization-wide ones on
 * the eve of the date, where resources' late shifts run into it), multi-unit resources, table combinations, pacing and
 * many overlapping reservations, some of this very service at the same start.
 */
final class RandomSchedules {

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"),
            ZoneId.of("America/Santiago"),
            ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("Asia/Kolkata"));

    /** Includes the starts that fall into DST gaps in these zones (00:00, 02:00 to 02:30). */
    private static final List<String> WINDOW_STARTS = List.of(
            "00:00", "01:30", "02:00", "02:15", "02:30", "07:00", "09:00", "09:10", "11:30", "17:00", "18:00", "22:00",
            "23:30");

    /** Late shifts that run past midnight into the next date. */
    private static final List<String> LATE_STARTS = List.of("19:30", "20:00", "22:00", "23:45");

    private static final List<String> TYPES = List.of("table", "person");

    private RandomSchedules() {}

    /** One situation: the snapshot, the date and party asked about, a clock, and a resource to restrict to. */
    static final List<UUID> AREAS = List.of(
            UUID.nameUUIDFromBytes("random terrace".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            UUID.nameUUIDFromBytes("random dining room".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    record Situation(ScheduleSnapshot schedule, LocalDate date, int partySize, Clock clock, UUID someResource) {}

    static Situation generate(Random random) {
        ZoneId serviceZone = pick(random, ZONES);
        LocalDate date = interestingDate(random, serviceZone);
        ServiceRules service = service(random, serviceZone);
        OpeningHours businessHours = hours(
                random,
                random.nextInt(5) == 0 ? pick(random, ZONES) : serviceZone,
                date,
                random.nextInt(3) > 0,
                false,
                2);
        if (random.nextInt(3) == 0) {
            // An organization-wide exception on the eve, where resources' late shifts run into the date.
            List<HoursException> exceptions = new ArrayList<>(businessHours.exceptions());
            exceptions.add(
                    random.nextBoolean()
                            ? HoursException.blocked(date.minusDays(1))
                            : HoursException.specialHours(date.minusDays(1), pick(random, LATE_STARTS), "03:00"));
            businessHours = businessHours.withExceptions(exceptions);
        }
        List<Resource> resources = new ArrayList<>();
        int resourceCount = 1 + random.nextInt(6);
        for (int i = 0; i < resourceCount; i++) {
            resources.add(resource(random, i, random.nextInt(5) == 0 ? pick(random, ZONES) : serviceZone, date));
        }
        List<ResourceLink> links = links(random, resources);
        List<Occupancy> occupancies = occupancies(random, service, resources, date);
        List<AreaPacing> areaPacing = List.of();
        if (random.nextInt(3) == 0) {
            // A third of the floors stand in two areas (and none), one or both of them paced, and each keeping
            // hours of its own half the time (in the organization's zone, as the catalog gives them).
            List<OpeningHours> areaHours = new ArrayList<>();
            for (int i = 0; i < AREAS.size(); i++) {
                areaHours.add(
                        random.nextBoolean()
                                ? hours(random, businessHours.zone(), date, random.nextInt(4) > 0, false, 1)
                                : null);
            }
            for (int i = 0; i < resources.size(); i++) {
                int area = random.nextInt(3);
                resources.set(
                        i,
                        area == 2
                                ? resources.get(i).inArea(null)
                                : resources.get(i).inArea(AREAS.get(area), areaHours.get(area)));
            }
            areaPacing = new ArrayList<>();
            for (UUID area : AREAS) {
                Pacing limits = random.nextInt(4) > 0 ? pacing(random, true) : null;
                if (limits != null) {
                    areaPacing.add(new AreaPacing(area, limits));
                }
            }
        }
        Instant dayStart = date.atStartOfDay(serviceZone).toInstant();
        Instant now = dayStart.minusSeconds(3600L * (random.nextInt(80) - 14));
        return new Situation(
                new ScheduleSnapshot(
                        service,
                        links,
                        resources,
                        businessHours,
                        occupancies,
                        combinations(random, resources),
                        pacing(random, false),
                        areaPacing),
                date,
                random.nextInt(4) == 0 ? 1 + random.nextInt(6) : 1 + random.nextInt(2),
                Clock.fixed(now, ZoneOffset.UTC),
                pick(random, resources).id());
    }

    private static LocalDate interestingDate(Random random, ZoneId zone) {
        if (random.nextInt(4) == 0) {
            return LocalDate.of(2027, 1, 1).plusDays(random.nextInt(365));
        }
        Instant from = LocalDate.of(2026 + random.nextInt(2), 1, 1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        ZoneOffsetTransition transition = zone.getRules().nextTransition(from);
        if (transition == null) {
            return LocalDate.of(2027, 3, 1).plusDays(random.nextInt(30));
        }
        if (random.nextBoolean()) {
            ZoneOffsetTransition next = zone.getRules().nextTransition(transition.getInstant());
            transition = next == null ? transition : next;
        }
        return transition.getDateTimeBefore().toLocalDate().plusDays(random.nextInt(3) - 1);
    }

    private static ServiceRules service(Random random, ZoneId zone) {
        int duration = pick(random, List.of(30, 45, 60, 90, 120));
        List<PartySizeDuration> turnTimes = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            turnTimes.add(new PartySizeDuration(2, pick(random, List.of(30, 60, 90))));
            if (random.nextBoolean()) {
                turnTimes.add(new PartySizeDuration(4, pick(random, List.of(75, 150))));
            }
        }
        boolean shared = random.nextInt(5) == 0;
        return new ServiceRules(
                Schedules.SERVICE,
                zone,
                random.nextInt(50) > 0,
                duration,
                pick(random, List.of(0, 0, 5, 15, 30)),
                pick(random, List.of(0, 0, 10, 15, 30)),
                random.nextInt(5) < 2 ? null : pick(random, List.of(15, 30, 45, 60)),
                random.nextInt(5) < 3 ? null : 1 + random.nextInt(3),
                random.nextInt(8) == 0 ? 2 : 1,
                random.nextInt(5) < 3 ? null : 4 + random.nextInt(5),
                turnTimes,
                shared ? Seating.SHARED : Seating.SEPARATE,
                shared && random.nextBoolean() ? 4 + random.nextInt(9) : null,
                random.nextInt(5) < 3 ? null : random.nextInt(5),
                random.nextInt(5) < 3 ? 0 : 1 + random.nextInt(5));
    }

    private static OpeningHours hours(
            Random random, ZoneId zone, LocalDate date, boolean withWeekly, boolean lateShifts, int maxExceptions) {
        List<WeeklyWindow> weekly = new ArrayList<>();
        if (withWeekly) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (lateShifts) {
                    LocalTime start = LocalTime.parse(pick(random, LATE_STARTS));
                    weekly.add(new WeeklyWindow(
                            day.getValue() % 7,
                            start,
                            LocalTime.of(1 + random.nextInt(3), pick(random, List.of(0, 30)))));
                }
                int windows = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(2);
                for (int i = 0; i < windows; i++) {
                    LocalTime start = LocalTime.parse(pick(random, WINDOW_STARTS));
                    weekly.add(new WeeklyWindow(day.getValue() % 7, start, randomEnd(random, start)));
                }
            }
        }
        List<HoursException> exceptions = new ArrayList<>();
        int count = random.nextInt(maxExceptions + 1);
        for (int i = 0; i < count; i++) {
            LocalDate on = date.plusDays(random.nextInt(5) - 2);
            boolean yearly = random.nextInt(4) == 0;
            if (yearly) {
                on = on.minusYears(1 + random.nextInt(3));
            }
            HoursException exception;
            if (random.nextInt(3) == 0) {
                exception = HoursException.blocked(on);
            } else {
                LocalTime start = LocalTime.parse(pick(random, WINDOW_STARTS));
                exception = new HoursException(on, ExceptionType.SPECIAL_HOURS, start, randomEnd(random, start), false);
            }
            exceptions.add(yearly ? exception.everyYear() : exception);
        }
        return new OpeningHours(zone, weekly, exceptions);
    }

    private static LocalTime randomEnd(Random random, LocalTime start) {
        if (random.nextInt(12) == 0) {
            return start;
        }
        return start.plusMinutes(15L * (12 + random.nextInt(50)));
    }

    private static Resource resource(Random random, int number, ZoneId zone, LocalDate date) {
        OpeningHours hours = hours(
                random, zone, date, random.nextInt(2) == 0, random.nextInt(3) == 0, random.nextInt(3) == 0 ? 1 : 0);
        return new Resource(
                Schedules.id("resource-" + number),
                "R" + random.nextInt(3),
                pick(random, TYPES),
                random.nextInt(10) < 3 ? null : 2 + random.nextInt(7),
                random.nextInt(10) < 8 ? null : 1 + random.nextInt(2),
                random.nextInt(10) < 6 ? 1 : 2 + random.nextInt(2),
                random.nextInt(15) > 0,
                hours);
    }

    /** At most one any_available link per type: the oracle counts candidates per type. */
    private static List<ResourceLink> links(Random random, List<Resource> resources) {
        List<ResourceLink> links = new ArrayList<>();
        for (Resource resource : resources) {
            int roll = random.nextInt(8);
            if (roll < 2) {
                int quantity = resource.units() > 1 && random.nextBoolean() ? 2 : 1;
                links.add(ResourceLink.required(resource.id()).times(quantity));
            } else if (roll == 2) {
                links.add(ResourceLink.optional(resource.id()));
            }
        }
        for (String type : TYPES) {
            boolean typeExists =
                    resources.stream().anyMatch(resource -> resource.type().equals(type));
            if (typeExists ? random.nextInt(4) > 0 : random.nextInt(15) == 0) {
                links.add(ResourceLink.anyAvailable(type).times(random.nextInt(8) == 0 ? 2 : 1));
            }
        }
        return links;
    }

    /** A third of the services are paced, with limits small enough for the random bookings to reach them. */
    private static Pacing pacing(Random random, boolean always) {
        if (!always && random.nextInt(3) > 0) {
            return null;
        }
        boolean perInterval = random.nextInt(4) > 0;
        Integer maxCovers = perInterval && random.nextBoolean() ? 2 + random.nextInt(9) : null;
        Integer maxParties = perInterval && (maxCovers == null || random.nextBoolean()) ? 1 + random.nextInt(3) : null;
        Integer maxSeated = !perInterval || random.nextInt(3) == 0 ? 3 + random.nextInt(12) : null;
        return new Pacing(perInterval ? pick(random, List.of(15, 30, 60, 45)) : null, maxCovers, maxParties, maxSeated);
    }

    /**
     * Half the floors join tables: a few combinations of two or three distinct resources, sometimes of mixed types
     * (which no any_available link can use), seating random party sizes.
     */
    private static List<Combination> combinations(Random random, List<Resource> resources) {
        List<Combination> combinations = new ArrayList<>();
        if (resources.size() < 2 || random.nextBoolean()) {
            return combinations;
        }
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            List<Resource> shuffled = new ArrayList<>(resources);
            java.util.Collections.shuffle(shuffled, random);
            int tables = Math.min(shuffled.size(), 2 + random.nextInt(2));
            int min = 1 + random.nextInt(4);
            combinations.add(new Combination(
                    Schedules.id("combination-" + i),
                    "C" + random.nextInt(3),
                    shuffled.subList(0, tables).stream().map(Resource::id).toList(),
                    min,
                    min + random.nextInt(6)));
        }
        return combinations;
    }

    private static List<Occupancy> occupancies(
            Random random, ServiceRules service, List<Resource> resources, LocalDate date) {
        List<Occupancy> rows = new ArrayList<>();
        Instant dayStart = date.atStartOfDay(service.zone()).toInstant();
        int count = random.nextInt(30);
        for (int i = 0; i < count; i++) {
            boolean ours = random.nextInt(5) < 2;
            Instant start;
            if (ours && !rows.isEmpty() && random.nextInt(3) == 0) {
                start = rows.get(random.nextInt(rows.size())).start();
            } else {
                start = dayStart.plusSeconds(60L * 15 * (random.nextInt(30 * 4) - 4 * 4));
            }
            Instant end = start.plusSeconds(60L * 15 * (1 + random.nextInt(16)));
            Instant from = start.minusSeconds(60L * pick(random, List.of(0, 0, 10, 15, 30)));
            Instant until = end.plusSeconds(60L * pick(random, List.of(0, 0, 10, 15, 30)));
            UUID reservation = UUID.randomUUID();
            UUID serviceId = ours ? service.id() : Schedules.id("other-service");
            int partySize = 1 + random.nextInt(6);
            int resourceRows = random.nextInt(10) == 0 ? 0 : random.nextInt(6) == 0 ? 2 : 1;
            if (resourceRows == 0) {
                rows.add(new Occupancy(reservation, serviceId, null, 0, start, end, from, until, partySize));
            }
            for (int r = 0; r < resourceRows; r++) {
                Resource resource = pick(random, resources);
                rows.add(new Occupancy(
                        reservation,
                        serviceId,
                        resource.id(),
                        random.nextInt(resource.units()),
                        start,
                        end,
                        from,
                        until,
                        partySize));
            }
        }
        return rows;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
