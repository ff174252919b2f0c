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
            UUID onlyResource) {
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
            SlotEvaluator.Outcome outcome = evaluator.evaluate(start, onlyResource, occupancies, true);
            if (outcome.allocated() && (onlyResource == null || outcome.uses(onlyResource))) {
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
                couldOpenWithoutReservations(evaluator, bookableStarts, onlyResource)
                        ? DayReason.FULLY_BOOKED
                        : DayReason.CLOSED);
    }

    /** Closed versus fully booked: would any start be bookable if nobody had booked yet? */
    private static boolean couldOpenWithoutReservations(
            SlotEvaluator evaluator, List<Instant> starts, UUID onlyResource) {
        OccupancyIndex nobody = OccupancyIndex.empty();
        for (Instant start : starts) {
            SlotEvaluator.Outcome outcome = evaluator.evaluate(start, onlyResource, nobody, false);
            if (outcome.allocated() && (onlyResource == null || outcome.uses(onlyResource))) {
                return true;
            }
        }
        return false;
    }

    private static DayReason sizeReason(RefusalReason misfit) {
        return misfit == RefusalReason.PARTY_TOO_LARGE ? DayReason.PARTY_TOO_LARGE : DayReason.PARTY_TOO_SMALL;
    }

    private static DayAvailability closedDay(LocalDate date, DayReason reason) {
        return new DayAvailability(date, List.of(), reason);
    }
}
