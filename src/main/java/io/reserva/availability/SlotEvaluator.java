package io.reserva.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Decides one start of one date for one party size; the slots of a day and a booking both come from here,
 * which is what keeps them in agreement.
 */
final class SlotEvaluator {

    /** Counting further parties stops here; a slot that could take more still says this many. */
    static final int REMAINING_CAPACITY_CAP = 100;

    private final ScheduleIndex index;
    private final ServiceRules service;
    private final BookingWindow bookingWindow;
    private final int partySize;
    private final Instant dayStart;
    private final Instant dayEnd;
    private final List<SlotGrid.AnchorWindow> anchors;
    private final List<Instant> grid;
    private final ResourcePlan plan;

    SlotEvaluator(ScheduleIndex index, LocalDate date, int partySize, BookingWindow bookingWindow) {
        this.index = index;
        this.service = index.service();
        this.bookingWindow = bookingWindow;
        this.partySize = partySize;
        this.dayStart = date.atStartOfDay(service.zone()).toInstant();
        this.dayEnd = date.plusDays(1).atStartOfDay(service.zone()).toInstant();
        PreparedHours.DayGrid dayGrid = index.gridOn(date);
        this.anchors = dayGrid.anchors();
        this.grid = dayGrid.starts();
        this.plan = ResourcePlan.forParty(
                index.schedule(),
                index.resourcesById(),
                partySize,
                ResourcePlan.LoadOnDate.of(index.occupancies(), dayStart, dayEnd));
    }

    List<Instant> grid() {
        return grid;
    }

    boolean onGrid(Instant start) {
        return Collections.binarySearch(grid, start) >= 0;
    }

    /** Whether a start falls inside one of the opening windows the grid steps from, on the grid or not. */
    boolean withinOpeningHours(Instant start) {
        for (SlotGrid.AnchorWindow anchor : anchors) {
            Interval window = anchor.window().toInterval(anchor.zone());
            if (!start.isBefore(window.from()) && start.isBefore(window.until())) {
                return true;
            }
        }
        return false;
    }

    boolean dayTouchesBookingWindow() {
        return bookingWindow.overlaps(dayStart, dayEnd);
    }

    boolean inBookingWindow(Instant start) {
        return bookingWindow.contains(start);
    }

    /**
     * Checks a grid start in rule order. With {@code describe} the outcome also counts the remaining capacity
     * and lists the assignable resources, which only the slots answer needs.
     */
    Outcome evaluate(Instant start, UUID preferredResourceId, OccupancyIndex occupancies, boolean describe) {
        return evaluate(start, preferredResourceId, null, occupancies, describe);
    }

