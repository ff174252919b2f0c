package io.reserva.availability;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What each paced area still lets start at one start, for parties of one size (docs/scheduling-rules.md §4, rule
 * 6c). A full area is closed to the party: its resources take no further party there, so the party sits elsewhere
 * or, with nowhere else, the start is refused for pacing.
 */
final class AreaAllowance {

    private final Map<UUID, Resource> resourcesById;
    private final Map<UUID, Integer> partiesLeft;

    private AreaAllowance(Map<UUID, Resource> resourcesById, Map<UUID, Integer> partiesLeft) {
        this.resourcesById = resourcesById;
        this.partiesLeft = partiesLeft;
    }

    /** Null when no area of the service is paced. */
    static AreaAllowance at(
            ScheduleIndex index, OccupancyIndex occupancies, Instant start, Instant end, int partySize) {
        List<AreaPacing> paced = index.schedule().areaPacing();
        if (paced.isEmpty()) {
            return null;
        }
        Map<UUID, Integer> left = new HashMap<>();
        for (AreaPacing area : paced) {
            int parties = area.limits()
                    .partiesLeft(
                            occupancies.partiesIn(area.areaId()),
                            start,
                            end,
                            index.service().zone(),
                            partySize);
            left.merge(area.areaId(), parties, Math::min);
        }
        return new AreaAllowance(index.resourcesById(), left);
    }

    boolean closesAny() {
        for (int left : partiesLeft.values()) {
            if (left < 1) {
                return true;
            }
        }
        return false;
    }

    /** A party joining a shared start sits on the resources already held there, so counts in each of their areas. */
    boolean admitsJoining(List<UUID> resourceIds) {
        for (UUID area : areasOf(resourceIds)) {
            if (partiesLeft.get(area) < 1) {
                return false;
            }
        }
        return true;
    }

    void closeFullAreas(ResourcePlan plan, UnitLedger ledger) {
        for (Map.Entry<UUID, Integer> area : partiesLeft.entrySet()) {
            if (area.getValue() < 1) {
                close(area.getKey(), plan, ledger);
            }
        }
    }

    /** A party placed on these units counts once in each paced area it holds a unit in. */
    void seat(List<AllocatedUnit> units, ResourcePlan plan, UnitLedger ledger) {
        List<UUID> resourceIds = units.stream().map(AllocatedUnit::resourceId).toList();
        for (UUID area : areasOf(resourceIds)) {
            int left = partiesLeft.merge(area, -1, Integer::sum);
            if (left < 1) {
                close(area, plan, ledger);
            }
        }
    }

    private Set<UUID> areasOf(List<UUID> resourceIds) {
        Set<UUID> areas = new HashSet<>();
        for (UUID resourceId : resourceIds) {
            Resource resource = resourcesById.get(resourceId);
            if (resource != null && resource.areaId() != null && partiesLeft.containsKey(resource.areaId())) {
                areas.add(resource.areaId());
            }
        }
        return areas;
    }

    private static void close(UUID area, ResourcePlan plan, UnitLedger ledger) {
        for (int number = 0; number < plan.resourceCount(); number++) {
            if (area.equals(plan.resource(number).areaId())) {
                ledger.block(number);
            }
        }
    }
}
