package io.reserva.availability;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** An opening window in wall-clock time, already placed on its date; it may end on the next date. */
record LocalWindow(LocalDateTime start, LocalDateTime end) {

    /** An end at or before the start means the window runs past midnight (a bar open 18:00–02:00). */
    static LocalWindow on(LocalDate date, LocalTime start, LocalTime end) {
        LocalDate endDate = end.isAfter(start) ? date : date.plusDays(1);
        return new LocalWindow(date.atTime(start), endDate.atTime(end));
    }

    static LocalWindow wholeDay(LocalDate date) {
        return new LocalWindow(date.atStartOfDay(), date.plusDays(1).atStartOfDay());
    }

    /**
     * Real time covered by the window. java.time's default placement moves a time in a DST gap forward by the
     * gap and takes the earlier offset of an ambiguous time, so a missing midnight becomes the day's first
     * instant.
     */
    Interval toInterval(ZoneId zone) {
        return new Interval(
                ZonedDateTime.of(start, zone).toInstant(),
                ZonedDateTime.of(end, zone).toInstant());
    }
}
