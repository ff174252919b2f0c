package io.reserva.availability;

import static io.reserva.availability.Schedules.SERVICE;
import static io.reserva.availability.Schedules.UTC;
import static io.reserva.availability.Schedules.WEDNESDAY;
import static io.reserva.availability.Schedules.at;
import static io.reserva.availability.Schedules.engine;
import static io.reserva.availability.Schedules.everyDay;
import static io.reserva.availability.Schedules.id;
import static io.reserva.availability.Schedules.instant;
import static io.reserva.availability.Schedules.occupancy;
import static io.reserva.availability.Schedules.service;
import static io.reserva.availability.Schedules.table;
import static io.reserva.availability.Schedules.times;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PacingTests {

    private static final OpeningHours EVENING = everyDay(UTC, "18:00", "21:00");
    private static final ServiceRules DINNER = service(UTC, 60).withSlotInterval(15);

    private static Occupancy party(String time, int size) {
        return occupancy(SERVICE, null, 0, at(WEDNESDAY, time, UTC), 60, 0, 0, size, id("party at " + time));
    }

    private static ScheduleSnapshot paced(Pacing pacing, Occupancy... parties) {
        return new ScheduleSnapshot(DINNER, List.of(), List.of(), EVENING, List.of(parties), List.of(), pacing);
    }

    private static List<String> starts(ScheduleSnapshot schedule, int partySize) {
        return times(engine().slotsForDay(SlotQuery.forParty(schedule, partySize), WEDNESDAY), UTC);
    }

    @Test
    void coversPerIntervalLeaveOutTheStartsOfAFullInterval() {
        ScheduleSnapshot schedule = paced(new Pacing(15, 10, null, null), party("19:00", 6));

        assertThat(starts(schedule, 4)).contains("18:45", "19:00", "19:15");
        assertThat(starts(schedule, 5)).contains("18:45", "19:15").doesNotContain("19:00");
        DayAvailability couples = engine().slotsForDay(SlotQuery.forParty(schedule, 2), WEDNESDAY);
        assertThat(couples.slots().stream()
                        .filter(slot -> slot.start().equals(instant(WEDNESDAY, "19:00", UTC)))
                        .findFirst()
                        .orElseThrow()
                        .remainingCapacity())
                .isEqualTo(2);
        assertThat(engine().allocate(BookingRequest.of(schedule, instant(WEDNESDAY, "19:00", UTC), 5)))
                .isEqualTo(new Refusal(RefusalReason.PACING_LIMIT));
    }

    @Test
    void partiesPerIntervalCountEveryStartInsideTheInterval() {
        ScheduleSnapshot schedule = paced(new Pacing(30, null, 1, null), party("19:00", 2));

        assertThat(starts(schedule, 2)).contains("18:45", "19:30").doesNotContain("19:00", "19:15");
    }

    @Test
    void seatedCoversCountEveryoneStillAtTheirTableDuringTheStay() {
        ScheduleSnapshot schedule = paced(new Pacing(null, null, null, 10), party("19:00", 6));

        assertThat(starts(schedule, 4)).contains("18:00", "18:30", "19:00", "19:30", "20:00");
        assertThat(starts(schedule, 5))
                .contains("18:00", "20:00")
                .doesNotContain("18:15", "18:30", "19:00", "19:30", "19:45");
    }

    @Test
    void withoutReservationsAPacedDayIsOpenAndAFullOneIsFullyBooked() {
        Pacing oneParty = new Pacing(180, null, 1, null);
        ScheduleSnapshot full = paced(oneParty, party("18:00", 2));

        assertThat(engine().slotsForDay(SlotQuery.forParty(full, 2), WEDNESDAY).reason())
                .isEqualTo(DayReason.FULLY_BOOKED);
        assertThat(starts(paced(oneParty), 2)).isNotEmpty();
    }

    private static final UUID TERRACE = id("terrace");
    private static final UUID DINING = id("dining room");
    private static final Resource TERRACE_TABLE = table("T1", 4, UTC).inArea(TERRACE);
    private static final Resource DINING_TABLE = table("D1", 4, UTC).inArea(DINING);

    /** Two tables of four, one per area; the terrace takes 4 covers per quarter hour. */
    private static ScheduleSnapshot terracePaced(Pacing terrace, Occupancy... parties) {
        return new ScheduleSnapshot(
                DINNER,
                List.of(ResourceLink.anyAvailable("table")),
                List.of(TERRACE_TABLE, DINING_TABLE),
                EVENING,
                List.of(parties),
                List.of(),
                null,
                List.of(new AreaPacing(TERRACE, terrace)));
    }

    private static Occupancy seated(Resource table, String time, int size) {
        return occupancy(SERVICE, table.id(), 0, at(WEDNESDAY, time, UTC), 60, 0, 0, size, id(table.name() + time));
    }

    @Test
    void aFullAreaSendsThePartyToAnotherAreaAndRefusesOnlyWhenNoneIsLeft() {
        ScheduleSnapshot schedule = terracePaced(new Pacing(15, 4, null, null), seated(TERRACE_TABLE, "19:00", 3));

        // The terrace table is free again at 20:00 (60 minutes), but its interval of 20:00 is empty: both tables.
        assertThat(starts(schedule, 2)).contains("19:00", "20:00");
        // At 19:00 the terrace's interval already holds 3 of its 4 covers, so a couple goes to the dining room.
        Allocation at19 =
                (Allocation) engine().allocate(BookingRequest.of(schedule, instant(WEDNESDAY, "19:00", UTC), 2));
        assertThat(at19.units()).extracting(AllocatedUnit::resourceId).containsExactly(DINING_TABLE.id());
        // Slots for the terrace leave out 19:00: the guest who asks for it would not be seated there.
        assertThat(times(engine().slotsForDay(new SlotQuery(schedule, 2, null, TERRACE), WEDNESDAY), UTC))
                .doesNotContain("19:00", "19:15", "19:30", "19:45")
                .contains("18:00", "20:00");
    }

    @Test
    void aStartWhoseOnlyTablesStandInAFullAreaIsRefusedForPacing() {
        ScheduleSnapshot schedule = new ScheduleSnapshot(
                DINNER,
                List.of(ResourceLink.anyAvailable("table")),
                List.of(TERRACE_TABLE, table("T2", 4, UTC).inArea(TERRACE)),
                EVENING,
                List.of(seated(TERRACE_TABLE, "19:00", 2)),
                List.of(),
                null,
                List.of(new AreaPacing(TERRACE, new Pacing(30, null, 1, null))));

        assertThat(engine().allocate(BookingRequest.of(schedule, instant(WEDNESDAY, "19:15", UTC), 2)))
                .isEqualTo(new Refusal(RefusalReason.PACING_LIMIT));
        assertThat(starts(schedule, 2)).contains("18:45", "19:30").doesNotContain("19:00", "19:15");
    }

    @Test
    void seatedCoversOfAnAreaCountOnlyThePartiesSeatedInIt() {
        ScheduleSnapshot schedule = terracePaced(
                new Pacing(null, null, null, 4), seated(TERRACE_TABLE, "18:00", 4), seated(DINING_TABLE, "19:00", 4));

        // Terrace holds 4 seated until 19:00 and the dining room is taken 19:00-20:00: nothing fits at 18:30.
        assertThat(engine().allocate(BookingRequest.of(schedule, instant(WEDNESDAY, "18:30", UTC), 2)))
                .isInstanceOf(Refusal.class);
        // From 19:00 the terrace's guests have left; the dining room's party does not count against the terrace.
        Allocation at19 =
                (Allocation) engine().allocate(BookingRequest.of(schedule, instant(WEDNESDAY, "19:00", UTC), 2));
        assertThat(at19.units()).extracting(AllocatedUnit::resourceId).containsExactly(TERRACE_TABLE.id());
    }
}
