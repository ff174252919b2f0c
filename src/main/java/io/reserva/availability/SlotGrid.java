package io.reserva.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The candidate starts of one service-local date: wall-clock steps of the slot interval from the start of each
 * anchor window, while the step is still before the window's end.
 */
final class SlotGrid {

    private SlotGrid() {}

    /**
     * Anchor windows are the organization's windows on dates where it keeps hours, otherwise the windows of
     * every resource that could be allocated and keeps hours, and when none does, the organization's whole date
     * (an owner without hours is open all day); the dates around the asked one are included because a window
     * in another zone, or one running past midnight, can still start slots on it.
     */
    static List<AnchorWindow> anchorsAround(
            LocalDate date, OwnerCalendar organization, List<OwnerCalendar> allocatableResources) {
        List<AnchorWindow> anchors = new ArrayList<>();
        for (LocalDate day = date.minusDays(2); !day.isAfter(date.plusDays(2)); day = day.plusDays(1)) {
            if (organization.keepsHoursOn(day)) {
                addAll(anchors, organization, day);
                continue;
            }
            boolean anyResourceKeepsHours = false;
            for (OwnerCalendar resource : allocatableResources) {
                if (resource.keepsHoursOn(day)) {
                    addAll(anchors, resource, day);
                    anyResourceKeepsHours = true;
                }
            }
            if (!anyResourceKeepsHours) {
                // Nobody keeps hours that date, so nobody constrains it: the organization's whole date (rule 5),
                // unless an organization-wide blocked exception closes it.
                addAll(anchors, organization, day);
            }
        }
        return anchors;
    }

    /**
     * Steps that fall in a DST gap do not exist and are skipped; an ambiguous step is offered once, at the
     * earlier offset. A start belongs to the service-local date whose [dayStart, dayEnd) holds its instant.
     */
    static List<Instant> startsBetween(
            Instant dayStart, Instant dayEnd, int intervalMinutes, List<AnchorWindow> anchors) {
        TreeSet<Instant> starts = new TreeSet<>();
        for (AnchorWindow anchor : anchors) {
            if (!addStepsWithoutOffsetChange(anchor, dayStart, dayEnd, intervalMinutes, starts)) {
                addWallClockSteps(anchor, dayStart, dayEnd, intervalMinutes, starts);
            }
        }
        return new ArrayList<>(starts);
    }

    /**
     * The common case, where no DST transition falls inside the window: wall-clock steps are then plain
     * steps of real time, so the steps before the date can be skipped. False when the shortcut does not apply.
     */
    private static boolean addStepsWithoutOffsetChange(
            AnchorWindow anchor, Instant dayStart, Instant dayEnd, int intervalMinutes, TreeSet<Instant> starts) {
        ZoneRules rules = anchor.zone().getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(anchor.window().start());
        if (offsets.size() != 1) {
            return false;
        }
        Instant first = anchor.window().start().toInstant(offsets.get(0));
        Instant end = anchor.window().end().toInstant(offsets.get(0));
        ZoneOffsetTransition next = rules.nextTransition(first);
        if (next != null && next.getInstant().isBefore(end)) {
            return false;
        }
        long stepSeconds = 60L * intervalMinutes;
        long skipped = Math.max(
                0, Math.floorDiv(dayStart.getEpochSecond() - first.getEpochSecond() + stepSeconds - 1, stepSeconds));
        Instant until = end.isBefore(dayEnd) ? end : dayEnd;
        for (Instant step = first.plusSeconds(skipped * stepSeconds);
                step.isBefore(until);
                step = step.plusSeconds(stepSeconds)) {
            if (!step.isBefore(dayStart)) {
                starts.add(step);
            }
        }
        return true;
    }

    private static void addWallClockSteps(
            AnchorWindow anchor, Instant dayStart, Instant dayEnd, int intervalMinutes, TreeSet<Instant> starts) {
        ZoneRules rules = anchor.zone().getRules();
        LocalWindow window = anchor.window();
        for (LocalDateTime step = window.start();
                step.isBefore(window.end());
                step = step.plusMinutes(intervalMinutes)) {
            if (rules.getValidOffsets(step).isEmpty()) {
                continue;
            }
            Instant start = ZonedDateTime.of(step, anchor.zone()).toInstant();
            if (!start.isBefore(dayStart) && start.isBefore(dayEnd)) {
                starts.add(start);
            }
        }
    }

    private static void addAll(List<AnchorWindow> anchors, OwnerCalendar owner, LocalDate day) {
        for (LocalWindow window : owner.windowsOn(day)) {
            anchors.add(new AnchorWindow(owner.zone(), window));
        }
    }

    /** A window the grid steps from, with the zone its wall clock is read in. */
    record AnchorWindow(ZoneId zone, LocalWindow window) {}
}
