package io.reserva.availability;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A deliberately slow, independent reading of docs/scheduling-rules.md: every minute of every occupied window is checked
 * against every window of every owner and every row of every unit. It shares no code with the engine except
 * the input records, and it only answers which starts are bookable.
 *
 * <p>Limits: it assumes minute-aligned inputs and at most one any_available link per resource type; a
 * combination serves only a link for one resource, when no single table of its type is free for the party.
 */
final class NaiveOracle {

    private final ScheduleSnapshot schedule;
    private final ServiceRules service;
    private final Map<UUID, Resource> resources = new HashMap<>();
    /** Areas whose pacing the party being checked would exceed: their resources take it nowhere. */
    private Set<UUID> closedAreas = Set.of();

    NaiveOracle(ScheduleSnapshot schedule) {
        this.schedule = schedule;
        this.service = schedule.service();
        for (Resource resource : schedule.resources()) {
            resources.put(resource.id(), resource);
        }
    }

    Set<Instant> bookableStarts(LocalDate date, int partySize, Clock clock) {
        Set<Instant> bookable = new TreeSet<>();
        if (!service.active() || partySize < service.minPartySize()) {
            return bookable;
        }
        if (service.maxPartySize() != null && partySize > service.maxPartySize()) {
            return bookable;
        }
        boolean shared = service.seating() == Seating.SHARED;
        if (shared && service.maxParticipantsPerSlot() != null && partySize > service.maxParticipantsPerSlot()) {
            return bookable;
        }
        for (Instant start : gridStarts(date)) {
            if (isBookable(start, partySize, clock)) {
                bookable.add(start);
            }
        }
        return bookable;
    }

    /** Every wall-clock step of every anchor window of the dates around, kept when it lands on the date. */
    Set<Instant> gridStarts(LocalDate date) {
        int interval =
                service.slotIntervalMinutes() == null ? service.durationMinutes() : service.slotIntervalMinutes();
        Set<Instant> grid = new TreeSet<>();
        for (LocalDate day = date.minusDays(3); !day.isAfter(date.plusDays(3)); day = day.plusDays(1)) {
            List<OpeningHours> anchorOwners = new ArrayList<>();
            boolean byResources = !keepsHours(schedule.businessHours(), day);
            if (!byResources) {
                anchorOwners.add(schedule.businessHours());
            } else {
                for (Resource resource : resources.values()) {
                    if (resource.active() && couldBeAllocated(resource) && keepsHours(resource.hours(), day)) {
                        anchorOwners.add(resource.hours());
                    }
                }
                if (anchorOwners.isEmpty()) {
                    // Nobody keeps hours that date: the organization's whole date anchors the grid.
                    byResources = false;
                    anchorOwners.add(schedule.businessHours());
                }
            }
            for (OpeningHours owner : anchorOwners) {
                for (LocalDateTime[] window : byResources ? resourceWindows(owner, day) : windows(owner, day)) {
                    for (LocalDateTime step = window[0]; step.isBefore(window[1]); step = step.plusMinutes(interval)) {
                        if (owner.zone().getRules().getValidOffsets(step).isEmpty()) {
                            continue;
                        }
                        Instant start =
                                ZonedDateTime.ofLocal(step, owner.zone(), null).toInstant();
                        if (start.atZone(service.zone()).toLocalDate().equals(date)) {
                            grid.add(start);
                        }
                    }
                }
            }
        }
        return grid;
    }

    private boolean couldBeAllocated(Resource resource) {
        for (ResourceLink link : schedule.links()) {
            if (link.mode() == AssignmentMode.REQUIRED && link.resourceId().equals(resource.id())) {
                return true;
            }
            if (link.mode() == AssignmentMode.ANY_AVAILABLE
                    && link.resourceType().equals(resource.type())) {
                return true;
            }
        }
        return false;
    }

