package io.reserva.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds one date's answer: its slots, or the first reason of {@link DayReason} that explains their absence. */
final class DaySlots {

    private DaySlots() {}

    static DayAvailability of(
            LocalDate date,
            SlotEvaluator evaluator,
            OccupancyIndex occupancies,
            AvailabilityEngine.PartyMisfit misfit,
            UUID onlyResource,
            UUID onlyArea) {
        List<Instant> bookableStarts = new ArrayList<>();
        for (Instant start : evaluator.grid()) {
            if (evaluator.inBookingWindow(start)) {
                bookableStarts.add(start);
            }
        }
        boolean outsideBookingWindow =
                evaluator.grid().isEmpty() ? !evaluator.dayTouchesBookingWindow() : bookableStarts.isEmpty();
        if (outsideBookingWindow) {
            return closedDay(date, DayReason.OUTSIDE_BOOKING_WINDOW);
        }
        if (misfit.byService() != null) {
            return closedDay(date, sizeReason(misfit.byService()));
        }
        List<AvailableSlot> slots = new ArrayList<>();
        for (Instant start : bookableStarts) {
            SlotEvaluator.Outcome outcome = evaluator.evaluate(start, onlyResource, onlyArea, occupancies, true);
            if (listed(outcome, onlyResource, onlyArea)) {
                slots.add(outcome.toSlot());
            }
        }
        if (!slots.isEmpty()) {
            return new DayAvailability(date, slots, null);
        }
        if (misfit.byResources() != null) {
            return closedDay(date, sizeReason(misfit.byResources()));
        }
        return closedDay(
                date,
                couldOpenWithoutReservations(evaluator, bookableStarts, onlyResource, onlyArea)
                        ? DayReason.FULLY_BOOKED
                        : DayReason.CLOSED);
    }

    /** Closed versus fully booked: would any start be bookable if nobody had booked yet? */
    private static boolean couldOpenWithoutReservations(
            SlotEvaluator evaluator, List<Instant> starts, UUID onlyResource, UUID onlyArea) {
        OccupancyIndex nobody = OccupancyIndex.empty();
        for (Instant start : starts) {
            SlotEvaluator.Outcome outcome = evaluator.evaluate(start, onlyResource, onlyArea, nobody, false);
            if (listed(outcome, onlyResource, onlyArea)) {
                return true;
            }
        }
        return false;
    }

    /** Allocated, on the resource asked for (if any), and wholly in the area asked for (if any). */
    private static boolean listed(SlotEvaluator.Outcome outcome, UUID onlyResource, UUID onlyArea) {
        return outcome.allocated()
                && (onlyResource == null || outcome.uses(onlyResource))
                && (onlyArea == null || outcome.seatedIn(onlyArea));
    }

    private static DayReason sizeReason(RefusalReason misfit) {
        return misfit == RefusalReason.PARTY_TOO_LARGE ? DayReason.PARTY_TOO_LARGE : DayReason.PARTY_TOO_SMALL;
    }

    private static DayAvailability closedDay(LocalDate date, DayReason reason) {
        return new DayAvailability(date, List.of(), reason);
    }
}
