package io.reserva.catalog;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule that weekly windows of one owner (a resource, or the organization's business hours) must not
 * overlap. A window is a span of minutes on the week seen as a circle: Saturday 22:00–02:00 ends on Sunday at
 * 02:00, so it overlaps a Sunday window that opens at 01:00. Spans are half-open: 13:00–16:00 and 16:00–20:00
 * touch but do not overlap.
 */
final class WeeklyOverlap {

    static final int MINUTES_PER_DAY = 24 * 60;
    static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

    /** One window as the rule sees it: day 0 = Sunday. */
    record Slot(int dayOfWeek, LocalTime start, LocalTime end) {

        int startMinute() {
            return dayOfWeek * MINUTES_PER_DAY + start.getHour() * 60 + start.getMinute();
        }

        int length() {
            return lengthMinutes(start, end);
        }

        /** e.g. "Friday 19:30–02:00". */
        String describe() {
            // java.time counts Monday as 1 and Sunday as 7; ours has Sunday as 0.
            String day = DayOfWeek.of(dayOfWeek == 0 ? 7 : dayOfWeek).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            return day + " " + start + "–" + end;
        }
    }

    private WeeklyOverlap() {}

    /** Minutes open: an end at or before the start runs past midnight, so 18:00–02:00 is 480 and 00:00–00:00 1440. */
    static int lengthMinutes(LocalTime start, LocalTime end) {
        int from = start.getHour() * 60 + start.getMinute();
        int to = end.getHour() * 60 + end.getMinute();
        return to > from ? to - from : MINUTES_PER_DAY - from + to;
    }

    static boolean overlap(Slot a, Slot b) {
        for (int[] x : segments(a)) {
            for (int[] y : segments(b)) {
                if (x[0] < y[1] && y[0] < x[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first of {@code others} that {@code candidate} overlaps, if any. */
    static Optional<Slot> firstOverlap(Slot candidate, List<Slot> others) {
        return others.stream().filter(other -> overlap(candidate, other)).findFirst();
    }

    /** The span within [0, week), split in two when it runs past Saturday midnight into Sunday. */
    private static List<int[]> segments(Slot slot) {
        int start = slot.startMinute();
        int end = start + slot.length();
        List<int[]> segments = new ArrayList<>(2);
        if (end <= MINUTES_PER_WEEK) {
            segments.add(new int[] {start, end});
        } else {
            segments.add(new int[] {start, MINUTES_PER_WEEK});
            segments.add(new int[] {0, end - MINUTES_PER_WEEK});
        }
        return segments;
    }
}