    private boolean isBookable(Instant start, int partySize, Clock clock) {
        Instant now = clock.instant();
        if (start.isBefore(now.plusSeconds(3600L * service.minAdvanceHours()))) {
            return false;
        }
        if (service.maxAdvanceDays() != null) {
            LocalDate lastDay = now.atZone(service.zone()).toLocalDate().plusDays(service.maxAdvanceDays());
            if (!start.atZone(service.zone()).toLocalDate().isBefore(lastDay.plusDays(1))) {
                return false;
            }
        }
        Instant from = start.minusSeconds(60L * service.bufferBeforeMinutes());
        Instant until = start.plusSeconds(60L * (durationMinutes(partySize) + service.bufferAfterMinutes()));
        if (!openEveryMinute(schedule.businessHours(), false, from, until)) {
            return false;
        }
        Set<UUID> partiesAtStart = new HashSet<>();
        int participants = 0;
        for (Occupancy row : schedule.occupancies()) {
            if (row.serviceId().equals(service.id())
                    && row.start().equals(start)
                    && partiesAtStart.add(row.reservationId())) {
                participants += row.partySize();
            }
        }
        if (service.slotCapacity() != null && partiesAtStart.size() >= service.slotCapacity()) {
            return false;
        }
        if (schedule.pacing() != null && !pacingAllows(schedule.pacing(), start, partySize)) {
            return false;
        }
        closedAreas = new HashSet<>();
        for (AreaPacing area : schedule.areaPacing()) {
            if (!pacingAllows(area.limits(), partiesIn(area.areaId()), start, partySize)) {
                closedAreas.add(area.areaId());
            }
        }
        if (service.seating() == Seating.SHARED && !partiesAtStart.isEmpty()) {
            for (Occupancy row : schedule.occupancies()) {
                if (row.serviceId().equals(service.id()) && row.start().equals(start) && inClosedArea(row)) {
                    return false;
                }
            }
            return service.maxParticipantsPerSlot() == null
                    || participants + partySize <= service.maxParticipantsPerSlot();
        }
        return resourcesSuffice(partySize, from, until);
    }

    /** A joining party shares the linked resources the parties at its start hold. */
    private boolean inClosedArea(Occupancy row) {
        Resource resource = row.resourceId() == null ? null : resources.get(row.resourceId());
        return resource != null
                && resource.areaId() != null
                && closedAreas.contains(resource.areaId())
                && schedule.links().stream()
                        .anyMatch(link -> resource.id().equals(link.resourceId())
                                || resource.type().equals(link.resourceType()));
    }

    /** The service's reservations with a row on a resource of the area. */
    private Map<UUID, Occupancy> partiesIn(UUID area) {
        Map<UUID, Occupancy> parties = new HashMap<>();
        for (Occupancy row : schedule.occupancies()) {
            Resource resource = row.resourceId() == null ? null : resources.get(row.resourceId());
            if (row.serviceId().equals(service.id()) && resource != null && area.equals(resource.areaId())) {
                parties.putIfAbsent(row.reservationId(), row);
            }
        }
        return parties;
    }

    private boolean pacingAllows(Pacing pacing, Instant start, int partySize) {
        Map<UUID, Occupancy> parties = new HashMap<>();
        for (Occupancy row : schedule.occupancies()) {
            if (row.serviceId().equals(service.id())) {
                parties.putIfAbsent(row.reservationId(), row);
            }
        }
        return pacingAllows(pacing, parties, start, partySize);
    }

