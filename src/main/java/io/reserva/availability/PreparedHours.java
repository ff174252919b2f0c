package io.reserva.availability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a schedule's hours come to over the span some dates can touch, whatever occupies it: the resources the links
 * reach, the organization's and each resource's open real time, and each date's grid of candidate starts. It reads
 * only the catalog part of a schedule (service, links, resources, business hours), so {@link Memo} keeps it for the
 * next request on the same prepared schedule: a day of slots resolved every resource's hours and stepped the grid
 * again on every request (a quarter of its CPU).
 */
final class PreparedHours {

    private final ServiceRules service;
    private final Map<UUID, Resource> resourcesById;
    private final OwnerCalendar organization;
    private final List<OwnerCalendar> allocatableCalendars;
    private final OpenIntervals organizationHours;
    private final Map<UUID, OpenIntervals> resourceHours;
    private final Interval span;
    private final Map<LocalDate, DayGrid> grids = new ConcurrentHashMap<>();

    private PreparedHours(ScheduleSnapshot schedule, LocalDate firstDate, LocalDate lastDate) {
        ServiceRules service = schedule.service();
        this.service = service;
        ZoneId zone = service.zone();
        // A slot on these dates occupies at most from the first day's start minus the buffer before, to the day
        // after the last one plus the longest turn time and the buffer after.
        Instant spanFrom = firstDate.atStartOfDay(zone).toInstant().minus(service.bufferBefore());
        Instant spanUntil = lastDate.plusDays(1)
                .atStartOfDay(zone)
                .toInstant()
                .plus(service.longestDuration())
                .plus(service.bufferAfter());
        this.span = new Interval(spanFrom, spanUntil);
        this.resourcesById = Collections.unmodifiableMap(resourcesById(schedule));
        this.organization = OwnerCalendar.ofOrganization(schedule.businessHours());
        Map<UUID, OpenIntervals> hours = new HashMap<>();
        for (Resource resource : resourcesById.values()) {
            OpenIntervals open = OwnerCalendar.ofResource(resource.hours(), schedule.businessHours())
                    .openBetween(spanFrom, spanUntil);
            if (resource.areaHours() != null) {
                // Open only where its area is too (the area's hours read as a resource's: §2).
                open = OpenIntervals.intersect(
                        open,
                        OwnerCalendar.ofResource(resource.areaHours(), schedule.businessHours())
                                .openBetween(spanFrom, spanUntil));
            }
            if (open != null) {
                hours.put(resource.id(), open);
            }
        }
        this.resourceHours = Collections.unmodifiableMap(hours);
        this.allocatableCalendars = List.copyOf(allocatableCalendars(schedule, resourcesById));
        this.organizationHours = organization.openBetween(spanFrom, spanUntil);
    }

    /** Only the resources some link can reach; others in the snapshot cannot affect this service. */
    static Map<UUID, Resource> resourcesById(ScheduleSnapshot schedule) {
        Map<UUID, Resource> byId = new LinkedHashMap<>();
        for (Resource resource : schedule.resources()) {
            for (ResourceLink link : schedule.links()) {
                if (resource.id().equals(link.resourceId()) || resource.type().equals(link.resourceType())) {
                    byId.put(resource.id(), resource);
                    break;
                }
            }
        }
        return byId;
    }

    /** Optional resources never block, so they never anchor the grid either. */
    private static List<OwnerCalendar> allocatableCalendars(
            ScheduleSnapshot schedule, Map<UUID, Resource> resourcesById) {
        Map<UUID, OwnerCalendar> calendars = new LinkedHashMap<>();
        for (ResourceLink link : schedule.links()) {
            for (Resource resource : resourcesById.values()) {
                boolean linked = switch (link.mode()) {
                    case REQUIRED -> resource.id().equals(link.resourceId());
                    case ANY_AVAILABLE -> resource.type().equals(link.resourceType());
                    case OPTIONAL -> false;
                };
                if (linked && resource.active()) {
                    calendars.putIfAbsent(
                            resource.id(), OwnerCalendar.ofResource(resource.hours(), schedule.businessHours()));
                }
            }
        }
        return new ArrayList<>(calendars.values());
    }

    Map<UUID, Resource> resourcesById() {
        return resourcesById;
    }

    OwnerCalendar organization() {
        return organization;
    }

    List<OwnerCalendar> allocatableCalendars() {
        return allocatableCalendars;
    }

    /** Null when the organization adds no constraint. */
    OpenIntervals organizationHours() {
        return organizationHours;
    }

    Map<UUID, OpenIntervals> resourceHours() {
        return resourceHours;
    }

    Interval span() {
        return span;
    }

    /** The anchor windows and the candidate starts of one service-local date ({@link SlotGrid}). */
    DayGrid gridOn(LocalDate date) {
        return grids.computeIfAbsent(date, day -> {
            List<SlotGrid.AnchorWindow> anchors = SlotGrid.anchorsAround(day, organization, allocatableCalendars);
            List<Instant> starts = SlotGrid.startsBetween(
                    day.atStartOfDay(service.zone()).toInstant(),
                    day.plusDays(1).atStartOfDay(service.zone()).toInstant(),
                    service.slotInterval(),
                    anchors);
            return new DayGrid(List.copyOf(anchors), List.copyOf(starts));
        });
    }

    record DayGrid(List<SlotGrid.AnchorWindow> anchors, List<Instant> starts) {}

    /**
     * The hours of recent requests, by the identity of the schedule's catalog part and the dates asked. A schedule
     * and its copies with other occupancies ({@link ScheduleSnapshot#withOccupancies}) share those parts, which are
     * immutable; a changed catalog is a new prepared schedule with new parts, so it is never answered from here. A
     * schedule built elsewhere (a test, a benchmark) only misses.
     */
    static final class Memo {

        private final Cache<Key, PreparedHours> recent =
                Caffeine.newBuilder().maximumSize(1_000).build();

        PreparedHours covering(ScheduleSnapshot schedule, LocalDate firstDate, LocalDate lastDate) {
            return recent.get(
                    new Key(schedule, firstDate, lastDate), key -> new PreparedHours(schedule, firstDate, lastDate));
        }

        /** Equal when the catalog parts are the same instances and the dates the same. */
        private static final class Key {
            private final ServiceRules service;
            private final List<ResourceLink> links;
            private final List<Resource> resources;
            private final OpeningHours businessHours;
            private final LocalDate firstDate;
            private final LocalDate lastDate;
            private final int hash;

            Key(ScheduleSnapshot schedule, LocalDate firstDate, LocalDate lastDate) {
                this.service = schedule.service();
                this.links = schedule.links();
                this.resources = schedule.resources();
                this.businessHours = schedule.businessHours();
                this.firstDate = firstDate;
                this.lastDate = lastDate;
                int h = System.identityHashCode(service);
                h = 31 * h + System.identityHashCode(links);
                h = 31 * h + System.identityHashCode(resources);
                h = 31 * h + System.identityHashCode(businessHours);
                h = 31 * h + firstDate.hashCode();
                this.hash = 31 * h + lastDate.hashCode();
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof Key key
                        && key.service == service
                        && key.links == links
                        && key.resources == resources
                        && key.businessHours == businessHours
                        && key.firstDate.equals(firstDate)
                        && key.lastDate.equals(lastDate);
            }

            @Override
            public int hashCode() {
                return hash;
            }
        }
    }
}
