package io.reserva.availability;

import static io.reserva.availability.Schedules.clockAt;
import static io.reserva.availability.Schedules.instant;
import static io.reserva.availability.Schedules.times;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo restaurant's shape: the organization keeps no weekly hours of its own, its tables do (dinner runs past
 * midnight on Friday and Saturday), and organization-wide exceptions say what the venue does on a holiday.
 */
class OrganizationExceptionTests {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final AvailabilityEngine ENGINE = new AvailabilityEngine(clockAt("2026-12-01T00:00:00Z"));
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);
    private static final LocalDate NEW_YEARS_EVE = LocalDate.of(2026, 12, 31);
    private static final ServiceRules DINNER = Schedules.service(MADRID, 90)
            .withSlotInterval(15)
            .withBuffers(0, 15)
            .withDurationsByPartySize(List.of(new PartySizeDuration(2, 90), new PartySizeDuration(4, 120)));

    private static Resource table(String name, int seats) {
        List<WeeklyWindow> week = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            week.add(WeeklyWindow.of(day, "13:00", "16:00"));
            week.add(WeeklyWindow.of(day, "19:30", "23:30"));
        }
        for (DayOfWeek day : List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)) {
            week.add(WeeklyWindow.of(day, "13:00", "16:00"));
            week.add(WeeklyWindow.of(day, "19:30", "02:00"));
        }
        return Schedules.table(name, seats, MADRID).withHours(week);
    }

    private static ScheduleSnapshot restaurant(HoursException organizationWide) {
        return Schedules.snapshot(
                DINNER,
                OpeningHours.none(MADRID).withExceptions(List.of(organizationWide)),
                List.of(ResourceLink.anyAvailable("table")),
                List.of(table("Table 1", 2), table("Table 2", 4)),
                List.of());
    }

    private static DayAvailability day(ScheduleSnapshot schedule, LocalDate date) {
        return ENGINE.slotsForDay(SlotQuery.forParty(schedule, 2), date);
    }

    @Test
    void aBlockedChristmasDoesNotSellTheTailOfItsFridayShiftOnTheTwentySixth() {
        ScheduleSnapshot closedOnChristmas =
                restaurant(HoursException.blocked(LocalDate.of(2020, 12, 25)).everyYear());

        assertThat(day(closedOnChristmas, CHRISTMAS).reason()).isEqualTo(DayReason.CLOSED);
        assertThat(times(day(closedOnChristmas, CHRISTMAS.plusDays(1)), MADRID))
                .doesNotContain("00:00", "00:15")
                .startsWith("13:00")
                .contains("19:30");
        // 23:00Z on 25 December is 00:00 in Madrid on the 26th: the tail of a window of a blocked date.
        AllocationResult midnight =
                ENGINE.allocate(BookingRequest.of(closedOnChristmas, Instant.parse("2026-12-25T23:00:00Z"), 2));
        assertThat(midnight).isEqualTo(new Refusal(RefusalReason.CLOSED));
    }

    @Test
    void theSaturdayAfterAnOrdinaryFridayStillSellsTheFridayTail() {
        ScheduleSnapshot closedOnAnotherDay = restaurant(HoursException.blocked(CHRISTMAS.minusDays(1)));

        assertThat(times(day(closedOnAnotherDay, CHRISTMAS.plusDays(1)), MADRID))
                .startsWith("00:00", "00:15");
        assertThat(ENGINE.allocate(BookingRequest.of(
                                closedOnAnotherDay, instant(CHRISTMAS.plusDays(1), "00:00", MADRID), 2))
                        .allocated())
                .isTrue();
    }

    @Test
    void organizationWideSpecialHoursExtendEveryTablesHoursThatDate() {
        ScheduleSnapshot lateOnNewYearsEve = restaurant(HoursException.specialHours(NEW_YEARS_EVE, "20:00", "03:00"));

        // Thursday tables close at 23:30; the venue's special hours run to 03:00, and a 90-minute stay plus
        // 15 minutes of clearing must end by then.
        List<String> eve = times(day(lateOnNewYearsEve, NEW_YEARS_EVE), MADRID);
        List<String> newYear = times(day(lateOnNewYearsEve, NEW_YEARS_EVE.plusDays(1)), MADRID);
        assertThat(eve).startsWith("20:00", "20:15").endsWith("23:30", "23:45").doesNotContain("13:00", "19:30");
        assertThat(newYear).startsWith("00:00", "00:15").contains("01:15").doesNotContain("01:30");
        assertThat(ENGINE.allocate(BookingRequest.of(
                                lateOnNewYearsEve, instant(NEW_YEARS_EVE.plusDays(1), "01:15", MADRID), 2))
                        .allocated())
                .isTrue();
    }

    @Test
    void aTablesOwnExceptionStillWinsOverTheOrganizationsSpecialHours() {
        Resource onlyTable = table("Table 1", 2)
                .withExceptions(List.of(HoursException.specialHours(NEW_YEARS_EVE, "20:00", "22:00")));
        ScheduleSnapshot schedule = Schedules.snapshot(
                DINNER,
                OpeningHours.none(MADRID)
                        .withExceptions(List.of(HoursException.specialHours(NEW_YEARS_EVE, "20:00", "03:00"))),
                List.of(ResourceLink.anyAvailable("table")),
                List.of(onlyTable),
                List.of());

        assertThat(times(day(schedule, NEW_YEARS_EVE), MADRID)).containsExactly("20:00", "20:15");
    }
}
