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

class SlotGridTests {

    private static DayAvailability day(ServiceRules service, OpeningHours hours, LocalDate date) {
        return engine().slotsForDay(
                        SlotQuery.forParty(snapshot(service, hours, List.of(), List.of(), List.of()), 1), date);
    }

    @Test
    void startsStepByTheDurationFromTheOpeningWhenNoIntervalIsSet() {
        DayAvailability day = day(service(UTC, 60), everyDay(UTC, "09:00", "12:00"), WEDNESDAY);

        assertThat(times(day, UTC)).containsExactly("09:00", "10:00", "11:00");
    }

    @Test
    void startsStepBySlotIntervalFromTheWindowStartNotFromTheHour() {
        DayAvailability day = day(service(UTC, 60).withSlotInterval(30), everyDay(UTC, "09:10", "12:00"), WEDNESDAY);

        assertThat(times(day, UTC)).containsExactly("09:10", "09:40", "10:10", "10:40");
    }

    @Test
    void eachWindowOfTheDayStartsItsOwnGrid() {
        OpeningHours splitShift = OpeningHours.weekly(
                UTC,
                List.of(
                        WeeklyWindow.of(DayOfWeek.WEDNESDAY, "09:00", "12:00"),
                        WeeklyWindow.of(DayOfWeek.WEDNESDAY, "14:00", "17:00")));

        DayAvailability day = day(service(UTC, 45), splitShift, WEDNESDAY);

        assertThat(times(day, UTC))
                .containsExactly("09:00", "09:45", "10:30", "11:15", "14:00", "14:45", "15:30", "16:15");
    }

    @Test
    void aWindowEndingAtOrBeforeItsStartRunsPastMidnightAndItsTailBelongsToTheNextDate() {
        OpeningHours bar = OpeningHours.weekly(
                UTC,
                List.of(
                        WeeklyWindow.of(DayOfWeek.FRIDAY, "18:00", "02:00"),
                        WeeklyWindow.of(DayOfWeek.SATURDAY, "18:00", "02:00")));
        ServiceRules drinks = service(UTC, 60);
        LocalDate friday = LocalDate.of(2027, 6, 18);

        assertThat(times(day(drinks, bar, friday), UTC))
                .containsExactly("18:00", "19:00", "20:00", "21:00", "22:00", "23:00");
        assertThat(times(day(drinks, bar, friday.plusDays(1)), UTC))
                .containsExactly("00:00", "01:00", "18:00", "19:00", "20:00", "21:00", "22:00", "23:00");
        assertThat(times(day(drinks, bar, friday.plusDays(2)), UTC)).containsExactly("00:00", "01:00");
    }

    @Test
    void withoutBusinessHoursTheGridComesFromTheHoursOfEachResourceThatCouldBeAllocated() {
        Resource early = resource("Room A", "room", UTC)
                .withHours(everyDay(UTC, "09:00", "11:00").weekly());
        Resource late = resource("Room B", "room", UTC)
                .withHours(everyDay(UTC, "10:30", "12:00").weekly());
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                OpeningHours.none(UTC),
                List.of(ResourceLink.anyAvailable("room")),
                List.of(early, late),
                List.of());

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY);

        // Room B's own grid is 10:30, 11:30; 11:30 would overrun its 12:00 close, and 11:00 is on nobody's grid.
        assertThat(times(day, UTC)).containsExactly("09:00", "10:00", "10:30");
        assertThat(day.slots().get(0).resourceIds()).containsExactly(early.id());
        assertThat(day.slots().get(2).resourceIds()).containsExactly(late.id());
    }

    @Test
    void withNoHoursAnywhereTheWholeDayIsOpenFromMidnight() {
        Resource roomWithoutHours = resource("Room", "room", UTC);
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60).withSlotInterval(240),
                OpeningHours.none(UTC),
                List.of(ResourceLink.required(roomWithoutHours.id())),
                List.of(roomWithoutHours),
                List.of());

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY);

        // Rule 5: an owner without weekly hours is open the whole date, and nobody here has any.
        assertThat(times(day, UTC)).containsExactly("00:00", "04:00", "08:00", "12:00", "16:00", "20:00");
        assertThat(day.slots().get(0).resourceIds()).containsExactly(roomWithoutHours.id());
    }

    @Test
    void withNoHoursAnywhereAnOrganizationWideBlockedDateIsStillClosed() {
        Resource roomWithoutHours = resource("Room", "room", UTC);
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                OpeningHours.none(UTC).withExceptions(List.of(HoursException.blocked(WEDNESDAY))),
                List.of(ResourceLink.required(roomWithoutHours.id())),
                List.of(roomWithoutHours),
                List.of());

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY);

        assertThat(day.reason()).isEqualTo(DayReason.CLOSED);
    }

    @Test
    void withNoHoursAnywhereAResourcesOwnBlockedDateClosesIt() {
        Resource roomWithoutHours =
                resource("Room", "room", UTC).withExceptions(List.of(HoursException.blocked(WEDNESDAY)));
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                OpeningHours.none(UTC),
                List.of(ResourceLink.required(roomWithoutHours.id())),
                List.of(roomWithoutHours),
                List.of());

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY);

        assertThat(day.slots()).isEmpty();
        assertThat(day.reason()).isEqualTo(DayReason.CLOSED);
    }

    @Test
    void anOrganizationWithoutWeeklyHoursKeepsItsSpecialHoursOnThatDate() {
        OpeningHours specialOnly = OpeningHours.none(UTC)
                .withExceptions(List.of(HoursException.specialHours(WEDNESDAY, "10:00", "12:00")));
        Resource room = resource("Room", "room", UTC)
                .withHours(everyDay(UTC, "08:00", "18:00").weekly());
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60), specialOnly, List.of(ResourceLink.required(room.id())), List.of(room), List.of());
        SlotQuery query = SlotQuery.forParty(schedule, 1);

        assertThat(times(engine().slotsForDay(query, WEDNESDAY), UTC)).containsExactly("10:00", "11:00");
        assertThat(times(engine().slotsForDay(query, WEDNESDAY.plusDays(1)), UTC))
                .hasSize(10)
                .startsWith("08:00");
    }

    @Test
    void slotsEndAfterTheDurationAndDoNotOverrunTheWindow() {
        DayAvailability day = day(service(UTC, 90).withSlotInterval(60), everyDay(UTC, "09:00", "12:00"), WEDNESDAY);

        assertThat(times(day, UTC)).containsExactly("09:00", "10:00");
        assertThat(day.slots().get(1).end()).isEqualTo(Schedules.instant(WEDNESDAY, "11:30", UTC));
    }
}
