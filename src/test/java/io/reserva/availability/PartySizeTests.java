package io.reserva.availability;

import static io.reserva.availability.Schedules.UTC;
import static io.reserva.availability.Schedules.WEDNESDAY;
import static io.reserva.availability.Schedules.engine;
import static io.reserva.availability.Schedules.everyDay;
import static io.reserva.availability.Schedules.instant;
import static io.reserva.availability.Schedules.resource;
import static io.reserva.availability.Schedules.service;
import static io.reserva.availability.Schedules.snapshot;
import static io.reserva.availability.Schedules.table;
import static io.reserva.availability.Schedules.times;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartySizeTests {

    private static final OpeningHours DINNER = everyDay(UTC, "17:00", "22:00");

    private static final ServiceRules DINNER_SERVICE = service(UTC, 120)
            .withSlotInterval(30)
            .withDurationsByPartySize(List.of(new PartySizeDuration(6, 150), new PartySizeDuration(2, 90)));

    private static DayAvailability day(ScheduleSnapshot schedule, int partySize) {
        return engine().slotsForDay(SlotQuery.forParty(schedule, partySize), WEDNESDAY);
    }

    @Test
    void turnTimeIsTheFirstEntryThatTakesTheParty() {
        assertThat(DINNER_SERVICE.durationFor(1)).isEqualTo(Duration.ofMinutes(90));
        assertThat(DINNER_SERVICE.durationFor(2)).isEqualTo(Duration.ofMinutes(90));
        assertThat(DINNER_SERVICE.durationFor(3)).isEqualTo(Duration.ofMinutes(150));
        assertThat(DINNER_SERVICE.durationFor(6)).isEqualTo(Duration.ofMinutes(150));
        assertThat(DINNER_SERVICE.durationFor(7)).isEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void largerPartiesStayLongerSoTheirLastSeatingIsEarlier() {
        ScheduleSnapshot schedule = snapshot(DINNER_SERVICE, DINNER, List.of(), List.of(), List.of());

        DayAvailability couple = day(schedule, 2);
        DayAvailability family = day(schedule, 5);

        assertThat(times(couple, UTC)).last().isEqualTo("20:30");
        assertThat(times(family, UTC)).last().isEqualTo("19:30");
        assertThat(couple.slots().get(0).end()).isEqualTo(instant(WEDNESDAY, "18:30", UTC));
        assertThat(family.slots().get(0).end()).isEqualTo(instant(WEDNESDAY, "19:30", UTC));
    }

    @Test
    void tablesServeOnlyPartiesBetweenTheirMinimumAndCapacity() {
        Resource twoTop = table("T2", 2, UTC);
        Resource fourTop = table("T4", 4, UTC).withCapacity(4, 3);
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                DINNER,
                List.of(ResourceLink.anyAvailable("table")),
                List.of(twoTop, fourTop),
                List.of());

        assertThat(day(schedule, 1).slots().get(0).resourceIds()).containsExactly(twoTop.id());
        assertThat(day(schedule, 3).slots().get(0).resourceIds()).containsExactly(fourTop.id());
        assertThat(day(schedule, 5).reason()).isEqualTo(DayReason.PARTY_TOO_LARGE);
    }

    @Test
    void aRequiredResourceMustFitThePartyToo() {
        Resource privateRoom = resource("Private room", "room", UTC).withCapacity(12, 6);
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                DINNER,
                List.of(ResourceLink.required(privateRoom.id())),
                List.of(privateRoom),
                List.of());

        assertThat(day(schedule, 8).bookable()).isTrue();
        assertThat(day(schedule, 13).reason()).isEqualTo(DayReason.PARTY_TOO_LARGE);
        assertThat(day(schedule, 4).reason()).isEqualTo(DayReason.PARTY_TOO_SMALL);
        assertThat(engine().allocate(BookingRequest.of(schedule, instant(WEDNESDAY, "17:00", UTC), 4)))
                .isEqualTo(new Refusal(RefusalReason.PARTY_TOO_SMALL));
    }

    @Test
    void theServicesOwnPartyLimitsApply() {
        ScheduleSnapshot schedule =
                snapshot(service(UTC, 60).withPartySizes(2, 6), DINNER, List.of(), List.of(), List.of());

        assertThat(day(schedule, 1).reason()).isEqualTo(DayReason.PARTY_TOO_SMALL);
        assertThat(day(schedule, 2).bookable()).isTrue();
        assertThat(day(schedule, 6).bookable()).isTrue();
        assertThat(day(schedule, 7).reason()).isEqualTo(DayReason.PARTY_TOO_LARGE);
    }

    @Test
    void anAnyAvailableGroupIsTooSmallForThePartyWhenFewerResourcesSeatItThanTheQuantity() {
        Resource a = table("A", 4, UTC);
        Resource b = table("B", 8, UTC);
        ScheduleSnapshot schedule = snapshot(
                service(UTC, 60),
                DINNER,
                List.of(ResourceLink.anyAvailable("table").times(2)),
                List.of(a, b),
                List.of());

        assertThat(day(schedule, 4).slots().get(0).resourceIds()).containsExactly(a.id(), b.id());
        assertThat(day(schedule, 5).reason()).isEqualTo(DayReason.PARTY_TOO_LARGE);
    }
}
