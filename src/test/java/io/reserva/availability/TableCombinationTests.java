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

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TableCombinationTests {

    private static final OpeningHours DINNER = everyDay(UTC, "18:00", "22:00");
    private static final ServiceRules DINNER_SERVICE = service(UTC, 60);
    private static final ResourceLink ANY_TABLE = ResourceLink.anyAvailable("table");

    private static final Resource FOUR_A = table("T4a", 4, UTC);
    private static final Resource FOUR_B = table("T4b", 4, UTC);
    private static final Resource SIX = table("T6", 6, UTC);
    private static final Combination FOURS = combination("T4a + T4b", 5, 8, FOUR_A, FOUR_B);
    private static final Combination FOUR_AND_SIX = combination("T4b + T6", 7, 10, FOUR_B, SIX);

    private static Combination combination(String name, int min, int max, Resource... tables) {
        return new Combination(
                id(name), name, List.of(tables).stream().map(Resource::id).toList(), min, max);
    }

    private static ScheduleSnapshot floor(List<Combination> combinations, List<Occupancy> occupancies) {
        return new ScheduleSnapshot(
                DINNER_SERVICE, List.of(ANY_TABLE), List.of(FOUR_A, FOUR_B, SIX), DINNER, occupancies, combinations);
    }

    private static List<UUID> tablesAt(ScheduleSnapshot schedule, String time, int partySize, UUID preferred) {
        AllocationResult result =
                engine().allocate(new BookingRequest(schedule, instant(WEDNESDAY, time, UTC), partySize, preferred));
        if (!result.allocated()) {
            return List.of();
        }
        return ((Allocation) result)
                .units().stream().map(AllocatedUnit::resourceId).toList();
    }

    @Test
    void aPartyNoSingleTableSeatsIsPlacedOnACombinationWhichTakesEachOfItsTables() {
        ScheduleSnapshot withoutCombinations = floor(List.of(), List.of());
        ScheduleSnapshot withCombinations = floor(List.of(FOURS), List.of());

        DayAvailability eightWithout = engine().slotsForDay(SlotQuery.forParty(withoutCombinations, 8), WEDNESDAY);
        DayAvailability eightWith = engine().slotsForDay(SlotQuery.forParty(withCombinations, 8), WEDNESDAY);

        assertThat(eightWithout.reason()).isEqualTo(DayReason.PARTY_TOO_LARGE);
        assertThat(times(eightWith, UTC)).containsExactly("18:00", "19:00", "20:00", "21:00");
        assertThat(eightWith.slots().get(0).resourceIds()).containsExactly(FOUR_A.id(), FOUR_B.id());
        assertThat(eightWith.slots().get(0).remainingCapacity()).isEqualTo(1);
        assertThat(tablesAt(withCombinations, "18:00", 8, null)).containsExactly(FOUR_A.id(), FOUR_B.id());
    }

    @Test
    void aSingleTableThatSeatsThePartyWinsOverAnyCombination() {
        ScheduleSnapshot schedule = floor(List.of(FOURS), List.of());

        assertThat(tablesAt(schedule, "18:00", 6, null)).containsExactly(SIX.id());
        assertThat(tablesAt(schedule, "18:00", 4, null)).containsExactly(FOUR_A.id());
    }

    @Test
    void theCombinationWastingFewestSeatsIsChosen() {
        ScheduleSnapshot schedule = floor(List.of(FOUR_AND_SIX, FOURS), List.of());

        assertThat(tablesAt(schedule, "18:00", 7, null)).containsExactly(FOUR_A.id(), FOUR_B.id());
        assertThat(tablesAt(schedule, "18:00", 9, null)).containsExactly(FOUR_B.id(), SIX.id());
    }

    @Test
    void aBookedTableBlocksEveryCombinationHoldingItAndABookedCombinationBlocksItsTables() {
        Occupancy fourBTaken = booked(FOUR_B, 0, at(WEDNESDAY, "18:00", UTC), 60, 0, 0);
        ScheduleSnapshot tableTaken = floor(List.of(FOURS, FOUR_AND_SIX), List.of(fourBTaken));

        assertThat(tablesAt(tableTaken, "18:00", 8, null)).isEmpty();
        assertThat(tablesAt(tableTaken, "19:00", 8, null)).containsExactly(FOUR_A.id(), FOUR_B.id());
        assertThat(engine().allocate(BookingRequest.of(tableTaken, instant(WEDNESDAY, "18:00", UTC), 8)))
                .isEqualTo(new Refusal(RefusalReason.RESOURCES_UNAVAILABLE));

        Allocation eight = (Allocation) engine().allocate(
                        BookingRequest.of(floor(List.of(FOURS), List.of()), instant(WEDNESDAY, "18:00", UTC), 8));
        List<Occupancy> combinationTaken = eight.units().stream()
                .map(unit -> new Occupancy(
                        id("party of eight"),
                        DINNER_SERVICE.id(),
                        unit.resourceId(),
                        unit.unitIndex(),
                        eight.start(),
                        eight.end(),
                        eight.occupiedFrom(),
                        eight.occupiedUntil(),
                        8))
                .toList();
        ScheduleSnapshot afterEight = floor(List.of(FOURS), combinationTaken);
        assertThat(tablesAt(afterEight, "18:00", 4, null)).containsExactly(SIX.id());
        assertThat(tablesAt(afterEight, "18:00", 3, FOUR_A.id())).containsExactly(SIX.id());
    }

    @Test
    void aPreferredTableThatCannotSeatThePartyAloneBringsTheCombinationHoldingIt() {
        ScheduleSnapshot schedule = floor(List.of(FOURS, FOUR_AND_SIX), List.of());

        assertThat(tablesAt(schedule, "18:00", 8, SIX.id())).containsExactly(FOUR_B.id(), SIX.id());
        List<String> restricted = times(engine().slotsForDay(new SlotQuery(schedule, 8, SIX.id()), WEDNESDAY), UTC);
        assertThat(restricted).containsExactly("18:00", "19:00", "20:00", "21:00");
    }

    @Test
    void aCombinationWithAnInactiveTableOrOutsideItsPartySizesIsNotUsed() {
        ScheduleSnapshot inactive = new ScheduleSnapshot(
                DINNER_SERVICE,
                List.of(ANY_TABLE),
                List.of(FOUR_A, FOUR_B.inactive(), SIX),
                DINNER,
                List.of(),
                List.of(FOURS));

        assertThat(engine().slotsForDay(SlotQuery.forParty(inactive, 8), WEDNESDAY)
                        .reason())
                .isEqualTo(DayReason.PARTY_TOO_LARGE);
        assertThat(engine().slotsForDay(SlotQuery.forParty(floor(List.of(FOURS), List.of()), 9), WEDNESDAY)
                        .reason())
                .isEqualTo(DayReason.PARTY_TOO_LARGE);
    }
}
