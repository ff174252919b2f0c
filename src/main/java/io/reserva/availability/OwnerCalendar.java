package io.reserva.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Resolves one owner's weekly hours and exceptions into the windows of each local date. */
final class OwnerCalendar {

    private final OpeningHours hours;

    OwnerCalendar(OpeningHours hours) {
        this.hours = hours;
    }

    ZoneId zone() {
        return hours.zone();
    }

    /** Nothing to resolve: the owner is open whenever the others are. */
    boolean isUnconstrained() {
        return !hours.hasWeeklyHours() && hours.exceptions().isEmpty();
    }

    /** Keeps hours on a date when it has weekly hours at all, or special hours for that date. */
    boolean keepsHoursOn(LocalDate date) {
        return hours.hasWeeklyHours() || hasException(date, ExceptionType.SPECIAL_HOURS);
    }

    /**
     * The windows that start on a date: none when blocked, the special hours when there are some, else the
     * weekly windows of that weekday; an owner without weekly hours is open the whole date.
     */
    List<LocalWindow> windowsOn(LocalDate date) {
        if (hasException(date, ExceptionType.BLOCKED)) {
            return List.of();
        }
        List<LocalWindow> windows = new ArrayList<>();
        for (HoursException exception : hours.exceptions()) {
            if (exception.type() == ExceptionType.SPECIAL_HOURS && exception.appliesTo(date)) {
                windows.add(LocalWindow.on(date, exception.start(), exception.end()));
            }
        }
        if (!windows.isEmpty()) {
            return windows;
        }
        if (!hours.hasWeeklyHours()) {
            return List.of(LocalWindow.wholeDay(date));
        }
        for (WeeklyWindow weekly : hours.weekly()) {
            if (weekly.fallsOn(date.getDayOfWeek())) {
                windows.add(LocalWindow.on(date, weekly.start(), weekly.end()));
            }
        }
        return windows;
    }

    /** Open real time around [from, until), or null when the owner adds no constraint. */
    OpenIntervals openBetween(Instant from, Instant until) {
        if (isUnconstrained()) {
            return null;
        }
        // A window belongs to the date it starts on and lasts at most a day plus a DST shift, so the
        // windows of the two dates before `from` are the earliest that can still reach it.
        LocalDate first = LocalDate.ofInstant(from, zone()).minusDays(2);
        LocalDate last = LocalDate.ofInstant(until, zone());
        List<Interval> intervals = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (LocalWindow window : windowsOn(date)) {
                Interval interval = window.toInterval(zone());
                if (!interval.isEmpty()) {
                    intervals.add(interval);
                }
            }
        }
        return OpenIntervals.merge(intervals);
    }

    private boolean hasException(LocalDate date, ExceptionType type) {
        for (HoursException exception : hours.exceptions()) {
            if (exception.type() == type && exception.appliesTo(date)) {
                return true;
            }
        }
        return false;
    }
}
