package io.reserva.availability;

import static io.reserva.availability.Schedules.UTC;
import static io.reserva.availability.Schedules.WEDNESDAY;
import static io.reserva.availability.Schedules.at;
import static io.reserva.availability.Schedules.booked;
import static io.reserva.availability.Schedules.engine;
import static io.reserva.availability.Schedules.everyDay;
import static io.reserva.availability.Schedules.instant;
import static io.reserva.availability.Schedules.resource;
import static io.reserva.availability.Schedules.service;
import static io.reserva.availability.Schedules.snapshot;
import static io.reserva.availability.Schedules.times;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuffersAndUnitsTests {

    private static final OpeningHours NINE_TO_FIVE = everyDay(UTC, "09:00", "17:00");

    @Test
    void bothBuffersMustFitInsideOpenHours() {
        ServiceRules massage = service(UTC, 60).withSlotInterval(30).withBuffers(15, 15);
        ScheduleSnapshot schedule = snapshot(massage, everyDay(UTC, "09:00", "12:00"), List.of(), List.of(), List.of());

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY);

        // 09:00 would need the room from 08:45; 11:00 would keep it until 12:15.
        assertThat(times(day, UTC)).containsExactly("09:30", "10:00", "10:30");
    }

    @Test
    void existingReservationsOccupyTheirOwnBuffersAndTouchingIsFine() {
        Resource room = resource("Room", "room", UTC);
        ServiceRules service = service(UTC, 60).withSlotInterval(30).withBuffers(0, 30);
        Occupancy noonMeeting = booked(room, 0, at(WEDNESDAY, "12:00", UTC), 60, 30, 30);
        ScheduleSnapshot schedule = snapshot(
                service, NINE_TO_FIVE, List.of(ResourceLink.required(room.id())), List.of(room), List.of(noonMeeting));

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY);

        // The meeting holds the room 11:30-13:30; a 10:00 start with its 30-minute clean-up ends exactly 11:30.
        assertThat(times(day, UTC))
                .containsExactly("09:00", "09:30", "10:00", "13:30", "14:00", "14:30", "15:00", "15:30");
    }

    @Test
    void aUnitIsFreeOnlyWhenNoReservationOnThatSameUnitOverlapsEvenIfFewerThanAllUnitsAreBusyAtEachMoment() {
        Resource kayaks = resource("Kayaks", "equipment", UTC).withUnits(2);
        Occupancy unitZeroAtTen = booked(kayaks, 0, at(WEDNESDAY, "10:00", UTC), 60, 0, 0);
        Occupancy unitOneAtEleven = booked(kayaks, 1, at(WEDNESDAY, "11:00", UTC), 60, 0, 0);
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 120).withSlotInterval(60),
                everyDay(UTC, "09:00", "15:00"),
                List.of(ResourceLink.required(kayaks.id())),
                List.of(kayaks),
                List.of(unitZeroAtTen, unitOneAtEleven));

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY);

        // 10:00-12:00 never has both units busy at once, yet neither unit is free for the whole two hours.
        assertThat(times(day, UTC)).containsExactly("09:00", "11:00", "12:00", "13:00");
        assertThat(unitsAt(schedule, "09:00"))
                .containsExactly(new AllocatedUnit(kayaks.id(), 1, AssignmentMode.REQUIRED));
        assertThat(unitsAt(schedule, "11:00"))
                .containsExactly(new AllocatedUnit(kayaks.id(), 0, AssignmentMode.REQUIRED));
    }

    @Test
    void remainingCapacityCountsFreeUnits() {
        Resource projectors = resource("Projectors", "equipment", UTC).withUnits(5);
        List<Occupancy> twoBusy = List.of(
                booked(projectors, 0, at(WEDNESDAY, "09:00", UTC), 60, 0, 0),
                booked(projectors, 3, at(WEDNESDAY, "09:00", UTC), 60, 0, 0));
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                NINE_TO_FIVE,
                List.of(ResourceLink.required(projectors.id())),
                List.of(projectors),
                twoBusy);

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY);

        assertThat(day.slots().get(0).remainingCapacity()).isEqualTo(3);
        assertThat(day.slots().get(1).remainingCapacity()).isEqualTo(5);
        assertThat(unitsAt(schedule, "09:00"))
                .extracting(AllocatedUnit::unitIndex)
                .containsExactly(1);
    }

    @Test
    void aRequiredQuantityNeedsThatManyFreeUnitsOfTheResource() {
        Resource chairs = resource("Chairs", "equipment", UTC).withUnits(3);
        Occupancy oneBusy = booked(chairs, 2, at(WEDNESDAY, "09:00", UTC), 60, 0, 0);
        Occupancy twoBusy = booked(chairs, 0, at(WEDNESDAY, "10:00", UTC), 60, 0, 0);
        Occupancy twoBusyToo = booked(chairs, 1, at(WEDNESDAY, "10:00", UTC), 60, 0, 0);
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                everyDay(UTC, "09:00", "12:00"),
                List.of(ResourceLink.required(chairs.id()).times(2)),
                List.of(chairs),
                List.of(oneBusy, twoBusy, twoBusyToo));

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY);

        assertThat(times(day, UTC)).containsExactly("09:00", "11:00");
        assertThat(unitsAt(schedule, "09:00"))
                .extracting(AllocatedUnit::unitIndex)
                .containsExactly(0, 1);
        assertThat(day.slots().get(0).remainingCapacity()).isEqualTo(1);
        assertThat(day.slots().get(1).remainingCapacity()).isEqualTo(1);
    }

    @Test
    void theAllocationCarriesTheOccupiedIntervalWithThisServicesBuffers() {
        Resource room = resource("Room", "room", UTC);
        ServiceRules service = service(UTC, 60).withSlotInterval(10).withBuffers(10, 20);
        ScheduleSnapshot schedule =
                snapshot(service, NINE_TO_FIVE, List.of(ResourceLink.required(room.id())), List.of(room), List.of());

        Allocation allocation =
                (Allocation) engine().allocate(BookingRequest.of(schedule, instant(WEDNESDAY, "10:10", UTC), 1));

        assertThat(allocation.start()).isEqualTo(instant(WEDNESDAY, "10:10", UTC));
        assertThat(allocation.end()).isEqualTo(instant(WEDNESDAY, "11:10", UTC));
        assertThat(allocation.occupiedFrom()).isEqualTo(instant(WEDNESDAY, "10:00", UTC));
        assertThat(allocation.occupiedUntil()).isEqualTo(instant(WEDNESDAY, "11:30", UTC));
    }

    private static List<AllocatedUnit> unitsAt(ScheduleSnapshot schedule, String time) {
        AllocationResult result = engine().allocate(BookingRequest.of(schedule, instant(WEDNESDAY, time, UTC), 1));
        assertThat(result.allocated()).as("allocated at %s", time).isTrue();
        return ((Allocation) result).units();
    }
}
