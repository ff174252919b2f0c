package io.reserva.availability;

import java.util.List;
import java.util.Objects;

/**
 * Everything the engine reads about one service at one moment: its rules, links, the linked resources,
 * the organization's business hours and the occupying allocations around the asked dates.
 *
 * @param resources the resources the links can reach (named ones and every resource of an any_available type)
 * @param occupancies occupying allocations on those resources plus this service's reservations; extra rows
 *     outside the asked dates are ignored
 * @param combinations tables that can be joined for a party no single table of an any_available link seats
 * @param pacing how fast the service may take new guests; null when it is not paced
 */
public record ScheduleSnapshot(
        ServiceRules service,
        List<ResourceLink> links,
        List<Resource> resources,
        OpeningHours businessHours,
        List<Occupancy> occupancies,
        List<Combination> combinations,
        Pacing pacing) {

    public ScheduleSnapshot {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(businessHours, "businessHours");
        links = List.copyOf(links);
        resources = List.copyOf(resources);
        occupancies = List.copyOf(occupancies);
        combinations = List.copyOf(combinations);
    }

    /** A floor without table combinations. */
    public ScheduleSnapshot(
            ServiceRules service,
            List<ResourceLink> links,
            List<Resource> resources,
            OpeningHours businessHours,
            List<Occupancy> occupancies) {
        this(service, links, resources, businessHours, occupancies, List.of(), null);
    }

    /** A floor without pacing. */
    public ScheduleSnapshot(
            ServiceRules service,
            List<ResourceLink> links,
            List<Resource> resources,
            OpeningHours businessHours,
            List<Occupancy> occupancies,
            List<Combination> combinations) {
        this(service, links, resources, businessHours, occupancies, combinations, null);
    }

    public ScheduleSnapshot withOccupancies(List<Occupancy> newOccupancies) {
        return new ScheduleSnapshot(service, links, resources, businessHours, newOccupancies, combinations, pacing);
    }

    public ScheduleSnapshot withCombinations(List<Combination> newCombinations) {
        return new ScheduleSnapshot(service, links, resources, businessHours, occupancies, newCombinations, pacing);
    }

    public ScheduleSnapshot withPacing(Pacing newPacing) {
        return new ScheduleSnapshot(service, links, resources, businessHours, occupancies, combinations, newPacing);
    }
}
