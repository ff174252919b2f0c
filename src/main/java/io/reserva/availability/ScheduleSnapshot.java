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
 * @param areaPacing how fast each paced area may take this service's guests; empty when no area is paced
 */
public record ScheduleSnapshot(
        ServiceRules service,
        List<ResourceLink> links,
        List<Resource> resources,
        OpeningHours businessHours,
        List<Occupancy> occupancies,
        List<Combination> combinations,
        Pacing pacing,
        List<AreaPacing> areaPacing) {

    public ScheduleSnapshot {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(businessHours, "businessHours");
        links = List.copyOf(links);
        resources = List.copyOf(resources);
        occupancies = List.copyOf(occupancies);
        combinations = List.copyOf(combinations);
        areaPacing = List.copyOf(areaPacing);
    }

    /** A floor whose areas are not paced. */
    public ScheduleSnapshot(
            ServiceRules service,
            List<ResourceLink> links,
            List<Resource> resources,
            OpeningHours businessHours,
            List<Occupancy> occupancies,
            List<Combination> combinations,
            Pacing pacing) {
        this(service, links, resources, businessHours, occupancies, combinations, pacing, List.of());
    }

    /** A floor without table combinations. */
    public ScheduleSnapshot(
            ServiceRules service,
            List<ResourceLink> links,
            List<Resource> resources,
            OpeningHours businessHours,
            List<Occupancy> occupancies) {
        this(service, links, resources, businessHours, occupancies, List.of(), null, List.of());
    }

    /** A floor without pacing. */
    public ScheduleSnapshot(
            ServiceRules service,
            List<ResourceLink> links,
            List<Resource> resources,
            OpeningHours businessHours,
            List<Occupancy> occupancies,
            List<Combination> combinations) {
        this(service, links, resources, businessHours, occupancies, combinations, null, List.of());
    }

    public ScheduleSnapshot withOccupancies(List<Occupancy> newOccupancies) {
        return new ScheduleSnapshot(
                service, links, resources, businessHours, newOccupancies, combinations, pacing, areaPacing);
    }

    public ScheduleSnapshot withCombinations(List<Combination> newCombinations) {
        return new ScheduleSnapshot(
                service, links, resources, businessHours, occupancies, newCombinations, pacing, areaPacing);
    }

    public ScheduleSnapshot withPacing(Pacing newPacing) {
        return new ScheduleSnapshot(
                service, links, resources, businessHours, occupancies, combinations, newPacing, areaPacing);
    }

    public ScheduleSnapshot withAreaPacing(List<AreaPacing> newAreaPacing) {
        return new ScheduleSnapshot(
                service, links, resources, businessHours, occupancies, combinations, pacing, newAreaPacing);
    }

    /** The same floor without any pacing, as a staff override sees it. */
    public ScheduleSnapshot unpaced() {
        return new ScheduleSnapshot(
                service, links, resources, businessHours, occupancies, combinations, null, List.of());
    }
}
