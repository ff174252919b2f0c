package io.reserva.availability;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers which starts of a service can be booked and where one booking goes (docs/scheduling-rules.md); a start can be
 * allocated exactly when it is listed among its date's slots for the same snapshot and clock.
 */
public final class AvailabilityEngine {

    /** The calendar form of the slots endpoint answers at most this many days at once. */
    public static final int MAX_RANGE_DAYS = 62;

    private final Clock clock;
    private final PreparedHours.Memo hours = new PreparedHours.Memo();

    public AvailabilityEngine(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The bookable starts of one date of the service's zone, or why there are none. */
    public DayAvailability slotsForDay(SlotQuery query, LocalDate date) {
        return slotsForRange(query, date, date).get(0);
    }

    /** One answer per date from {@code startDate} to {@code endDate}, both included, at most 62 dates. */
    public List<DayAvailability> slotsForRange(SlotQuery query, LocalDate startDate, LocalDate endDate) {
        checkRange(startDate, endDate);
        ScheduleSnapshot schedule = query.schedule();
        if (!schedule.service().active()) {
            return closedDays(startDate, endDate);
        }
        ScheduleIndex index = ScheduleIndex.covering(schedule, hours.covering(schedule, startDate, endDate));
        return slots(index, query, BookingWindow.of(schedule.service(), clock), startDate, endDate);
    }

    /**
     * The same answer as {@link #slotsForRange} for each party size, for the whole floor: the schedule's index
     * (hours, resources, occupancies) is built once and only the party's evaluation is repeated, so a caller that
     * needs every size (Google's feeds, a batch lookup) does not pay for the index once per size.
     */
    public Map<Integer, List<DayAvailability>> slotsForPartySizes(
            ScheduleSnapshot schedule, Collection<Integer> partySizes, LocalDate startDate, LocalDate endDate) {
        checkRange(startDate, endDate);
        Map<Integer, List<DayAvailability>> answer = new LinkedHashMap<>();
        if (!schedule.service().active()) {
            for (int partySize : partySizes) {
                answer.put(partySize, closedDays(startDate, endDate));
            }
            return answer;
        }
        ScheduleIndex index = ScheduleIndex.covering(schedule, hours.covering(schedule, startDate, endDate));
        BookingWindow bookingWindow = BookingWindow.of(schedule.service(), clock);
        for (int partySize : partySizes) {
            answer.computeIfAbsent(
                    partySize,
                    size -> slots(index, SlotQuery.forParty(schedule, size), bookingWindow, startDate, endDate));
        }
        return answer;
    }

    private static void checkRange(LocalDate startDate, LocalDate endDate) {
        long days = ChronoUnit.DAYS.between(startDate, endDate) + 1;
        if (days < 1) {
            throw new IllegalArgumentException("endDate must not be before startDate");
        }
        if (days > MAX_RANGE_DAYS) {
            throw new IllegalArgumentException("at most " + MAX_RANGE_DAYS + " days can be asked at once");
        }
    }

    private static List<DayAvailability> closedDays(LocalDate startDate, LocalDate endDate) {
        List<DayAvailability> answer = new ArrayList<>();
        for (LocalDate date = startDate; !date.isAfter(endDate); date = date.plusDays(1)) {
            answer.add(new DayAvailability(date, List.of(), DayReason.CLOSED));
        }
        return answer;
    }

    private static List<DayAvailability> slots(
            ScheduleIndex index, SlotQuery query, BookingWindow bookingWindow, LocalDate startDate, LocalDate endDate) {
        ScheduleSnapshot schedule = query.schedule();
        List<DayAvailability> answer = new ArrayList<>();
        PartyMisfit misfit = new PartyMisfit(
                PartyFit.serviceLimits(schedule.service(), query.partySize()),
                PartyFit.resourceSizes(schedule, index.resourcesById(), query.partySize(), query.resourceId()));
        for (LocalDate date = startDate; !date.isAfter(endDate); date = date.plusDays(1)) {
            SlotEvaluator evaluator = new SlotEvaluator(index, date, query.partySize(), bookingWindow);
            answer.add(DaySlots.of(date, evaluator, index.occupancies(), misfit, query.resourceId(), query.areaId()));
        }
        return answer;
    }

    /**
     * Places one party at one start, honouring a preferred resource when it is a free candidate. The caller
     * leaves the reservation being moved out of the snapshot's occupancies when rescheduling.
     */
    public AllocationResult allocate(BookingRequest request) {
        ScheduleSnapshot schedule = request.schedule();
        ServiceRules service = schedule.service();
        if (!service.active()) {
            return new Refusal(RefusalReason.SERVICE_INACTIVE);
        }
        LocalDate date = LocalDate.ofInstant(request.start(), service.zone());
        ScheduleIndex index = ScheduleIndex.covering(schedule, hours.covering(schedule, date, date));
        RefusalReason serviceMisfit = PartyFit.serviceLimits(service, request.partySize());
        if (serviceMisfit != null) {
            return new Refusal(serviceMisfit);
        }
        SlotEvaluator evaluator = new SlotEvaluator(index, date, request.partySize(), BookingWindow.of(service, clock));
        Instant start = request.start();
        if (!evaluator.onGrid(start)) {
            return new Refusal(evaluator.withinOpeningHours(start) ? RefusalReason.NOT_ON_GRID : RefusalReason.CLOSED);
        }
        SlotEvaluator.Outcome outcome = evaluator.evaluate(
                start, request.preferredResourceId(), request.preferredAreaId(), index.occupancies(), false);
        if (outcome.allocated()) {
            return outcome.allocation();
        }
        RefusalReason resourceMisfit =
                PartyFit.resourceSizes(schedule, index.resourcesById(), request.partySize(), null);
        boolean resourcesAreWhy = outcome.refusal() == RefusalReason.RESOURCES_UNAVAILABLE && resourceMisfit != null;
        return new Refusal(resourcesAreWhy ? resourceMisfit : outcome.refusal());
    }

    /** Why the party size cannot be served: by the service's limits, and by the sizes of its resources. */
    record PartyMisfit(RefusalReason byService, RefusalReason byResources) {}
}
