package io.reserva.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.catalog.WeeklyOverlap.Slot;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyOverlapTests {

    private static final int SUNDAY = 0;
    private static final int MONDAY = 1;
    private static final int FRIDAY = 5;
    private static final int SATURDAY = 6;

    @Test
    void windowsOnTheSameDayOverlapWhenTheyShareAMinute() {
        assertThat(overlap(slot(MONDAY, "09:00", "13:00"), slot(MONDAY, "12:59", "15:00")))
                .isTrue();
        assertThat(overlap(slot(MONDAY, "09:00", "18:00"), slot(MONDAY, "10:00", "11:00")))
                .isTrue();
    }

    @Test
    void touchingWindowsDoNotOverlap() {
        assertThat(overlap(slot(MONDAY, "09:00", "13:00"), slot(MONDAY, "13:00", "17:00")))
                .isFalse();
    }

    @Test
    void theSameHoursOnDifferentDaysDoNotOverlap() {
        assertThat(overlap(slot(MONDAY, "09:00", "18:00"), slot(FRIDAY, "09:00", "18:00")))
                .isFalse();
    }

    @Test
    void aPastMidnightTailOverlapsTheNextDaysEarlyWindow() {
        Slot lateFriday = slot(FRIDAY, "19:30", "02:00");
        assertThat(overlap(lateFriday, slot(SATURDAY, "01:00", "03:00"))).isTrue();
        assertThat(overlap(lateFriday, slot(SATURDAY, "02:00", "04:00"))).isFalse();
        assertThat(overlap(lateFriday, slot(SATURDAY, "13:00", "16:00"))).isFalse();
    }

    @Test
    void saturdayNightRunsIntoSundayAcrossTheEndOfTheWeek() {
        Slot lateSaturday = slot(SATURDAY, "22:00", "02:00");
        assertThat(overlap(lateSaturday, slot(SUNDAY, "00:30", "01:00"))).isTrue();
        assertThat(overlap(slot(SUNDAY, "00:30", "01:00"), lateSaturday)).isTrue();
        assertThat(overlap(lateSaturday, slot(SUNDAY, "02:00", "05:00"))).isFalse();
    }

    @Test
    void midnightToMidnightIsTheWholeDay() {
        Slot allDay = slot(MONDAY, "00:00", "00:00");
        assertThat(allDay.length()).isEqualTo(1440);
        assertThat(overlap(allDay, slot(MONDAY, "23:59", "00:00"))).isTrue();
        assertThat(overlap(allDay, slot(SUNDAY, "20:00", "00:00"))).isFalse();
        assertThat(overlap(allDay, slot(SUNDAY, "20:00", "00:01"))).isTrue();
        assertThat(overlap(allDay, slot(2, "00:00", "08:00"))).isFalse();
    }

    @Test
    void lengthsCountPastMidnight() {
        assertThat(WeeklyOverlap.lengthMinutes(LocalTime.of(18, 0), LocalTime.of(2, 0)))
                .isEqualTo(480);
        assertThat(WeeklyOverlap.lengthMinutes(LocalTime.of(9, 0), LocalTime.of(18, 0)))
                .isEqualTo(540);
        assertThat(WeeklyOverlap.lengthMinutes(LocalTime.of(13, 0), LocalTime.of(13, 0)))
                .isEqualTo(1440);
    }

    @Test
    void theFirstClashIsNamedInWords() {
        Slot candidate = slot(SATURDAY, "01:00", "03:00");
        var clash = WeeklyOverlap.firstOverlap(
                candidate, List.of(slot(FRIDAY, "13:00", "16:00"), slot(FRIDAY, "19:30", "02:00")));
        assertThat(clash).hasValueSatisfying(slot -> assertThat(slot.describe()).isEqualTo("Friday 19:30–02:00"));
        assertThat(candidate.describe()).isEqualTo("Saturday 01:00–03:00");
        assertThat(slot(SUNDAY, "13:00", "16:30").describe()).isEqualTo("Sunday 13:00–16:30");
    }

    @Test
    void overlapIsSymmetric() {
        List<Slot> slots = List.of(
                slot(SATURDAY, "22:00", "02:00"),
                slot(SUNDAY, "01:00", "02:00"),
                slot(FRIDAY, "19:30", "02:00"),
                slot(SATURDAY, "00:00", "01:00"),
                slot(SATURDAY, "01:59", "22:00"),
                slot(MONDAY, "00:00", "00:00"));
        for (Slot a : slots) {
            for (Slot b : slots) {
                assertThat(overlap(a, b))
                        .as(a.describe() + " / " + b.describe())
                        .isEqualTo(overlap(b, a));
            }
        }
    }

    private static boolean overlap(Slot a, Slot b) {
        return WeeklyOverlap.overlap(a, b);
    }

    private static Slot slot(int day, String start, String end) {
        return new Slot(day, LocalTime.parse(start), LocalTime.parse(end));
    }
}
