package io.reserva.availability;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Objects;

/** A dated change to an owner's weekly hours: closed that day, or special hours instead of the usual ones. */
public record HoursException(
        LocalDate date, ExceptionType type, LocalTime start, LocalTime end, boolean recurringYearly) {

    public HoursException {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        if (type == ExceptionType.SPECIAL_HOURS && (start == null || end == null)) {
            throw new IllegalArgumentException("special hours need a start and an end");
        }
    }

    public static HoursException blocked(LocalDate date) {
        return new HoursException(date, ExceptionType.BLOCKED, null, null, false);
    }

    public static HoursException specialHours(LocalDate date, String start, String end) {
        return new HoursException(
                date, ExceptionType.SPECIAL_HOURS, LocalTime.parse(start), LocalTime.parse(end), false);
    }

    public HoursException everyYear() {
        return new HoursException(date, type, start, end, true);
    }

    /** Feb 29 recurs only in leap years because no other year has that month-day. */
    public boolean appliesTo(LocalDate day) {
        if (!recurringYearly) {
            return date.equals(day);
        }
        return MonthDay.from(date).equals(MonthDay.from(day));
    }
}
