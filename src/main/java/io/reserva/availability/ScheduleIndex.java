package io.reserva.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A snapshot prepared for a run of dates: hours resolved to real time and occupancies indexed, once, over
 * the span any slot of those dates can touch.
 */
final class ScheduleIndex {

    private final ScheduleSnapshot schedule;
    private final Map<UUID, Resource> resourcesById;
    private final OwnerCalendar organization;
    private final List<OwnerCalendar> allocatableCalendars;
    private final OpenIntervals organizationHours;
    private final Map<UUID, OpenIntervals> resourceHours;
    private final OccupancyIndex occupancies;

    private ScheduleIndex(
            ScheduleSnapshot schedule,
            Map<UUID, Resource> resourcesById,
            OwnerCalendar organization,
            List<OwnerCalendar> allocatableCalendars,
            OpenIntervals organizationHours,
            Map<UUID, OpenIntervals> resourceHours,
            OccupancyIndex occupancies) {
        this.schedule = schedule;
        this.resourcesById = resourcesById;
        this.organization = organization;
        this.allocatableCalendars = allocatableCalendars;
        this.organizationHours = organizationHours;
        this.resourceHours = resourceHours;
        this.occupancies = occupancies;
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

    /**
     * A slot on these dates occupies at most from the first day's start minus the buffer before, to the day
     * after the last one plus the longest turn time and the buffer after.
     */
    static ScheduleIndex covering(ScheduleSnapshot schedule, LocalDate firstDate, LocalDate lastDate) {
        ServiceRules service = schedule.service();
        ZoneId zone = service.zone();
        Instant spanFrom = firstDate.atStartOfDay(zone).toInstant().minus(service.bufferBefore());
        Instant spanUntil = lastDate.plusDays(1)
                .atStartOfDay(zone)
                .toInstant()
                .plus(service.longestDuration())
                .plus(service.bufferAfter());
        Map<UUID, Resource> resourcesById = resourcesById(schedule);
        OwnerCalendar organization = OwnerCalendar.ofOrganization(schedule.businessHours());
        Map<UUID, OpenIntervals> resourceHours = new HashMap<>();
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
                resourceHours.put(resource.id(), open);
            }
        }
        return new ScheduleIndex(
                schedule,
                resourcesById,
                organization,
                allocatableCalendars(schedule, resourcesById),
                organization.openBetween(spanFrom, spanUntil),
                resourceHours,
                OccupancyIndex.of(
                        schedule.occupancies(),
                        service.id(),
                        resourcesById.keySet(),
                        pacedAreaOf(schedule),
                        new Interval(spanFrom, spanUntil)));
    }

    /**
     * Each resource standing in a paced area, with that area; every resource of the snapshot, linked or not, since a
     * party of the service placed on a table since unlinked still counts where it sits.
     */
    private static Map<UUID, UUID> pacedAreaOf(ScheduleSnapshot schedule) {
        if (schedule.areaPacing().isEmpty()) {
            return Map.of();
        }
        Set<UUID> paced = new HashSet<>();
        for (AreaPacing area : schedule.areaPacing()) {
            paced.add(area.areaId());
        }
        Map<UUID, UUID> areaOf = new HashMap<>();
        for (Resource resource : schedule.resources()) {
            if (resource.areaId() != null && paced.contains(resource.areaId())) {
                areaOf.put(resource.id(), resource.areaId());
            }
        }
        return areaOf;
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

    ScheduleSnapshot schedule() {
        return schedule;
    }

    ServiceRules service() {
        return schedule.service();
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

    OccupancyIndex occupancies() {
        return occupancies;
    }
}
