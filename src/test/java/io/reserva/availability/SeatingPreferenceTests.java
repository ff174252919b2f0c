package io.reserva.availability;

import static io.reserva.availability.Schedules.UTC;
import static io.reserva.availability.Schedules.WEDNESDAY;
import static io.reserva.availability.Schedules.at;
import static io.reserva.availability.Schedules.booked;
import static io.reserva.availability.Schedules.engine;
import static io.reserva.availability.Schedules.everyDay;
import static io.reserva.availability.Schedules.id;
import static io.reserva.availability.Schedules.instant;
import static io.reserva.availability.Schedules.service;
import static io.reserva.availability.Schedules.table;
import static io.reserva.availability.Schedules.times;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeatingPreferenceTests {

    private static final UUID TERRACE = id("area-terrace");
    private static final UUID DINING = id("area-dining");
    private static final OpeningHours DINNER = everyDay(UTC, "18:00", "21:00");
    private static final ServiceRules DINNER_SERVICE = service(UTC, 60);
    private static final ResourceLink ANY_TABLE = ResourceLink.anyAvailable("table");

    // Best fit alone would always pick the dining room's two-top before the terrace's four-top.
    private static final Resource DINING_TWO = table("D2", 2, UTC).inArea(DINING);
    private static final Resource DINING_FOUR = table("D4", 4, UTC).inArea(DINING);
    private static final Resource TERRACE_FOUR_A = table("T4a", 4, UTC).inArea(TERRACE);
    private static final Resource TERRACE_FOUR_B = table("T4b", 4, UTC).inArea(TERRACE);
    private static final Resource BAR = table("Bar", 3, UTC);

    private static final Combination TERRACE_PAIR = combination("T4a + T4b", 5, 8, TERRACE_FOUR_A, TERRACE_FOUR_B);
    private static final Combination MIXED = combination("D4 + T4a", 5, 8, DINING_FOUR, TERRACE_FOUR_A);

    private static Combination combination(String name, int min, int max, Resource... tables) {
        return new Combination(
                id(name), name, List.of(tables).stream().map(Resource::id).toList(), min, max);
    }

    private static ScheduleSnapshot floor(List<Combination> combinations, List<Occupancy> occupancies) {
        return new ScheduleSnapshot(
                DINNER_SERVICE,
                List.of(ANY_TABLE),
                List.of(DINING_TWO, DINING_FOUR, TERRACE_FOUR_A, TERRACE_FOUR_B, BAR),
                DINNER,
                occupancies,
                combinations);
    }

    private static Allocation book(ScheduleSnapshot schedule, String time, int partySize, UUID area) {
        AllocationResult result =
                engine().allocate(new BookingRequest(schedule, instant(WEDNESDAY, time, UTC), partySize, null, area));
        assertThat(result.allocated()).as("booking at %s: %s", time, result).isTrue();
        return (Allocation) result;
    }

    private static List<UUID> tables(Allocation allocation) {
        return allocation.units().stream().map(AllocatedUnit::resourceId).toList();
    }

    @Test
    void aPreferredAreaWithAFreeFittingTableSeatsThePartyThereBeforeTheBestFitElsewhere() {
        ScheduleSnapshot schedule = floor(List.of(), List.of());

        Allocation withoutPreference = book(schedule, "18:00", 2, null);
        Allocation onTheTerrace = book(schedule, "18:00", 2, TERRACE);

        assertThat(tables(withoutPreference)).containsExactly(DINING_TWO.id());
        assertThat(withoutPreference.seatingPreferenceMet()).isNull();
        assertThat(tables(onTheTerrace)).containsExactly(TERRACE_FOUR_A.id());
        assertThat(onTheTerrace.seatingPreferenceMet()).isTrue();
    }

    @Test
    void whenTheAreaIsFullThePartyIsStillSeatedElsewhereAndTheAllocationSaysThePreferenceWasNotMet() {
        ScheduleSnapshot schedule = floor(
                List.of(),
                List.of(
                        booked(TERRACE_FOUR_A, 0, at(WEDNESDAY, "18:00", UTC), 60, 0, 0),
                        booked(TERRACE_FOUR_B, 0, at(WEDNESDAY, "18:00", UTC), 60, 0, 0)));

        Allocation allocation = book(schedule, "18:00", 2, TERRACE);

        assertThat(tables(allocation)).containsExactly(DINING_TWO.id());
        assertThat(allocation.seatingPreferenceMet()).isFalse();
    }

    @Test
    void aCombinationServesAnAreaOnlyWhenAllItsTablesStandInIt() {
        ScheduleSnapshot mixedOnly = floor(List.of(MIXED), List.of());
        ScheduleSnapshot both = floor(List.of(MIXED, TERRACE_PAIR), List.of());

        Allocation onMixed = book(mixedOnly, "18:00", 8, TERRACE);
        Allocation onTerracePair = book(both, "18:00", 8, TERRACE);

        assertThat(tables(onMixed)).containsExactly(DINING_FOUR.id(), TERRACE_FOUR_A.id());
        assertThat(onMixed.seatingPreferenceMet()).isFalse();
        assertThat(tables(onTerracePair)).containsExactly(TERRACE_FOUR_A.id(), TERRACE_FOUR_B.id());
        assertThat(onTerracePair.seatingPreferenceMet()).isTrue();
        assertThat(engine().slotsForDay(new SlotQuery(mixedOnly, 8, null, TERRACE), WEDNESDAY)
                        .slots())
                .isEmpty();
        assertThat(times(engine().slotsForDay(new SlotQuery(both, 8, null, TERRACE), WEDNESDAY), UTC))
                .containsExactly("18:00", "19:00", "20:00");
    }

    @Test
    void slotsForAnAreaListExactlyTheStartsABookingPreferringItIsSeatedIn() {
        ScheduleSnapshot schedule = floor(
                List.of(),
                List.of(
                        booked(TERRACE_FOUR_A, 0, at(WEDNESDAY, "19:00", UTC), 60, 0, 0),
                        booked(TERRACE_FOUR_B, 0, at(WEDNESDAY, "19:00", UTC), 60, 0, 0),
                        booked(TERRACE_FOUR_A, 0, at(WEDNESDAY, "20:00", UTC), 60, 0, 0)));

        DayAvailability terrace = engine().slotsForDay(new SlotQuery(schedule, 2, null, TERRACE), WEDNESDAY);
        DayAvailability anywhere = engine().slotsForDay(SlotQuery.forParty(schedule, 2), WEDNESDAY);

        assertThat(times(terrace, UTC)).containsExactly("18:00", "20:00");
        assertThat(terrace.slots().get(0).remainingCapacity()).isEqualTo(2);
        assertThat(terrace.slots().get(1).remainingCapacity()).isEqualTo(1);
        assertThat(times(anywhere, UTC)).containsExactly("18:00", "19:00", "20:00");
        for (AvailableSlot slot : anywhere.slots()) {
            Instant start = slot.start();
            Allocation allocation =
                    (Allocation) engine().allocate(new BookingRequest(schedule, start, 2, null, TERRACE));
            assertThat(allocation.seatingPreferenceMet())
                    .as("terrace at %s", start)
                    .isEqualTo(terrace.slots().stream().anyMatch(s -> s.start().equals(start)));
        }
    }

    @Test
    void anAreaWithNoTableOfTheServiceListsNothingAndSaysFullyBookedOnlyWhenItsTablesAreTaken() {
        ScheduleSnapshot schedule = floor(List.of(), List.of());

        DayAvailability nowhere = engine().slotsForDay(new SlotQuery(schedule, 2, null, id("area-cellar")), WEDNESDAY);

        assertThat(nowhere.slots()).isEmpty();
        assertThat(nowhere.reason()).isEqualTo(DayReason.CLOSED);
    }
}
