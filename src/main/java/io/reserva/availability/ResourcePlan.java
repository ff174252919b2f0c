package io.reserva.availability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one party of one size needs on one date: the required units, the any_available groups with their
 * candidates in best-fit order, and the optional extras. Resources are numbered so a {@link UnitLedger} can
 * track them in arrays.
 */
final class ResourcePlan {

    private final List<Resource> resources = new ArrayList<>();
    private final Map<UUID, Integer> numberById = new HashMap<>();
    private final List<Need> required = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<Need> optional = new ArrayList<>();
    private boolean satisfiable = true;

    private ResourcePlan() {}

    /**
     * Best fit: the smallest capacity that seats the party (no capacity sorts last), then the least occupied
     * on the date, then name, then id (as text, which is the database's uuid order).
     */
    static ResourcePlan forParty(
            ScheduleSnapshot schedule, Map<UUID, Resource> resourcesById, int partySize, LoadOnDate load) {
        ResourcePlan plan = new ResourcePlan();
        for (ResourceLink link : schedule.links()) {
            switch (link.mode()) {
                case REQUIRED -> {
                    Resource resource = resourcesById.get(link.resourceId());
                    if (resource == null
                            || !resource.active()
                            || !resource.seats(partySize)
                            || resource.units() < link.quantity()) {
                        plan.satisfiable = false;
                    } else {
                        plan.required.add(new Need(plan.number(resource), link.quantity()));
                    }
                }
                case OPTIONAL -> {
                    Resource resource = resourcesById.get(link.resourceId());
                    if (resource != null && resource.active() && resource.seats(partySize)) {
                        plan.optional.add(new Need(plan.number(resource), link.quantity()));
                    }
                }
                case ANY_AVAILABLE -> {
                    Comparator<Resource> bestFit = Comparator.comparing(
                                    Resource::capacity, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparingLong(load::occupiedSeconds)
                            .thenComparing(Resource::name)
                            .thenComparing(resource -> resource.id().toString());
                    int[] candidates = resourcesById.values().stream()
                            .filter(resource ->
                                    resource.active() && resource.type().equals(link.resourceType()))
                            .filter(resource -> resource.seats(partySize))
                            .sorted(bestFit)
                            .mapToInt(plan::number)
                            .toArray();
                    int[][] combinations = link.quantity() == 1
                            ? plan.combinationsFor(schedule, resourcesById, link.resourceType(), partySize, load)
                            : new int[0][];
                    plan.groups.add(new Group(link.quantity(), candidates, combinations));
                }
            }
        }
        return plan;
    }

    /**
     * The combinations of tables of this type that seat the party, best first: fewest seats wasted (its maximum
     * minus the party), then the least occupied tables together on the date, then name, then id. A combination
     * with a table that is missing, inactive or of another type is left out.
     */
    private int[][] combinationsFor(
            ScheduleSnapshot schedule, Map<UUID, Resource> resourcesById, String type, int partySize, LoadOnDate load) {
        List<Combination> usable = new ArrayList<>();
        Map<Combination, Long> loads = new HashMap<>();
        for (Combination combination : schedule.combinations()) {
            if (!combination.seats(partySize)) {
                continue;
            }
            boolean usableTables = true;
            long occupied = 0;
            for (UUID table : combination.resourceIds()) {
                Resource resource = resourcesById.get(table);
                if (resource == null || !resource.active() || !resource.type().equals(type)) {
                    usableTables = false;
                    break;
                }
                occupied += load.occupiedSeconds(resource);
            }
            if (usableTables) {
                usable.add(combination);
                loads.put(combination, occupied);
            }
        }
        usable.sort(Comparator.comparingInt(Combination::maxPartySize)
                .thenComparingLong(loads::get)
                .thenComparing(Combination::name)
                .thenComparing(combination -> combination.id().toString()));
        int[][] numbered = new int[usable.size()][];
        for (int i = 0; i < numbered.length; i++) {
            List<UUID> tables = usable.get(i).resourceIds();
            numbered[i] = new int[tables.size()];
            for (int t = 0; t < tables.size(); t++) {
                numbered[i][t] = number(resourcesById.get(tables.get(t)));
            }
        }
        return numbered;
    }

    /** False when a required resource is missing, inactive, unfit for the party or has too few units. */
    boolean satisfiable() {
        return satisfiable;
    }

    /** Without required or any_available needs nothing can run out, so capacity is unlimited. */
    boolean hasLimitingNeeds() {
        return !required.isEmpty() || !groups.isEmpty();
    }

    int resourceCount() {
        return resources.size();
    }

    Resource resource(int number) {
        return resources.get(number);
    }

    Integer numberOf(UUID resourceId) {
        return resourceId == null ? null : numberById.get(resourceId);
    }

    List<Need> required() {
        return required;
    }

    List<Group> groups() {
        return groups;
    }

    List<Need> optional() {
        return optional;
    }

    private int number(Resource resource) {
        return numberById.computeIfAbsent(resource.id(), id -> {
            resources.add(resource);
            return resources.size() - 1;
        });
    }

    /** Units of one resource that must (required) or may (optional) be taken together. */
    record Need(int resource, int quantity) {}

    /**
     * An any_available link: {@code quantity} distinct resources from the candidates, best fit first; a link for
     * one resource falls back to the combinations (each the numbers of its tables), best first.
     */
    record Group(int quantity, int[] candidates, int[][] combinations) {}

    /** How long a resource is already occupied on the date being planned. */
    interface LoadOnDate {
        long occupiedSeconds(Resource resource);

        static LoadOnDate of(OccupancyIndex index, Instant dayStart, Instant dayEnd) {
            return resource -> index.timelineOf(resource.id()).occupiedSeconds(dayStart, dayEnd);
        }
    }
}
