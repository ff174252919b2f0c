package io.reserva.availability;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Small builders that keep example tests reading like the rules they check. */
final class Schedules {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    static final UUID SERVICE = id("service");

    /** A Wednesday well ahead of the default clock. */
    static final LocalDate WEDNESDAY = LocalDate.of(2027, 6, 16);

    private Schedules() {}

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), UTC);
    }

    /** An engine whose "now" is long before every date the examples use. */
    static AvailabilityEngine engine() {
        return new AvailabilityEngine(clockAt("2027-01-01T00:00:00Z"));
    }

    static ServiceRules service(ZoneId zone, int durationMinutes) {
        return ServiceRules.of(SERVICE, zone, durationMinutes);
    }

    static OpeningHours everyDay(ZoneId zone, String start, String end) {
        List<WeeklyWindow> windows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            windows.add(WeeklyWindow.of(day, start, end));
        }
        return OpeningHours.weekly(zone, windows);
    }

    static Resource resource(String name, String type, ZoneId zone) {
        return Resource.of(id(name), name, type, zone);
    }

    static Resource table(String name, int seats, ZoneId zone) {
        return resource(name, "table", zone).withCapacity(seats, null);
    }

    static ZonedDateTime at(LocalDate date, String time, ZoneId zone) {
        return ZonedDateTime.of(date.atTime(LocalTime.parse(time)), zone);
    }

    /** A reservation of another service on one unit, with its own buffers around it. */
    static Occupancy booked(
            Resource resource, int unit, ZonedDateTime start, int minutes, int bufferBefore, int bufferAfter) {
        return occupancy(
                id("other-service"),
                resource == null ? null : resource.id(),
                unit,
                start,
                minutes,
                bufferBefore,
                bufferAfter,
                2,
                id("reservation-" + (resource == null ? "none" : resource.name()) + "-" + unit + "-" + start));
    }

    static Occupancy occupancy(
            UUID serviceId,
            UUID resourceId,
            int unit,
            ZonedDateTime start,
            int minutes,
            int bufferBefore,
            int bufferAfter,
            int partySize,
            UUID reservationId) {
        Instant from = start.toInstant();
        Instant until = from.plusSeconds(60L * minutes);
        return new Occupancy(
                reservationId,
                serviceId,
                resourceId,
                unit,
                from,
                until,
                from.minusSeconds(60L * bufferBefore),
                until.plusSeconds(60L * bufferAfter),
                partySize);
    }

    static ScheduleSnapshot snapshot(
            ServiceRules service,
            OpeningHours businessHours,
            List<ResourceLink> links,
            List<Resource> resources,
            List<Occupancy> occupancies) {
        return new ScheduleSnapshot(service, links, resources, businessHours, occupancies);
    }

    /** Starts as wall-clock "HH:mm" in the zone, which is how the rules are written. */
    static List<String> times(DayAvailability day, ZoneId zone) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("HH:mm");
        return day.slots().stream()
                .map(slot -> slot.start().atZone(zone).format(format))
                .toList();
    }

    /** Starts with their UTC offset, for days where a wall-clock time can mean two instants. */
    static List<String> timesWithOffset(DayAvailability day, ZoneId zone) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("HH:mmxxx");
        return day.slots().stream()
                .map(slot -> slot.start().atZone(zone).format(format))
                .toList();
    }

    static Instant instant(LocalDate date, String time, ZoneId zone) {
        return at(date, time, zone).toInstant();
    }
}
