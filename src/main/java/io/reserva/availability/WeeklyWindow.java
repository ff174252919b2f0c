package io.reserva.availability;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One weekly opening window in the owner's wall-clock time; an end at or before the start runs past midnight.
 *
 * @param dayOfWeek 0 = Sunday … 6 = Saturday, as stored by the API
 */
public record WeeklyWindow(int dayOfWeek, LocalTime start, LocalTime end) {

    public WeeklyWindow {
        if (dayOfWeek < 0 || dayOfWeek > 6) {
            throw new IllegalArgumentException("dayOfWeek must be 0 (Sunday) to 6 (Saturday)");
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static WeeklyWindow of(DayOfWeek day, String start, String end) {
        return new WeeklyWindow(day.getValue() % 7, LocalTime.parse(start), LocalTime.parse(end));
    }

    public boolean fallsOn(DayOfWeek day) {
        return dayOfWeek == day.getValue() % 7;
    }
}