    /**
     * The same with a preferred area (the guest's seating preference): placement tries that area first, and the
     * allocation says whether the party sits wholly in it.
     */
    Outcome evaluate(
            Instant start,
            UUID preferredResourceId,
            UUID preferredAreaId,
            OccupancyIndex occupancies,
            boolean describe) {
        if (!bookingWindow.contains(start)) {
            return Outcome.refused(RefusalReason.OUTSIDE_BOOKING_WINDOW);
        }
        Instant end = start.plus(service.durationFor(partySize));
        Interval occupied = new Interval(start.minus(service.bufferBefore()), end.plus(service.bufferAfter()));
        OpenIntervals organizationHours = index.organizationHours();
        if (organizationHours != null && !organizationHours.covers(occupied.from(), occupied.until())) {
            return Outcome.refused(RefusalReason.OUTSIDE_OPEN_HOURS);
        }
        OccupancyIndex.PartiesAtStart parties = occupancies.partiesStartingAt(start);
        Integer partiesLeft = service.slotCapacity() == null ? null : service.slotCapacity() - parties.count();
        if (partiesLeft != null && partiesLeft <= 0) {
            return Outcome.refused(RefusalReason.SLOT_FULL);
        }
        Integer partiesByPacing = partiesLeftByPacing(start, end, occupancies);
        if (partiesByPacing != null && partiesByPacing < 1) {
            return Outcome.refused(RefusalReason.PACING_LIMIT);
        }
        AreaAllowance areas = AreaAllowance.at(index, occupancies, start, end, partySize);
        if (service.seating() == Seating.SHARED && parties.count() > 0) {
            if (areas != null && !areas.admitsJoining(parties.resourceIds())) {
                return Outcome.refused(RefusalReason.PACING_LIMIT);
            }
            return joinSharedStart(start, end, occupied, parties, preferredAreaId);
        }
        if (!plan.satisfiable()) {
            return Outcome.refused(RefusalReason.RESOURCES_UNAVAILABLE);
        }
        UnitLedger ledger = new UnitLedger(plan, occupancies, index.resourceHours(), occupied);
        if (areas != null) {
            areas.closeFullAreas(plan, ledger);
        }
        List<AllocatedUnit> units =
                PartyPlacement.place(plan, ledger, plan.numberOf(preferredResourceId), preferredAreaId);
        if (units == null) {
            boolean placeableUnpaced = areas != null
                    && areas.closesAny()
                    && PartyPlacement.place(
                                    plan,
                                    new UnitLedger(plan, occupancies, index.resourceHours(), occupied),
                                    plan.numberOf(preferredResourceId),
                                    preferredAreaId)
                            != null;
            return Outcome.refused(placeableUnpaced ? RefusalReason.PACING_LIMIT : RefusalReason.RESOURCES_UNAVAILABLE);
        }
        if (areas != null) {
            areas.seat(units, plan, ledger);
        }
        Boolean met = preferredAreaId == null ? null : seatedIn(units, preferredAreaId);
        Allocation allocation =
                new Allocation(start, end, occupied.from(), occupied.until(), partySize, units, null, met);
        if (!describe) {
            return new Outcome(null, allocation, null, List.of());
        }
        Integer remaining = service.seating() == Seating.SHARED
                ? service.maxParticipantsPerSlot()
                : partiesThatFit(
                        ledger,
                        min(partiesLeft, partiesByPacing),
                        Boolean.TRUE.equals(met) ? preferredAreaId : null,
                        areas);
        return new Outcome(null, allocation, remaining, assignableResources(units, ledger));
    }

    /**
     * How many more parties of this size the pacing lets start here (each check of rule 6b), or null when the
     * service is not paced; below 1 the start is refused.
     */
    private Integer partiesLeftByPacing(Instant start, Instant end, OccupancyIndex occupancies) {
        Pacing pacing = index.schedule().pacing();
        if (pacing == null) {
            return null;
        }
        return pacing.partiesLeft(occupancies.serviceParties(), start, end, service.zone(), partySize);
    }

