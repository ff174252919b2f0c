package io.reserva.availability;

import static io.reserva.availability.Schedules.NEW_YORK;
import static io.reserva.availability.Schedules.UTC;
import static io.reserva.availability.Schedules.WEDNESDAY;
import static io.reserva.availability.Schedules.clockAt;
import static io.reserva.availability.Schedules.everyDay;
import static io.reserva.availability.Schedules.instant;
import static io.reserva.availability.Schedules.service;
import static io.reserva.availability.Schedules.snapshot;
import static io.reserva.availability.Schedules.times;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookingWindowTests {

    private static SlotQuery query(ServiceRules service, OpeningHours hours) {
        return SlotQuery.forParty(snapshot(service, hours, List.of(), List.of(), List.of()), 1);
    }

    @Test
    void startsSoonerThanMinAdvanceHoursAreNotOffered() {
        AvailabilityEngine engine = new AvailabilityEngine(clockAt("2027-06-16T08:10:00Z"));
        SlotQuery query = query(service(UTC, 60).withAdvance(2, null), everyDay(UTC, "09:00", "17:00"));

        assertThat(times(engine.slotsForDay(query, WEDNESDAY), UTC))
                .containsExactly("11:00", "12:00", "13:00", "14:00", "15:00", "16:00");
    }

    @Test
    void aStartExactlyMinAdvanceHoursAwayIsOffered() {
        AvailabilityEngine engine = new AvailabilityEngine(clockAt("2027-06-16T09:00:00Z"));
        SlotQuery query = query(service(UTC, 60).withAdvance(2, null), everyDay(UTC, "09:00", "17:00"));

        assertThat(times(engine.slotsForDay(query, WEDNESDAY), UTC)).startsWith("11:00");
        assertThat(engine.allocate(BookingRequest.of(query.schedule(), instant(WEDNESDAY, "10:00", UTC), 1)))
                .isEqualTo(new Refusal(RefusalReason.OUTSIDE_BOOKING_WINDOW));
    }

    @Test
    void maxAdvanceDaysIncludesTheWholeLastDayAndNothingAfter() {
        AvailabilityEngine engine = new AvailabilityEngine(clockAt("2027-06-16T20:00:00Z"));
        SlotQuery query = query(service(UTC, 60).withAdvance(0, 3), everyDay(UTC, "09:00", "00:00"));

        List<DayAvailability> days = engine.slotsForRange(query, WEDNESDAY, WEDNESDAY.plusDays(4));

        assertThat(times(days.get(0), UTC)).containsExactly("20:00", "21:00", "22:00", "23:00");
        assertThat(times(days.get(3), UTC)).endsWith("23:00");
        assertThat(days.get(4).reason()).isEqualTo(DayReason.OUTSIDE_BOOKING_WINDOW);
    }

    @Test
    void maxAdvanceDaysZeroMeansTodayOnly() {
        AvailabilityEngine engine = new AvailabilityEngine(clockAt("2027-06-16T06:00:00Z"));
        SlotQuery query = query(service(UTC, 60).withAdvance(0, 0), everyDay(UTC, "09:00", "17:00"));

        assertThat(engine.slotsForDay(query, WEDNESDAY).bookable()).isTrue();
        assertThat(engine.slotsForDay(query, WEDNESDAY.plusDays(1)).reason())
                .isEqualTo(DayReason.OUTSIDE_BOOKING_WINDOW);
    }

    @Test
    void todayIsTheServiceZonesToday() {
        // 02:00 UTC on the 17th is still the evening of the 16th in New York.
        AvailabilityEngine engine = new AvailabilityEngine(clockAt("2027-06-17T02:00:00Z"));
        SlotQuery query = query(service(NEW_YORK, 60).withAdvance(0, 1), everyDay(NEW_YORK, "09:00", "17:00"));

        assertThat(engine.slotsForDay(query, LocalDate.of(2027, 6, 17)).bookable())
                .isTrue();
        assertThat(engine.slotsForDay(query, LocalDate.of(2027, 6, 18)).reason())
                .isEqualTo(DayReason.OUTSIDE_BOOKING_WINDOW);
    }

    @Test
    void pastDaysAreOutsideTheBookingWindowEvenWhenClosed() {
        AvailabilityEngine engine = new AvailabilityEngine(clockAt("2027-06-16T12:00:00Z"));
        // Open on Wednesdays only: Tuesday has passed, Thursday is closed (no hours at all would be open all day).
        SlotQuery query = query(
                service(UTC, 60),
                OpeningHours.weekly(UTC, List.of(WeeklyWindow.of(java.time.DayOfWeek.WEDNESDAY, "09:00", "17:00"))));

        assertThat(engine.slotsForDay(query, WEDNESDAY.minusDays(1)).reason())
                .isEqualTo(DayReason.OUTSIDE_BOOKING_WINDOW);
        assertThat(engine.slotsForDay(query, WEDNESDAY.plusDays(1)).reason()).isEqualTo(DayReason.CLOSED);
    }
}
