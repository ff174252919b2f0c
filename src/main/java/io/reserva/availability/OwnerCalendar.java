package io.reserva.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves one owner's weekly hours and exceptions into the windows of each local date. A resource's calendar
 * also reads the organization's exceptions: they speak for every resource on their date.
 */
final class OwnerCalendar {

    private final OpeningHours hours;
    private final OpeningHours organization;

    private OwnerCalendar(OpeningHours hours, OpeningHours organization) {
        this.hours = hours;
        this.organization = organization;
    }

    static OwnerCalendar ofOrganization(OpeningHours businessHours) {
        return new OwnerCalendar(businessHours, OpeningHours.none(businessHours.zone()));
    }

    static OwnerCalendar ofResource(OpeningHours resourceHours, OpeningHours businessHours) {
        return new OwnerCalendar(resourceHours, businessHours);
    }

    ZoneId zone() {
        return hours.zone();
    }

    /**
     * Nothing to resolve: the owner is open whenever the others are. The organization's exceptions make even an
     * owner without hours of its own worth resolving: its whole dates end at midnight where the organization's
     * late window may not, and in another zone the organization's dates fall elsewhere.
     */
    boolean isUnconstrained() {
        return !hours.hasWeeklyHours()
                && hours.exceptions().isEmpty()
                && organization.exceptions().isEmpty();
    }

    /** Keeps hours on a date when it has weekly hours at all, or special hours for that date. */
    boolean keepsHoursOn(LocalDate date) {
        return hours.hasWeeklyHours() || hasException(hours, date, ExceptionType.SPECIAL_HOURS);
    }

    /**
     * The windows that start on a date: none when the owner or the organization blocks it, else the owner's
     * special hours, else the organization's special hours (read on the owner's wall clock), else the weekly
     * windows of that weekday; an owner without weekly hours is open the whole date. A blocked date thus
     * removes a window running past midnight entirely, whoever's window it is.
     */
    List<LocalWindow> windowsOn(LocalDate date) {
        if (hasException(hours, date, ExceptionType.BLOCKED)
                || hasException(organization, date, ExceptionType.BLOCKED)) {
            return List.of();
        }
        List<LocalWindow> windows = specialHours(hours, date);
        if (windows.isEmpty()) {
            windows = specialHours(organization, date);
        }
        if (!windows.isEmpty()) {
            return windows;
        }
        if (!hours.hasWeeklyHours()) {
            return List.of(LocalWindow.wholeDay(date));
        }
        windows = new ArrayList<>();
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

    private static List<LocalWindow> specialHours(OpeningHours owner, LocalDate date) {
        List<LocalWindow> windows = List.of();
        for (HoursException exception : owner.exceptions()) {
            if (exception.type() == ExceptionType.SPECIAL_HOURS && exception.appliesTo(date)) {
                windows = windows.isEmpty() ? new ArrayList<>() : windows;
                windows.add(LocalWindow.on(date, exception.start(), exception.end()));
            }
        }
        return windows;
    }

    private static boolean hasException(OpeningHours owner, LocalDate date, ExceptionType type) {
        for (HoursException exception : owner.exceptions()) {
            if (exception.type() == type && exception.appliesTo(date)) {
                return true;
            }
        }
        return false;
    }
}
