package io.reserva.availability;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
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
    private final PreparedHours hours;
    private final OccupancyIndex occupancies;

    private ScheduleIndex(ScheduleSnapshot schedule, PreparedHours hours, OccupancyIndex occupancies) {
        this.schedule = schedule;
        this.hours = hours;
        this.occupancies = occupancies;
    }

    /** The schedule's occupancies indexed over the span of hours already resolved for its dates. */
    static ScheduleIndex covering(ScheduleSnapshot schedule, PreparedHours hours) {
        return new ScheduleIndex(
                schedule,
                hours,
                OccupancyIndex.of(
                        schedule.occupancies(),
                        schedule.service().id(),
                        hours.resourcesById().keySet(),
                        pacedAreaOf(schedule),
                        hours.span()));
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

    ScheduleSnapshot schedule() {
        return schedule;
    }

    ServiceRules service() {
        return schedule.service();
    }

    Map<UUID, Resource> resourcesById() {
        return hours.resourcesById();
    }

    OwnerCalendar organization() {
        return hours.organization();
    }

    List<OwnerCalendar> allocatableCalendars() {
        return hours.allocatableCalendars();
    }

    /** Null when the organization adds no constraint. */
    OpenIntervals organizationHours() {
        return hours.organizationHours();
    }

    Map<UUID, OpenIntervals> resourceHours() {
        return hours.resourceHours();
    }

    PreparedHours.DayGrid gridOn(LocalDate date) {
        return hours.gridOn(date);
    }

    OccupancyIndex occupancies() {
        return occupancies;
    }
}
