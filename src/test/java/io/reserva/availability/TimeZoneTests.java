package io.reserva.availability;

import static io.reserva.availability.Schedules.BERLIN;
import static io.reserva.availability.Schedules.LORD_HOWE;
import static io.reserva.availability.Schedules.NEW_YORK;
import static io.reserva.availability.Schedules.SANTIAGO;
import static io.reserva.availability.Schedules.UTC;
import static io.reserva.availability.Schedules.engine;
import static io.reserva.availability.Schedules.everyDay;
import static io.reserva.availability.Schedules.service;
import static io.reserva.availability.Schedules.snapshot;
import static io.reserva.availability.Schedules.times;
import static io.reserva.availability.Schedules.timesWithOffset;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeZoneTests {

    private static final LocalDate BERLIN_SPRING_FORWARD = LocalDate.of(2027, 3, 28);
    private static final LocalDate BERLIN_FALL_BACK = LocalDate.of(2027, 10, 31);
    private static final LocalDate NEW_YORK_SPRING_FORWARD = LocalDate.of(2027, 3, 14);
    private static final LocalDate NEW_YORK_FALL_BACK = LocalDate.of(2027, 11, 7);
    private static final LocalDate SANTIAGO_MIDNIGHT_GAP = LocalDate.of(2027, 9, 5);
    private static final LocalDate SANTIAGO_MIDNIGHT_OVERLAP = LocalDate.of(2027, 4, 4);
    private static final LocalDate LORD_HOWE_HALF_HOUR_GAP = LocalDate.of(2027, 10, 3);
    private static final LocalDate LORD_HOWE_HALF_HOUR_OVERLAP = LocalDate.of(2027, 4, 4);

    private static DayAvailability day(ServiceRules service, OpeningHours hours, LocalDate date) {
        ScheduleSnapshot schedule = snapshot(service, hours, List.of(), List.of(), List.of());
        return engine().slotsForDay(SlotQuery.forParty(schedule, 1), date);
    }

    @Test
    void theZoneRulesHaveTheTransitionsTheseExamplesRelyOn() {
        assertThat(BERLIN.getRules().getValidOffsets(LocalDateTime.of(2027, 3, 28, 2, 30)))
                .isEmpty();
        assertThat(BERLIN.getRules().getValidOffsets(LocalDateTime.of(2027, 10, 31, 2, 30)))
                .hasSize(2);
        assertThat(SANTIAGO.getRules().getValidOffsets(SANTIAGO_MIDNIGHT_GAP.atStartOfDay()))
                .isEmpty();
        assertThat(SANTIAGO.getRules().getValidOffsets(LocalDateTime.of(2027, 4, 3, 23, 30)))
                .hasSize(2);
        assertThat(LORD_HOWE.getRules().getValidOffsets(LocalDateTime.of(2027, 10, 3, 2, 15)))
                .isEmpty();
    }

    @Test
    void berlinSpringForwardSkipsTheWallTimesThatDoNotExist() {
        DayAvailability day = day(service(BERLIN, 30), everyDay(BERLIN, "00:00", "06:00"), BERLIN_SPRING_FORWARD);

        assertThat(timesWithOffset(day, BERLIN))
                .containsExactly(
                        "00:00+01:00",
                        "00:30+01:00",
                        "01:00+01:00",
                        "01:30+01:00",
                        "03:00+02:00",
                        "03:30+02:00",
                        "04:00+02:00",
                        "04:30+02:00",
                        "05:00+02:00",
                        "05:30+02:00");
    }

    @Test
    void berlinFallBackOffersTheRepeatedWallTimesOnceAtTheEarlierOffset() {
        DayAvailability day = day(service(BERLIN, 30), everyDay(BERLIN, "00:00", "04:00"), BERLIN_FALL_BACK);

        assertThat(timesWithOffset(day, BERLIN))
                .containsExactly(
                        "00:00+02:00",
                        "00:30+02:00",
                        "01:00+02:00",
                        "01:30+02:00",
                        "02:00+02:00",
                        "02:30+02:00",
                        "03:00+01:00",
                        "03:30+01:00");
    }

    @Test
    void durationsAreRealElapsedMinutesAcrossTheChange() {
        ServiceRules dinner = service(BERLIN, 90).withSlotInterval(30);

        DayAvailability fallBack = day(dinner, everyDay(BERLIN, "00:00", "06:00"), BERLIN_FALL_BACK);
        AvailableSlot atOneThirty = fallBack.slots().get(3);

        assertThat(atOneThirty.start()).isEqualTo(Instant.parse("2027-10-30T23:30:00Z"));
        assertThat(atOneThirty.end()).isEqualTo(Instant.parse("2027-10-31T01:00:00Z"));
        assertThat(times(fallBack, BERLIN)).startsWith("00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00");
    }

    @Test
    void aWindowPastMidnightCarriesItsGridAcrossTheFallBack() {
        OpeningHours saturdayBar =
                OpeningHours.weekly(BERLIN, List.of(WeeklyWindow.of(DayOfWeek.SATURDAY, "22:00", "04:00")));
        ServiceRules drinks = service(BERLIN, 60);

        assertThat(timesWithOffset(day(drinks, saturdayBar, BERLIN_FALL_BACK.minusDays(1)), BERLIN))
                .containsExactly("22:00+02:00", "23:00+02:00");
        assertThat(timesWithOffset(day(drinks, saturdayBar, BERLIN_FALL_BACK), BERLIN))
                .containsExactly("00:00+02:00", "01:00+02:00", "02:00+02:00", "03:00+01:00");
    }

    @Test
    void aWindowPastMidnightCarriesItsGridAcrossTheSpringForward() {
        OpeningHours saturdayBar =
                OpeningHours.weekly(BERLIN, List.of(WeeklyWindow.of(DayOfWeek.SATURDAY, "22:00", "04:00")));

        DayAvailability sunday = day(service(BERLIN, 60), saturdayBar, BERLIN_SPRING_FORWARD);

        assertThat(timesWithOffset(sunday, BERLIN)).containsExactly("00:00+01:00", "01:00+01:00", "03:00+02:00");
        assertThat(sunday.slots().get(1).end()).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
    }

    @Test
    void newYorkSpringForwardKeepsRealDurations() {
        DayAvailability day = day(
                service(NEW_YORK, 90).withSlotInterval(60),
                everyDay(NEW_YORK, "00:00", "06:00"),
                NEW_YORK_SPRING_FORWARD);

        assertThat(timesWithOffset(day, NEW_YORK))
                .containsExactly("00:00-05:00", "01:00-05:00", "03:00-04:00", "04:00-04:00");
        assertThat(day.slots().get(1).end().atZone(NEW_YORK).toLocalTime()).hasToString("03:30");
    }

    @Test
    void newYorkFallBackOffersOneOClockOnce() {
        DayAvailability day = day(service(NEW_YORK, 30), everyDay(NEW_YORK, "00:00", "04:00"), NEW_YORK_FALL_BACK);

        assertThat(timesWithOffset(day, NEW_YORK))
                .containsExactly(
                        "00:00-04:00",
                        "00:30-04:00",
                        "01:00-04:00",
                        "01:30-04:00",
                        "02:00-05:00",
                        "02:30-05:00",
                        "03:00-05:00",
                        "03:30-05:00");
    }

    @Test
    void santiagoDayWithoutMidnightStartsAtItsFirstValidInstant() {
        DayAvailability day = day(service(SANTIAGO, 30), everyDay(SANTIAGO, "00:00", "03:00"), SANTIAGO_MIDNIGHT_GAP);

        assertThat(timesWithOffset(day, SANTIAGO))
                .containsExactly("01:00-03:00", "01:30-03:00", "02:00-03:00", "02:30-03:00");
    }

    @Test
    void santiagoRepeatedHourBeforeMidnightIsOfferedOnceAndTheTailBelongsToTheNextDate() {
        OpeningHours saturdayLate =
                OpeningHours.weekly(SANTIAGO, List.of(WeeklyWindow.of(DayOfWeek.SATURDAY, "22:00", "01:00")));
        ServiceRules service = service(SANTIAGO, 30);

        assertThat(timesWithOffset(day(service, saturdayLate, SANTIAGO_MIDNIGHT_OVERLAP.minusDays(1)), SANTIAGO))
                .containsExactly("22:00-03:00", "22:30-03:00", "23:00-03:00", "23:30-03:00");
        assertThat(timesWithOffset(day(service, saturdayLate, SANTIAGO_MIDNIGHT_OVERLAP), SANTIAGO))
                .containsExactly("00:00-04:00", "00:30-04:00");
    }

    @Test
    void lordHoweSkipsTheMissingHalfHour() {
        DayAvailability day =
                day(service(LORD_HOWE, 30), everyDay(LORD_HOWE, "00:00", "04:00"), LORD_HOWE_HALF_HOUR_GAP);

        assertThat(timesWithOffset(day, LORD_HOWE))
                .containsExactly(
                        "00:00+10:30",
                        "00:30+10:30",
                        "01:00+10:30",
                        "01:30+10:30",
                        "02:30+11:00",
                        "03:00+11:00",
                        "03:30+11:00");
    }

    @Test
    void lordHoweOffersTheRepeatedHalfHourOnce() {
        DayAvailability day =
                day(service(LORD_HOWE, 30), everyDay(LORD_HOWE, "00:00", "03:00"), LORD_HOWE_HALF_HOUR_OVERLAP);

        assertThat(timesWithOffset(day, LORD_HOWE))
                .containsExactly(
                        "00:00+11:00", "00:30+11:00", "01:00+11:00", "01:30+11:00", "02:00+10:30", "02:30+10:30");
    }

    @Test
    void aSlotBelongsToTheDateOfItsStartInTheServiceZone() {
        ServiceRules newYorkService = service(NEW_YORK, 60);
        LocalDate date = LocalDate.of(2027, 6, 16);

        DayAvailability day = day(newYorkService, everyDay(UTC, "00:00", "06:00"), date);

        // The organization keeps UTC hours; New York's June 16 runs from 04:00 UTC on the 16th to 04:00 UTC on the
        // 17th.
        assertThat(times(day, NEW_YORK)).containsExactly("00:00", "01:00", "20:00", "21:00", "22:00", "23:00");
    }
}
