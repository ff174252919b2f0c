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
import static io.reserva.availability.Schedules.times;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
