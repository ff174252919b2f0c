package io.reserva.availability;

import static io.reserva.availability.Schedules.UTC;
import static io.reserva.availability.Schedules.WEDNESDAY;
import static io.reserva.availability.Schedules.at;
import static io.reserva.availability.Schedules.booked;
import static io.reserva.availability.Schedules.engine;
import static io.reserva.availability.Schedules.everyDay;
import static io.reserva.availability.Schedules.instant;
import static io.reserva.availability.Schedules.service;
import static io.reserva.availability.Schedules.snapshot;
import static io.reserva.availability.Schedules.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTests {

    private static final Resource TWO = table("T2", 2, UTC);
    private static final Resource FOUR = table("T4", 4, UTC);
    private static final ScheduleSnapshot DINNER = snapshot(
            service(UTC, 90).withSlotInterval(30).withBuffers(0, 15),
            everyDay(UTC, "18:00", "22:00"),
            List.of(ResourceLink.anyAvailable("table")),
            List.of(TWO, FOUR),
            List.of(
                    booked(TWO, 0, at(WEDNESDAY, "19:45", UTC), 90, 0, 15),
                    booked(FOUR, 0, at(WEDNESDAY, "19:30", UTC), 90, 0, 15)));

    private static AllocationResult allocate(String time, int partySize) {
        return engine().allocate(BookingRequest.of(DINNER, instant(WEDNESDAY, time, UTC), partySize));
    }

    @Test
    void aBookableStartGetsTheBestFittingTableAndTheComputedEnd() {
        // The two-top is next taken at 19:45, exactly when this stay and its clean-up end.
        Allocation allocation = (Allocation) allocate("18:00", 2);

        assertThat(allocation.units()).containsExactly(new AllocatedUnit(TWO.id(), 0, AssignmentMode.ANY_AVAILABLE));
        assertThat(allocation.end()).isEqualTo(instant(WEDNESDAY, "19:30", UTC));
        assertThat(allocation.occupiedUntil()).isEqualTo(instant(WEDNESDAY, "19:45", UTC));
        assertThat(allocation.joinedReservationId()).isNull();
    }

    @Test
    void aStartBetweenGridTimesIsRefused() {
        assertThat(allocate("18:15", 2)).isEqualTo(new Refusal(RefusalReason.NOT_ON_GRID));
    }

    @Test
    void aStartOutsideTheOpeningHoursIsRefusedAsClosedNotAsOffTheGrid() {
        assertThat(allocate("17:00", 2)).isEqualTo(new Refusal(RefusalReason.CLOSED));
        assertThat(allocate("23:00", 2)).isEqualTo(new Refusal(RefusalReason.CLOSED));
        assertThat(allocate("17:59", 2)).isEqualTo(new Refusal(RefusalReason.CLOSED));
        assertThat(allocate("21:59", 2)).isEqualTo(new Refusal(RefusalReason.NOT_ON_GRID));
    }

    @Test
    void aStartBetweenLunchAndDinnerOrOnABlockedDateIsRefusedAsClosed() {
        ScheduleSnapshot lunchAndDinner = snapshot(
                service(UTC, 60).withSlotInterval(30),
                OpeningHours.weekly(
                                UTC,
                                everyDay(UTC, "12:00", "15:00").weekly().stream()
                                        .map(lunch -> List.of(
                                                lunch,
                                                new WeeklyWindow(
                                                        lunch.dayOfWeek(), LocalTime.of(19, 0), LocalTime.of(23, 0))))
                                        .flatMap(List::stream)
                                        .toList())
                        .withExceptions(List.of(HoursException.blocked(WEDNESDAY.plusDays(1)))),
                List.of(),
                List.of(),
                List.of());

        assertThat(engine().allocate(BookingRequest.of(lunchAndDinner, instant(WEDNESDAY, "17:00", UTC), 2)))
                .isEqualTo(new Refusal(RefusalReason.CLOSED));
        assertThat(engine().allocate(BookingRequest.of(lunchAndDinner, instant(WEDNESDAY, "12:10", UTC), 2)))
                .isEqualTo(new Refusal(RefusalReason.NOT_ON_GRID));
        assertThat(engine().allocate(
                                BookingRequest.of(lunchAndDinner, instant(WEDNESDAY.plusDays(1), "12:00", UTC), 2)))
                .isEqualTo(new Refusal(RefusalReason.CLOSED));
        assertThat(engine().allocate(BookingRequest.of(lunchAndDinner, instant(WEDNESDAY, "12:00", UTC), 2))
                        .allocated())
                .isTrue();
    }

    @Test
    void aStartWhoseStayOverrunsClosingIsRefused() {
        assertThat(allocate("21:00", 2)).isEqualTo(new Refusal(RefusalReason.OUTSIDE_OPEN_HOURS));
    }

    @Test
    void aStartWithEveryFittingTableBusyIsRefused() {
        assertThat(allocate("19:00", 3)).isEqualTo(new Refusal(RefusalReason.RESOURCES_UNAVAILABLE));
        assertThat(allocate("19:00", 2)).isEqualTo(new Refusal(RefusalReason.RESOURCES_UNAVAILABLE));
    }

    @Test
    void everyListedStartAllocatesAndEveryOtherGridTimeIsRefused() {
        for (int partySize = 1; partySize <= 5; partySize++) {
            DayAvailability day = engine().slotsForDay(SlotQuery.forParty(DINNER, partySize), WEDNESDAY);
            List<Instant> listed =
                    day.slots().stream().map(AvailableSlot::start).toList();
            for (Instant start = instant(WEDNESDAY, "17:00", UTC);
                    start.isBefore(instant(WEDNESDAY, "23:00", UTC));
                    start = start.plusSeconds(15 * 60)) {
                AllocationResult result = engine().allocate(BookingRequest.of(DINNER, start, partySize));
                assertThat(result.allocated())
                        .as("party %d at %s", partySize, start)
                        .isEqualTo(listed.contains(start));
            }
        }
    }
}
