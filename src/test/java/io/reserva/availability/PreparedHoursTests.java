package io.reserva.availability;

import static io.reserva.availability.Schedules.UTC;
import static io.reserva.availability.Schedules.WEDNESDAY;
import static io.reserva.availability.Schedules.at;
import static io.reserva.availability.Schedules.booked;
import static io.reserva.availability.Schedules.engine;
import static io.reserva.availability.Schedules.everyDay;
import static io.reserva.availability.Schedules.resource;
import static io.reserva.availability.Schedules.service;
import static io.reserva.availability.Schedules.snapshot;
import static io.reserva.availability.Schedules.times;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine keeps resolved hours between requests; what it answers must not change for that. */
class PreparedHoursTests {

    private final AvailabilityEngine engine = engine();
    private final Resource court = resource("court", "room", UTC);
    private final ScheduleSnapshot schedule = snapshot(
            service(UTC, 60),
            everyDay(UTC, "09:00", "12:00"),
            List.of(ResourceLink.required(court.id())),
            List.of(court),
            List.of());

    private List<String> day(ScheduleSnapshot snapshot) {
        return times(engine.slotsForDay(SlotQuery.forParty(snapshot, 1), WEDNESDAY), UTC);
    }

    @Test
    void theSameScheduleWithOtherOccupanciesIsAnsweredFromItsOwnOccupancies() {
        assertThat(day(schedule)).containsExactly("09:00", "10:00", "11:00");

        ScheduleSnapshot booked =
                schedule.withOccupancies(List.of(booked(court, 0, at(WEDNESDAY, "10:00", UTC), 60, 0, 0)));

        assertThat(day(booked)).containsExactly("09:00", "11:00");
        assertThat(day(schedule)).containsExactly("09:00", "10:00", "11:00");
    }

    @Test
    void aScheduleWithChangedHoursIsNeverAnsweredWithTheOldOnes() {
        assertThat(day(schedule)).containsExactly("09:00", "10:00", "11:00");

        Resource shorter = new Resource(
                court.id(),
                court.name(),
                court.type(),
                court.capacity(),
                court.minPartySize(),
                court.units(),
                true,
                everyDay(UTC, "09:00", "10:00"),
                null,
                null);
        ScheduleSnapshot changed =
                snapshot(schedule.service(), schedule.businessHours(), schedule.links(), List.of(shorter), List.of());

        assertThat(day(changed)).containsExactly("09:00");
    }

    @Test
    void theSameHoursAreResolvedOncePerScheduleAndDates() {
        var memo = new PreparedHours.Memo();

        var first = memo.covering(schedule, WEDNESDAY, WEDNESDAY);

        assertThat(memo.covering(schedule.withOccupancies(List.of()), WEDNESDAY, WEDNESDAY))
                .isSameAs(first);
        assertThat(memo.covering(schedule, WEDNESDAY, WEDNESDAY.plusDays(1))).isNotSameAs(first);
    }
}
