package io.reserva.availability;

import static io.reserva.availability.Schedules.UTC;
import static io.reserva.availability.Schedules.WEDNESDAY;
import static io.reserva.availability.Schedules.engine;
import static io.reserva.availability.Schedules.everyDay;
import static io.reserva.availability.Schedules.resource;
import static io.reserva.availability.Schedules.service;
import static io.reserva.availability.Schedules.snapshot;
import static io.reserva.availability.Schedules.times;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoursExceptionTests {

    private static final LocalDate FRIDAY = LocalDate.of(2027, 6, 18);
    private static final OpeningHours NINE_TO_FIVE = everyDay(UTC, "09:00", "17:00");

    private static DayAvailability day(OpeningHours hours, LocalDate date) {
        return engine().slotsForDay(
                        SlotQuery.forParty(snapshot(service(UTC, 60), hours, List.of(), List.of(), List.of()), 1),
                        date);
    }

    @Test
    void aBlockedDateRemovesTheWholeWindowThatStartsOnItIncludingItsTailPastMidnight() {
        OpeningHours bar = OpeningHours.weekly(
                        UTC,
                        List.of(
                                WeeklyWindow.of(DayOfWeek.FRIDAY, "18:00", "02:00"),
                                WeeklyWindow.of(DayOfWeek.SATURDAY, "18:00", "02:00")))
                .withExceptions(List.of(HoursException.blocked(FRIDAY)));

        assertThat(day(bar, FRIDAY).reason()).isEqualTo(DayReason.CLOSED);
        assertThat(times(day(bar, FRIDAY.plusDays(1)), UTC))
                .doesNotContain("00:00", "01:00")
                .startsWith("18:00");
    }

    @Test
    void aBlockedDateLeavesThePreviousNightsTailAlone() {
        OpeningHours bar = OpeningHours.weekly(
                        UTC,
                        List.of(
                                WeeklyWindow.of(DayOfWeek.FRIDAY, "18:00", "02:00"),
                                WeeklyWindow.of(DayOfWeek.SATURDAY, "18:00", "02:00")))
                .withExceptions(List.of(HoursException.blocked(FRIDAY.plusDays(1))));

        assertThat(times(day(bar, FRIDAY.plusDays(1)), UTC)).containsExactly("00:00", "01:00");
    }

    @Test
    void specialHoursReplaceTheDaysWindowsAndSeveralRowsAddUp() {
        OpeningHours hours = NINE_TO_FIVE.withExceptions(List.of(
                HoursException.specialHours(WEDNESDAY, "12:00", "14:00"),
                HoursException.specialHours(WEDNESDAY, "19:00", "21:00")));

        assertThat(times(day(hours, WEDNESDAY), UTC)).containsExactly("12:00", "13:00", "19:00", "20:00");
        assertThat(day(hours, WEDNESDAY.plusDays(1)).slots()).hasSize(8);
    }

    @Test
    void blockedWinsOverSpecialHoursOnTheSameDate() {
        OpeningHours hours = NINE_TO_FIVE.withExceptions(
                List.of(HoursException.specialHours(WEDNESDAY, "12:00", "14:00"), HoursException.blocked(WEDNESDAY)));

        assertThat(day(hours, WEDNESDAY).reason()).isEqualTo(DayReason.CLOSED);
    }

    @Test
    void yearlyExceptionsRecurOnTheSameMonthAndDay() {
        OpeningHours hours = NINE_TO_FIVE.withExceptions(List.of(
                HoursException.blocked(LocalDate.of(2020, 12, 25)).everyYear(),
                HoursException.specialHours(LocalDate.of(2019, 12, 31), "09:00", "11:00")
                        .everyYear(),
                HoursException.blocked(LocalDate.of(2020, 12, 26))));

        assertThat(day(hours, LocalDate.of(2027, 12, 25)).reason()).isEqualTo(DayReason.CLOSED);
        assertThat(day(hours, LocalDate.of(2027, 12, 26)).bookable()).isTrue();
        assertThat(times(day(hours, LocalDate.of(2027, 12, 31)), UTC)).containsExactly("09:00", "10:00");
    }

    @Test
    void aYearlyFebruary29OnlyRecursInLeapYears() {
        OpeningHours hours = NINE_TO_FIVE.withExceptions(
                List.of(HoursException.blocked(LocalDate.of(2024, 2, 29)).everyYear()));

        assertThat(day(hours, LocalDate.of(2028, 2, 29)).reason()).isEqualTo(DayReason.CLOSED);
        assertThat(day(hours, LocalDate.of(2027, 2, 28)).bookable()).isTrue();
        assertThat(day(hours, LocalDate.of(2027, 3, 1)).bookable()).isTrue();
    }

    @Test
    void aResourceExceptionClosesOnlyThatResource() {
        Resource alice = resource("Alice", "person", UTC).withExceptions(List.of(HoursException.blocked(WEDNESDAY)));
        Resource bob = resource("Bob", "person", UTC)
                .withHours(everyDay(UTC, "13:00", "17:00").weekly())
                .withExceptions(List.of(HoursException.specialHours(WEDNESDAY, "09:00", "11:00")));
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                NINE_TO_FIVE,
                List.of(ResourceLink.anyAvailable("person")),
                List.of(alice, bob),
                List.of());

        DayAvailability wednesday = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY);
        DayAvailability thursday = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY.plusDays(1));

        assertThat(times(wednesday, UTC)).containsExactly("09:00", "10:00");
        assertThat(wednesday.slots().get(0).resourceIds()).containsExactly(bob.id());
        assertThat(thursday.slots()).hasSize(8);
        assertThat(thursday.slots().get(0).resourceIds()).containsExactly(alice.id());
    }

    @Test
    void anOrganizationWideBlockedDateClosesEverythingEvenWhenOnlyResourcesKeepHours() {
        Resource alice = resource("Alice", "person", UTC).withHours(NINE_TO_FIVE.weekly());
        OpeningHours noBusinessHoursButClosed =
                OpeningHours.none(UTC).withExceptions(List.of(HoursException.blocked(WEDNESDAY)));
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                noBusinessHoursButClosed,
                List.of(ResourceLink.required(alice.id())),
                List.of(alice),
                List.of());

        assertThat(engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY)
                        .reason())
                .isEqualTo(DayReason.CLOSED);
        assertThat(engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY.plusDays(1))
                        .slots())
                .hasSize(8);
    }

    @Test
    void aResourceWithItsOwnHoursNarrowsTheOrganizationsHours() {
        Resource morningsOnly = resource("Mornings", "person", UTC)
                .withHours(everyDay(UTC, "08:00", "12:00").weekly());
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                NINE_TO_FIVE,
                List.of(ResourceLink.required(morningsOnly.id())),
                List.of(morningsOnly),
                List.of());

        assertThat(times(engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY), UTC))
                .containsExactly("09:00", "10:00", "11:00");
    }
}
