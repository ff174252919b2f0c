package io.reserva.availability;

import static io.reserva.availability.Schedules.UTC;
import static io.reserva.availability.Schedules.WEDNESDAY;
import static io.reserva.availability.Schedules.at;
import static io.reserva.availability.Schedules.booked;
import static io.reserva.availability.Schedules.clockAt;
import static io.reserva.availability.Schedules.engine;
import static io.reserva.availability.Schedules.everyDay;
import static io.reserva.availability.Schedules.instant;
import static io.reserva.availability.Schedules.resource;
import static io.reserva.availability.Schedules.service;
import static io.reserva.availability.Schedules.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class DayReasonTests {

    private static final OpeningHours NINE_TO_FIVE = everyDay(UTC, "09:00", "17:00");
    private static final Resource ROOM = resource("Room", "room", UTC);

    private static ScheduleSnapshot oneRoom(ServiceRules service, OpeningHours hours, List<Occupancy> occupancies) {
        return snapshot(service, hours, List.of(ResourceLink.required(ROOM.id())), List.of(ROOM), occupancies);
    }

    private static DayReason reason(ScheduleSnapshot schedule, int partySize) {
        return engine().slotsForDay(SlotQuery.forParty(schedule, partySize), WEDNESDAY)
                .reason();
    }

    @Test
    void aBookableDayHasNoReason() {
        DayAvailability day = engine().slotsForDay(
                        SlotQuery.forParty(oneRoom(service(UTC, 60), NINE_TO_FIVE, List.of()), 1), WEDNESDAY);

        assertThat(day.bookable()).isTrue();
        assertThat(day.reason()).isNull();
    }

    @Test
    void fullyBookedWhenReservationsTakeEveryStart() {
        Occupancy allDay = booked(ROOM, 0, at(WEDNESDAY, "09:00", UTC), 8 * 60, 0, 0);

        assertThat(reason(oneRoom(service(UTC, 60), NINE_TO_FIVE, List.of(allDay)), 1))
                .isEqualTo(DayReason.FULLY_BOOKED);
    }

    @Test
    void closedWhenBlocked() {
        OpeningHours blocked = NINE_TO_FIVE.withExceptions(List.of(HoursException.blocked(WEDNESDAY)));

        assertThat(reason(oneRoom(service(UTC, 60), blocked, List.of()), 1)).isEqualTo(DayReason.CLOSED);
    }

    @Test
    void closedWhenNoStartFitsTheOpenHoursEvenWithoutReservations() {
        ServiceRules longerThanTheDay = service(UTC, 9 * 60).withSlotInterval(60);

        assertThat(reason(oneRoom(longerThanTheDay, NINE_TO_FIVE, List.of()), 1))
                .isEqualTo(DayReason.CLOSED);
    }

    @Test
    void closedWhenARequiredResourceIsInactive() {
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                NINE_TO_FIVE,
                List.of(ResourceLink.required(ROOM.id())),
                List.of(ROOM.inactive()),
                List.of());

        assertThat(reason(schedule, 1)).isEqualTo(DayReason.CLOSED);
    }

    @Test
    void anInactiveServiceIsClosedAndRefusesBookings() {
        ScheduleSnapshot schedule = oneRoom(service(UTC, 60).inactive(), NINE_TO_FIVE, List.of());

        assertThat(reason(schedule, 1)).isEqualTo(DayReason.CLOSED);
        assertThat(engine().allocate(BookingRequest.of(schedule, instant(WEDNESDAY, "09:00", UTC), 1)))
                .isEqualTo(new Refusal(RefusalReason.SERVICE_INACTIVE));
    }

    @Test
    void theBookingWindowComesFirstThenPartySizeThenClosed() {
        OpeningHours blocked = NINE_TO_FIVE.withExceptions(List.of(HoursException.blocked(WEDNESDAY)));
        ScheduleSnapshot blockedAndSmall =
                oneRoom(service(UTC, 60).withPartySizes(1, 4).withAdvance(0, 1), blocked, List.of());
        AvailabilityEngine farAhead = new AvailabilityEngine(clockAt("2027-06-01T00:00:00Z"));
        AvailabilityEngine dayBefore = new AvailabilityEngine(clockAt("2027-06-15T12:00:00Z"));

        assertThat(farAhead.slotsForDay(SlotQuery.forParty(blockedAndSmall, 9), WEDNESDAY)
                        .reason())
                .isEqualTo(DayReason.OUTSIDE_BOOKING_WINDOW);
        assertThat(dayBefore
                        .slotsForDay(SlotQuery.forParty(blockedAndSmall, 9), WEDNESDAY)
                        .reason())
                .isEqualTo(DayReason.PARTY_TOO_LARGE);
        assertThat(dayBefore
                        .slotsForDay(SlotQuery.forParty(blockedAndSmall, 3), WEDNESDAY)
                        .reason())
                .isEqualTo(DayReason.CLOSED);
    }

    @Test
    void tooLargeIsReportedBeforeTooSmall() {
        Resource oddRoom = resource("Odd", "room", UTC).withCapacity(2, 3);
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                NINE_TO_FIVE,
                List.of(ResourceLink.required(oddRoom.id())),
                List.of(oddRoom),
                List.of());

        assertThat(reason(schedule, 3)).isEqualTo(DayReason.PARTY_TOO_LARGE);
        assertThat(reason(schedule, 2)).isEqualTo(DayReason.PARTY_TOO_SMALL);
    }

    @Test
    void reasonsHaveTheirWireCodes() {
        assertThat(DayReason.values())
                .extracting(DayReason::code)
                .containsExactly(
                        "outside_booking_window", "party_too_large", "party_too_small", "closed", "fully_booked");
    }

    @Test
    void theRangeFormAnswersEachDateOnItsOwn() {
        OpeningHours hours = NINE_TO_FIVE.withExceptions(List.of(HoursException.blocked(WEDNESDAY.plusDays(1))));
        Occupancy fridayAllDay = booked(ROOM, 0, at(WEDNESDAY.plusDays(2), "09:00", UTC), 8 * 60, 0, 0);
        SlotQuery query = SlotQuery.forParty(oneRoom(service(UTC, 60), hours, List.of(fridayAllDay)), 1);

        List<DayAvailability> days = engine().slotsForRange(query, WEDNESDAY, WEDNESDAY.plusDays(3));

        assertThat(days)
                .extracting(DayAvailability::date)
                .containsExactly(WEDNESDAY, WEDNESDAY.plusDays(1), WEDNESDAY.plusDays(2), WEDNESDAY.plusDays(3));
        assertThat(days)
                .extracting(DayAvailability::reason)
                .containsExactly(null, DayReason.CLOSED, DayReason.FULLY_BOOKED, null);
        for (DayAvailability day : days) {
            assertThat(day).isEqualTo(engine().slotsForDay(query, day.date()));
        }
    }

    @Test
    void theRangeFormAnswersAtMost62Days() {
        SlotQuery query = SlotQuery.forParty(oneRoom(service(UTC, 60), NINE_TO_FIVE, List.of()), 1);

        assertThat(engine().slotsForRange(query, WEDNESDAY, WEDNESDAY.plusDays(61)))
                .hasSize(62);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> engine().slotsForRange(query, WEDNESDAY, WEDNESDAY.plusDays(62)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> engine().slotsForRange(query, WEDNESDAY, WEDNESDAY.minusDays(1)));
    }
}