    /**
     * A party sits in an area when it holds at least one resource and every resource it must hold (required and
     * any_available, not optional extras) stands in that area.
     */
    private boolean seatedIn(List<AllocatedUnit> units, UUID area) {
        boolean any = false;
        for (AllocatedUnit unit : units) {
            if (unit.mode() == AssignmentMode.OPTIONAL) {
                continue;
            }
            if (!inArea(unit.resourceId(), area)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private boolean inArea(UUID resourceId, UUID area) {
        Resource resource = index.resourcesById().get(resourceId);
        return resource != null && Objects.equals(resource.areaId(), area);
    }

    private static Integer min(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Integer.valueOf(Math.min(a, b));
    }

    /** A party joins the parties already at this start without new resources while seats remain. */
    private Outcome joinSharedStart(
            Instant start, Instant end, Interval occupied, OccupancyIndex.PartiesAtStart parties, UUID area) {
        Integer seatsLeft = service.maxParticipantsPerSlot() == null
                ? null
                : service.maxParticipantsPerSlot() - parties.participants();
        if (seatsLeft != null && seatsLeft < partySize) {
            return Outcome.refused(RefusalReason.SLOT_FULL);
        }
        Allocation allocation = new Allocation(
                start,
                end,
                occupied.from(),
                occupied.until(),
                partySize,
                List.of(),
                parties.reservationIds().get(0),
                area == null ? null : sharedIn(parties.resourceIds(), area));
        return new Outcome(null, allocation, seatsLeft, parties.resourceIds());
    }

    /** A party joining a shared start sits where the parties already there sit. */
    private boolean sharedIn(List<UUID> resourceIds, UUID area) {
        if (resourceIds.isEmpty()) {
            return false;
        }
        for (UUID resourceId : resourceIds) {
            if (!inArea(resourceId, area)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Greedy what-if on the same ledger: keep placing parties of this size, best fit first, until one does not
     * fit, slot capacity is reached, or the cap is hit. Unlimited (null) when nothing can run out. With an area,
     * only parties that still sit wholly in it count. Each party placed uses up its areas' pacing, which closes an
     * area to the next ones once full.
     */
    private Integer partiesThatFit(UnitLedger ledger, Integer partiesLeft, UUID area, AreaAllowance areas) {
        if (!plan.hasLimitingNeeds()) {
            return partiesLeft;
        }
        int limit = partiesLeft == null ? REMAINING_CAPACITY_CAP : Math.min(partiesLeft, REMAINING_CAPACITY_CAP);
        int parties = 1;
        while (parties < limit) {
            List<AllocatedUnit> next = PartyPlacement.place(plan, ledger, null, area);
            if (next == null || (area != null && !seatedIn(next, area))) {
                break;
            }
            if (areas != null) {
                areas.seat(next, plan, ledger);
            }
            parties++;
        }
        return parties;
    }

    private static boolean wasFree(UnitLedger ledger, int[] combination) {
        for (int table : combination) {
            if (!ledger.wasFree(table)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The chosen resources first, then every other free candidate of the any_available groups, best fit first,
     * then the tables of every free combination, best first.
     */
    private List<UUID> assignableResources(List<AllocatedUnit> units, UnitLedger ledger) {
        Set<UUID> resources = new LinkedHashSet<>();
        for (AllocatedUnit unit : units) {
            resources.add(unit.resourceId());
        }
        for (ResourcePlan.Group group : plan.groups()) {
            for (int candidate : group.candidates()) {
                if (ledger.wasFree(candidate)) {
                    resources.add(plan.resource(candidate).id());
                }
            }
            for (int[] combination : group.combinations()) {
                if (wasFree(ledger, combination)) {
                    for (int table : combination) {
                        resources.add(plan.resource(table).id());
                    }
                }
            }
        }
        return new ArrayList<>(resources);
    }

    /** The decision for one start: a refusal, or an allocation with what the slots answer shows about it. */
    record Outcome(RefusalReason refusal, Allocation allocation, Integer remainingCapacity, List<UUID> resourceIds) {

        static Outcome refused(RefusalReason reason) {
            return new Outcome(reason, null, null, List.of());
        }

        boolean allocated() {
            return allocation != null;
        }

        /** Whether a booking preferring the area would sit wholly in it. */
        boolean seatedIn(UUID areaId) {
            return allocation != null && Boolean.TRUE.equals(allocation.seatingPreferenceMet()) && areaId != null;
        }

        /** Whether the resource is one of those this booking would take (or, joining a shared start, share). */
        boolean uses(UUID resourceId) {
            if (allocation == null) {
                return false;
            }
            if (allocation.joinedReservationId() != null) {
                return resourceIds.contains(resourceId);
            }
            for (AllocatedUnit unit : allocation.units()) {
                if (unit.resourceId().equals(resourceId)) {
                    return true;
                }
            }
            return false;
        }

        AvailableSlot toSlot() {
            return new AvailableSlot(allocation.start(), allocation.end(), remainingCapacity, resourceIds);
        }
    }
}