    /** Counts every given party again, minute by minute for the guests seated at once. */
    private boolean pacingAllows(Pacing pacing, Map<UUID, Occupancy> parties, Instant start, int partySize) {
        if (pacing.maxCovers() != null || pacing.maxParties() != null) {
            Instant midnight = start.atZone(service.zone())
                    .toLocalDate()
                    .atStartOfDay(service.zone())
                    .toInstant();
            long minutesIn = (start.getEpochSecond() - midnight.getEpochSecond()) / 60;
            Instant intervalFrom = midnight.plusSeconds(60 * (minutesIn - minutesIn % pacing.intervalMinutes()));
            Instant intervalUntil = intervalFrom.plusSeconds(60L * pacing.intervalMinutes());
            int covers = partySize;
            int count = 1;
            for (Occupancy party : parties.values()) {
                if (!party.start().isBefore(intervalFrom) && party.start().isBefore(intervalUntil)) {
                    covers += party.partySize();
                    count++;
                }
            }
            if ((pacing.maxCovers() != null && covers > pacing.maxCovers())
                    || (pacing.maxParties() != null && count > pacing.maxParties())) {
                return false;
            }
        }
        if (pacing.maxSeatedCovers() != null) {
            Instant end = start.plusSeconds(60L * durationMinutes(partySize));
            for (Instant minute = start; minute.isBefore(end); minute = minute.plusSeconds(60)) {
                int seated = partySize;
                for (Occupancy party : parties.values()) {
                    if (!minute.isBefore(party.start()) && minute.isBefore(party.end())) {
                        seated += party.partySize();
                    }
                }
                if (seated > pacing.maxSeatedCovers()) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean resourcesSuffice(int partySize, Instant from, Instant until) {
        Map<UUID, Integer> requiredUnits = new HashMap<>();
        for (ResourceLink link : schedule.links()) {
            if (link.mode() == AssignmentMode.REQUIRED) {
                Resource resource = resources.get(link.resourceId());
                if (resource == null || !resource.active() || !seats(resource, partySize)) {
                    return false;
                }
                requiredUnits.merge(resource.id(), link.quantity(), Integer::sum);
            }
        }
        for (Map.Entry<UUID, Integer> need : requiredUnits.entrySet()) {
            if (freeUnits(resources.get(need.getKey()), from, until) < need.getValue()) {
                return false;
            }
        }
        for (ResourceLink link : schedule.links()) {
            if (link.mode() != AssignmentMode.ANY_AVAILABLE) {
                continue;
            }
            int candidates = 0;
            for (Resource resource : resources.values()) {
                boolean eligible =
                        resource.active() && resource.type().equals(link.resourceType()) && seats(resource, partySize);
                int left =
                        eligible ? freeUnits(resource, from, until) - requiredUnits.getOrDefault(resource.id(), 0) : 0;
                if (left >= 1) {
                    candidates++;
                }
            }
            if (candidates < link.quantity()
                    && !(link.quantity() == 1 && someCombinationFree(link, partySize, from, until, requiredUnits))) {
                return false;
            }
        }
        return true;
    }

    /** A link for one table may seat the party on joined tables: every table of the link's type, active and free. */
    private boolean someCombinationFree(
            ResourceLink link, int partySize, Instant from, Instant until, Map<UUID, Integer> requiredUnits) {
        for (Combination combination : schedule.combinations()) {
            if (partySize < combination.minPartySize() || partySize > combination.maxPartySize()) {
                continue;
            }
            boolean allFree = true;
            for (UUID table : combination.resourceIds()) {
                Resource resource = resources.get(table);
                if (resource == null
                        || !resource.active()
                        || !resource.type().equals(link.resourceType())
                        || freeUnits(resource, from, until) - requiredUnits.getOrDefault(table, 0) < 1) {
                    allFree = false;
                    break;
                }
            }
            if (allFree) {
                return true;
            }
        }
        return false;
    }

    private static boolean seats(Resource resource, int partySize) {
        return (resource.capacity() == null || resource.capacity() >= partySize)
                && (resource.minPartySize() == null || resource.minPartySize() <= partySize);
    }

    /** Units with no row covering any minute of the window, or none at all when the resource is closed then. */
    private int freeUnits(Resource resource, Instant from, Instant until) {
        if (resource.areaId() != null && closedAreas.contains(resource.areaId())) {
            return 0;
        }
        if (!openEveryMinute(resource.hours(), true, from, until)) {
            return 0;
        }
        // An area with hours of its own: read as a resource's hours (the organization's exceptions speak for it).
        if (resource.areaHours() != null && !openEveryMinute(resource.areaHours(), true, from, until)) {
            return 0;
        }
        int free = 0;
        for (int unit = 0; unit < resource.units(); unit++) {
            boolean busy = false;
            for (Instant minute = from; minute.isBefore(until) && !busy; minute = minute.plusSeconds(60)) {
                for (Occupancy row : schedule.occupancies()) {
                    if (resource.id().equals(row.resourceId())
                            && row.unitIndex() == unit
                            && !minute.isBefore(row.occupiedFrom())
                            && minute.isBefore(row.occupiedUntil())) {
                        busy = true;
                        break;
                    }
                }
            }
            if (!busy) {
                free++;
            }
        }
        return free;
    }

    /**
     * Each owner's real windows per date, read as a resource's or as the organization's. Keyed by the owner's
     * identity: hashing its weekly windows and exceptions on every minute looked up was most of the oracle's time.
     */
    private final Map<OpeningHours, Map<LocalDate, List<Instant[]>>> realWindows = new java.util.IdentityHashMap<>();

    private final Map<OpeningHours, Map<LocalDate, List<Instant[]>>> realWindowsAsResource =
            new java.util.IdentityHashMap<>();

    private boolean openEveryMinute(OpeningHours owner, boolean isResource, Instant from, Instant until) {
        for (Instant minute = from; minute.isBefore(until); minute = minute.plusSeconds(60)) {
            if (!openAt(owner, isResource, minute)) {
                return false;
            }
        }
        return true;
    }

    /** Open when some window of a date whose windows could reach this minute contains it. */
    private boolean openAt(OpeningHours owner, boolean isResource, Instant minute) {
        LocalDate local = minute.atZone(owner.zone()).toLocalDate();
        for (LocalDate day = local.minusDays(3); !day.isAfter(local.plusDays(1)); day = day.plusDays(1)) {
            for (Instant[] window : realWindowsOn(owner, isResource, day)) {
                if (!minute.isBefore(window[0]) && minute.isBefore(window[1])) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Instant[]> realWindowsOn(OpeningHours owner, boolean isResource, LocalDate day) {
        return (isResource ? realWindowsAsResource : realWindows)
                .computeIfAbsent(owner, o -> new HashMap<>())
                .computeIfAbsent(day, d -> {
                    List<Instant[]> converted = new ArrayList<>();
                    for (LocalDateTime[] window : isResource ? resourceWindows(owner, d) : windows(owner, d)) {
                        converted.add(
                                new Instant[] {toInstant(window[0], owner.zone()), toInstant(window[1], owner.zone())});
                    }
                    return converted;
                });
    }

    private static Instant toInstant(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    private static boolean keepsHours(OpeningHours owner, LocalDate day) {
        if (!owner.weekly().isEmpty()) {
            return true;
        }
        for (HoursException exception : owner.exceptions()) {
            if (exception.type() == ExceptionType.SPECIAL_HOURS && matches(exception, day)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A resource's windows: the organization's exceptions speak for it too. An organization-wide blocked date
     * closes it; organization-wide special hours become its hours that date unless it has an exception of its own.
     */
    private List<LocalDateTime[]> resourceWindows(OpeningHours resource, LocalDate day) {
        OpeningHours organization = schedule.businessHours();
        boolean organizationBlocks = false;
        List<HoursException> organizationSpecial = new ArrayList<>();
        for (HoursException exception : organization.exceptions()) {
            if (matches(exception, day)) {
                if (exception.type() == ExceptionType.BLOCKED) {
                    organizationBlocks = true;
                } else {
                    organizationSpecial.add(exception);
                }
            }
        }
        if (organizationBlocks) {
            return List.of();
        }
        boolean ownException = resource.exceptions().stream().anyMatch(exception -> matches(exception, day));
        if (ownException || organizationSpecial.isEmpty()) {
            return windows(resource, day);
        }
        return windows(new OpeningHours(resource.zone(), List.of(), organizationSpecial), day);
    }

    /** The wall-clock windows that start on a date, each as [start, end). */
    private static List<LocalDateTime[]> windows(OpeningHours owner, LocalDate day) {
        List<LocalDateTime[]> special = new ArrayList<>();
        for (HoursException exception : owner.exceptions()) {
            if (!matches(exception, day)) {
                continue;
            }
            if (exception.type() == ExceptionType.BLOCKED) {
                return List.of();
            }
            special.add(window(
                    day,
                    exception.start().getHour() * 60 + exception.start().getMinute(),
                    exception.end().getHour() * 60 + exception.end().getMinute()));
        }
        if (!special.isEmpty()) {
            return special;
        }
        if (owner.weekly().isEmpty()) {
            return List.<LocalDateTime[]>of(
                    new LocalDateTime[] {day.atStartOfDay(), day.plusDays(1).atStartOfDay()});
        }
        List<LocalDateTime[]> weekly = new ArrayList<>();
        int sundayFirst =
                day.getDayOfWeek().getValue() == 7 ? 0 : day.getDayOfWeek().getValue();
        for (WeeklyWindow window : owner.weekly()) {
            if (window.dayOfWeek() == sundayFirst) {
                weekly.add(window(
                        day,
                        window.start().getHour() * 60 + window.start().getMinute(),
                        window.end().getHour() * 60 + window.end().getMinute()));
            }
        }
        return weekly;
    }

    private static LocalDateTime[] window(LocalDate day, int startMinute, int endMinute) {
        LocalDateTime start = day.atStartOfDay().plusMinutes(startMinute);
        LocalDateTime end = endMinute > startMinute
                ? day.atStartOfDay().plusMinutes(endMinute)
                : day.plusDays(1).atStartOfDay().plusMinutes(endMinute);
        return new LocalDateTime[] {start, end};
    }

    private static boolean matches(HoursException exception, LocalDate day) {
        if (exception.recurringYearly()) {
            return exception.date().getMonth() == day.getMonth()
                    && exception.date().getDayOfMonth() == day.getDayOfMonth();
        }
        return exception.date().equals(day);
    }

    private int durationMinutes(int partySize) {
        PartySizeDuration best = null;
        for (PartySizeDuration entry : service.durationsByPartySize()) {
            if (entry.maxPartySize() >= partySize && (best == null || entry.maxPartySize() < best.maxPartySize())) {
                best = entry;
            }
        }
        return best == null ? service.durationMinutes() : best.durationMinutes();
    }
}
