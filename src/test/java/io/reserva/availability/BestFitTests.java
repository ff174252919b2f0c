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
import static io.reserva.availability.Schedules.table;
import static io.reserva.availability.Schedules.times;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BestFitTests {

    private static final OpeningHours DINNER = everyDay(UTC, "18:00", "22:00");
    private static final ServiceRules DINNER_SERVICE = service(UTC, 60);
    private static final ResourceLink ANY_TABLE = ResourceLink.anyAvailable("table");

    private static final Resource SIX = table("T6", 6, UTC);
    private static final Resource TWO = table("T2", 2, UTC);
    private static final Resource FOUR = table("T4", 4, UTC);

    private static ScheduleSnapshot tables(List<Resource> tables, List<Occupancy> occupancies) {
        return snapshot(DINNER_SERVICE, DINNER, List.of(ANY_TABLE), tables, occupancies);
    }

    private static UUID chosenAt(ScheduleSnapshot schedule, String time, int partySize, UUID preferred) {
        AllocationResult result =
                engine().allocate(new BookingRequest(schedule, instant(WEDNESDAY, time, UTC), partySize, preferred));
        return ((Allocation) result).units().get(0).resourceId();
    }

    @Test
    void theSmallestTableThatSeatsThePartyIsChosenAndTheOthersFollowInBestFitOrder() {
        ScheduleSnapshot schedule = tables(List.of(SIX, TWO, FOUR), List.of());

        DayAvailability couple = engine().slotsForDay(SlotQuery.forParty(schedule, 2), WEDNESDAY);
        DayAvailability trio = engine().slotsForDay(SlotQuery.forParty(schedule, 3), WEDNESDAY);

        assertThat(couple.slots().get(0).resourceIds()).containsExactly(TWO.id(), FOUR.id(), SIX.id());
        assertThat(trio.slots().get(0).resourceIds()).containsExactly(FOUR.id(), SIX.id());
        assertThat(chosenAt(schedule, "18:00", 2, null)).isEqualTo(TWO.id());
        assertThat(couple.slots().get(0).remainingCapacity()).isEqualTo(3);
    }

    @Test
    void aResourceWithoutCapacitySortsAfterEveryResourceWithOne() {
        Resource bar = resource("Bar", "table", UTC);
        ScheduleSnapshot schedule = tables(List.of(bar, SIX), List.of());

        assertThat(chosenAt(schedule, "18:00", 2, null)).isEqualTo(SIX.id());
    }

    @Test
    void amongEqualTablesTheLeastLoadedThatDayWins() {
        Resource a = table("A", 4, UTC);
        Resource b = table("B", 4, UTC);
        Occupancy lunchOnA = booked(a, 0, at(WEDNESDAY, "12:00", UTC), 90, 0, 0);
        ScheduleSnapshot schedule = tables(List.of(a, b), List.of(lunchOnA));

        assertThat(chosenAt(schedule, "18:00", 4, null)).isEqualTo(b.id());
        assertThat(chosenAt(tables(List.of(a, b), List.of()), "18:00", 4, null)).isEqualTo(a.id());
    }

    @Test
    void aPreferredResourceIsHonouredWhenItIsAFreeCandidateAndIgnoredOtherwise() {
        Occupancy sixBusyAtSix = booked(SIX, 0, at(WEDNESDAY, "18:00", UTC), 60, 0, 0);
        ScheduleSnapshot schedule = tables(List.of(SIX, TWO, FOUR), List.of(sixBusyAtSix));

        assertThat(chosenAt(schedule, "19:00", 2, SIX.id())).isEqualTo(SIX.id());
        assertThat(chosenAt(schedule, "18:00", 2, SIX.id())).isEqualTo(TWO.id());
        assertThat(chosenAt(schedule, "19:00", 3, TWO.id())).isEqualTo(FOUR.id());
    }

    @Test
    void restrictingToOneResourceListsOnlyStartsWhereItIsTheOneAllocated() {
        Occupancy sixBusyAtSix = booked(SIX, 0, at(WEDNESDAY, "18:00", UTC), 60, 0, 0);
        ScheduleSnapshot schedule = tables(List.of(SIX, TWO, FOUR), List.of(sixBusyAtSix));

        DayAvailability onlySix = engine().slotsForDay(new SlotQuery(schedule, 2, SIX.id()), WEDNESDAY);

        assertThat(times(onlySix, UTC)).containsExactly("19:00", "20:00", "21:00");
        assertThat(onlySix.slots().get(0).resourceIds()).startsWith(SIX.id());
    }

    @Test
    void restrictingToAResourceTooSmallForThePartySaysSo() {
        ScheduleSnapshot schedule = tables(List.of(SIX, TWO, FOUR), List.of());

        assertThat(engine().slotsForDay(new SlotQuery(schedule, 3, TWO.id()), WEDNESDAY)
                        .reason())
                .isEqualTo(DayReason.PARTY_TOO_LARGE);
    }

    @Test
    void inactiveResourcesAreNeverAllocated() {
        ScheduleSnapshot schedule = tables(List.of(SIX, TWO.inactive(), FOUR), List.of());

        assertThat(chosenAt(schedule, "18:00", 2, TWO.id())).isEqualTo(FOUR.id());
    }
}
