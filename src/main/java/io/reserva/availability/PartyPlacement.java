package io.reserva.availability;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Places one party on a ledger: required units first (they have no alternative), then each any_available
 * group from its best-fit candidates, then optional units if they happen to be free.
 */
final class PartyPlacement {

    private PartyPlacement() {}

    /** The units taken, or null when a required or any_available need cannot be met (nothing stays taken). */
    static List<AllocatedUnit> place(ResourcePlan plan, UnitLedger ledger, Integer preferredResource) {
        return place(plan, ledger, preferredResource, null);
    }

    /**
     * The same, preferring {@code preferredArea} (when no resource is preferred): each any_available group takes
     * free candidates of that area first, then, for a group of one, a free combination wholly in it; only then the
     * usual order over the whole floor.
     */
    static List<AllocatedUnit> place(
            ResourcePlan plan, UnitLedger ledger, Integer preferredResource, UUID preferredArea) {
        List<AllocatedUnit> placed = new ArrayList<>();
        for (ResourcePlan.Need need : plan.required()) {
            if (ledger.available(need.resource()) < need.quantity()) {
                return rollBack(plan, ledger, placed);
            }
            takeUnits(plan, ledger, need.resource(), need.quantity(), AssignmentMode.REQUIRED, placed);
        }
        for (ResourcePlan.Group group : plan.groups()) {
            boolean placedInArea = preferredResource == null
                    && preferredArea != null
                    && placeGroupInArea(plan, ledger, group, preferredArea, placed);
            if (!placedInArea && !placeGroup(plan, ledger, group, preferredResource, placed)) {
                return rollBack(plan, ledger, placed);
            }
        }
        for (ResourcePlan.Need need : plan.optional()) {
            if (ledger.available(need.resource()) >= need.quantity()) {
                takeUnits(plan, ledger, need.resource(), need.quantity(), AssignmentMode.OPTIONAL, placed);
            }
        }
        return placed;
    }

    /**
     * The preferred resource when it is a free single candidate, else the best free combination that holds it;
     * then the best free single tables; then, for a group of one, the best free combination.
     */
    private static boolean placeGroup(
            ResourcePlan plan,
            UnitLedger ledger,
            ResourcePlan.Group group,
            Integer preferred,
            List<AllocatedUnit> placed) {
        int chosen = 0;
        int chosenPreferred = -1;
        if (preferred != null && contains(group.candidates(), preferred) && ledger.available(preferred) > 0) {
            takeUnits(plan, ledger, preferred, 1, AssignmentMode.ANY_AVAILABLE, placed);
            chosenPreferred = preferred;
            chosen++;
        } else if (preferred != null) {
            for (int[] combination : group.combinations()) {
                if (contains(combination, preferred) && free(ledger, combination)) {
                    takeCombination(plan, ledger, combination, placed);
                    return true;
                }
            }
        }
        for (int candidate : group.candidates()) {
            if (chosen == group.quantity()) {
                break;
            }
            if (candidate != chosenPreferred && ledger.available(candidate) > 0) {
                takeUnits(plan, ledger, candidate, 1, AssignmentMode.ANY_AVAILABLE, placed);
                chosen++;
            }
        }
        if (chosen == group.quantity()) {
            return true;
        }
        for (int[] combination : group.combinations()) {
            if (free(ledger, combination)) {
                takeCombination(plan, ledger, combination, placed);
                return true;
            }
        }
        return false;
    }

    /** Takes the group's units only when all of them can be found in the area; otherwise takes nothing. */
    private static boolean placeGroupInArea(
            ResourcePlan plan, UnitLedger ledger, ResourcePlan.Group group, UUID area, List<AllocatedUnit> placed) {
        List<Integer> chosen = new ArrayList<>();
        for (int candidate : group.candidates()) {
            if (chosen.size() < group.quantity() && inArea(plan, candidate, area) && ledger.available(candidate) > 0) {
                chosen.add(candidate);
            }
        }
        if (chosen.size() == group.quantity()) {
            for (int candidate : chosen) {
                takeUnits(plan, ledger, candidate, 1, AssignmentMode.ANY_AVAILABLE, placed);
            }
            return true;
        }
        for (int[] combination : group.combinations()) {
            if (whollyIn(plan, combination, area) && free(ledger, combination)) {
                takeCombination(plan, ledger, combination, placed);
                return true;
            }
        }
        return false;
    }

    /** A combination belongs to an area only when every one of its tables does; a mixed one belongs to none. */
    private static boolean whollyIn(ResourcePlan plan, int[] combination, UUID area) {
        for (int table : combination) {
            if (!inArea(plan, table, area)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inArea(ResourcePlan plan, int resource, UUID area) {
        return Objects.equals(plan.resource(resource).areaId(), area);
    }

    private static boolean free(UnitLedger ledger, int[] combination) {
        for (int table : combination) {
            if (ledger.available(table) < 1) {
                return false;
            }
        }
        return true;
    }

    private static void takeCombination(
            ResourcePlan plan, UnitLedger ledger, int[] combination, List<AllocatedUnit> placed) {
        for (int table : combination) {
            takeUnits(plan, ledger, table, 1, AssignmentMode.ANY_AVAILABLE, placed);
        }
    }

    private static void takeUnits(
            ResourcePlan plan,
            UnitLedger ledger,
            int resource,
            int count,
            AssignmentMode mode,
            List<AllocatedUnit> placed) {
        for (int unit : ledger.take(resource, count)) {
            placed.add(new AllocatedUnit(plan.resource(resource).id(), unit, mode));
        }
    }

    private static List<AllocatedUnit> rollBack(ResourcePlan plan, UnitLedger ledger, List<AllocatedUnit> placed) {
        for (AllocatedUnit unit : placed) {
            ledger.release(plan.numberOf(unit.resourceId()), 1);
        }
        return null;
    }

    private static boolean contains(int[] candidates, int resource) {
        for (int candidate : candidates) {
            if (candidate == resource) {
                return true;
            }
        }
        return false;
    }
}
