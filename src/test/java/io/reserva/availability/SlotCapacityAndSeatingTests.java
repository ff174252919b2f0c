package io.reserva.availability;

import static io.reserva.availability.Schedules.SERVICE;
import static io.reserva.availability.Schedules.UTC;
import static io.reserva.availability.Schedules.WEDNESDAY;
import static io.reserva.availability.Schedules.at;
import static io.reserva.availability.Schedules.booked;
import static io.reserva.availability.Schedules.engine;
import static io.reserva.availability.Schedules.everyDay;
import static io.reserva.availability.Schedules.id;
import static io.reserva.availability.Schedules.instant;
import static io.reserva.availability.Schedules.occupancy;
import static io.reserva.availability.Schedules.resource;
import static io.reserva.availability.Schedules.service;
import static io.reserva.availability.Schedules.snapshot;
import static io.reserva.availability.Schedules.table;
import static io.reserva.availability.Schedules.times;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotCapacityAndSeatingTests {

    private static final OpeningHours MORNING = everyDay(UTC, "09:00", "13:00");

    private static Occupancy ourReservation(String name, Resource resource, String time, int partySize) {
        return occupancy(
                SERVICE,
                resource == null ? null : resource.id(),
                0,
                at(WEDNESDAY, time, UTC),
                60,
                0,
                0,
                partySize,
                id(name));
    }

    @Test
    void slotCapacityCountsPartiesOfThisServiceStartingAtTheSameInstant() {
        ServiceRules tasting = service(UTC, 60).withSlotCapacity(2);
        List<Occupancy> bookings = List.of(
                ourReservation("r1", null, "10:00", 2),
                ourReservation("r2", null, "10:00", 4),
                ourReservation("r3", null, "11:00", 2),
                occupancy(id("another service"), null, 0, at(WEDNESDAY, "12:00", UTC), 60, 0, 0, 2, id("r4")));
        ScheduleSnapshot schedule = snapshot(tasting, MORNING, List.of(), List.of(), bookings);

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY);

        assertThat(times(day, UTC)).containsExactly("09:00", "11:00", "12:00");
        assertThat(day.slots()).extracting(AvailableSlot::remainingCapacity).containsExactly(2, 1, 2);
        assertThat(engine().allocate(BookingRequest.of(schedule, instant(WEDNESDAY, "10:00", UTC), 1)))
                .isEqualTo(new Refusal(RefusalReason.SLOT_FULL));
    }

    @Test
    void aReservationHoldingSeveralTablesIsOneParty() {
        Resource a = table("A", 4, UTC);
        Resource b = table("B", 4, UTC);
        Resource c = table("C", 4, UTC);
        ServiceRules service = service(UTC, 60).withSlotCapacity(2);
        List<Occupancy> bigParty =
                List.of(ourReservation("banquet", a, "10:00", 8), ourReservation("banquet", b, "10:00", 8));
        ScheduleSnapshot schedule =
                snapshot(service, MORNING, List.of(ResourceLink.anyAvailable("table")), List.of(a, b, c), bigParty);

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 2), WEDNESDAY);

        assertThat(day.slots().get(1).start()).isEqualTo(instant(WEDNESDAY, "10:00", UTC));
        assertThat(day.slots().get(1).remainingCapacity()).isEqualTo(1);
        assertThat(day.slots().get(1).resourceIds()).containsExactly(c.id());
        assertThat(day.slots().get(0).remainingCapacity()).isEqualTo(2);
    }

    @Test
    void sharedSeatingJoinsTheGroupAlreadyStartingWhileSeatsRemain() {
        Resource guide = resource("Guide", "person", UTC);
        ServiceRules tour = service(UTC, 60).withSharedSeating(10);
        Occupancy groupAtTen = ourReservation("group", guide, "10:00", 7);
        Occupancy guideBusyAtTwelve = booked(guide, 0, at(WEDNESDAY, "12:00", UTC), 60, 0, 0);
        ScheduleSnapshot schedule = snapshot(
                tour,
                MORNING,
                List.of(ResourceLink.required(guide.id())),
                List.of(guide),
                List.of(groupAtTen, guideBusyAtTwelve));

        DayAvailability three = engine().slotsForDay(SlotQuery.forParty(schedule, 3), WEDNESDAY);
        DayAvailability four = engine().slotsForDay(SlotQuery.forParty(schedule, 4), WEDNESDAY);

        assertThat(times(three, UTC)).containsExactly("09:00", "10:00", "11:00");
        assertThat(three.slots()).extracting(AvailableSlot::remainingCapacity).containsExactly(10, 3, 10);
        assertThat(three.slots().get(1).resourceIds()).containsExactly(guide.id());
        assertThat(times(four, UTC)).containsExactly("09:00", "11:00");

        Allocation joined =
                (Allocation) engine().allocate(BookingRequest.of(schedule, instant(WEDNESDAY, "10:00", UTC), 3));
        assertThat(joined.units()).isEmpty();
        assertThat(joined.joinedReservationId()).isEqualTo(id("group"));
    }

    @Test
    void theFirstPartyOfASharedStartNeedsFreeResourcesLikeSeparateSeating() {
        Resource guide = resource("Guide", "person", UTC);
        ServiceRules tour = service(UTC, 60).withSharedSeating(null);
        Occupancy guideBusy = booked(guide, 0, at(WEDNESDAY, "09:00", UTC), 120, 0, 0);
        ScheduleSnapshot schedule =
                snapshot(tour, MORNING, List.of(ResourceLink.required(guide.id())), List.of(guide), List.of(guideBusy));

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 30), WEDNESDAY);

        assertThat(times(day, UTC)).containsExactly("11:00", "12:00");
        assertThat(day.slots().get(0).remainingCapacity()).isNull();
        assertThat(engine().slotsForDay(SlotQuery.forParty(schedule.withOccupancies(List.of()), 30), WEDNESDAY)
                        .slots())
                .hasSize(4);
    }

    @Test
    void aPartyLargerThanTheSharedSeatsIsTooLarge() {
        ScheduleSnapshot schedule =
                snapshot(service(UTC, 60).withSharedSeating(10), MORNING, List.of(), List.of(), List.of());

        assertThat(engine().slotsForDay(SlotQuery.forParty(schedule, 11), WEDNESDAY)
                        .reason())
                .isEqualTo(DayReason.PARTY_TOO_LARGE);
    }

    @Test
    void anOptionalResourceIsAllocatedWhenFreeAndNeverBlocks() {
        Resource room = resource("Room", "room", UTC);
        Resource projector = resource("Projector", "equipment", UTC);
        Occupancy projectorBusy = booked(projector, 0, at(WEDNESDAY, "10:00", UTC), 60, 0, 0);
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                MORNING,
                List.of(ResourceLink.required(room.id()), ResourceLink.optional(projector.id())),
                List.of(room, projector),
                List.of(projectorBusy));

        DayAvailability day = engine().slotsForDay(SlotQuery.forParty(schedule, 1), WEDNESDAY);

        assertThat(times(day, UTC)).containsExactly("09:00", "10:00", "11:00", "12:00");
        assertThat(day.slots().get(0).resourceIds()).containsExactly(room.id(), projector.id());
        assertThat(day.slots().get(1).resourceIds()).containsExactly(room.id());
        Allocation atNine =
                (Allocation) engine().allocate(BookingRequest.of(schedule, instant(WEDNESDAY, "09:00", UTC), 1));
        assertThat(atNine.units())
                .containsExactly(
                        new AllocatedUnit(room.id(), 0, AssignmentMode.REQUIRED),
                        new AllocatedUnit(projector.id(), 0, AssignmentMode.OPTIONAL));
    }

    @Test
    void aServiceWithoutLimitingResourcesHasUnlimitedRemainingCapacity() {
        ScheduleSnapshot schedule = snapshot(service(UTC, 60), MORNING, List.of(), List.of(), List.of());

        assertThat(engine().slotsForDay(SlotQuery.forParty(schedule, 2), WEDNESDAY)
                        .slots())
                .extracting(AvailableSlot::remainingCapacity)
                .containsOnlyNulls();
    }
}
