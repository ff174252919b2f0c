package io.reserva.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

class EngineAgreementTests {

    @Provide
    Arbitrary<RandomSchedules.Situation> situations() {
        return Arbitraries.longs().map(seed -> RandomSchedules.generate(new Random(seed)));
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.OFF)
    void theEngineListsExactlyTheStartsTheBruteForceOracleAccepts(
            @ForAll("situations") RandomSchedules.Situation situation) {
        AvailabilityEngine engine = new AvailabilityEngine(situation.clock());

        DayAvailability day =
                engine.slotsForDay(SlotQuery.forParty(situation.schedule(), situation.partySize()), situation.date());
        Set<Instant> expected = new NaiveOracle(situation.schedule())
                .bookableStarts(situation.date(), situation.partySize(), situation.clock());

        Statistics.label("bookable").collect(day.bookable());
        Statistics.label("reason").collect(day.reason());
        assertThat(starts(day)).containsExactlyElementsOf(expected);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void aStartCanBeAllocatedExactlyWhenItIsListed(@ForAll("situations") RandomSchedules.Situation situation) {
        AvailabilityEngine engine = new AvailabilityEngine(situation.clock());
        SlotQuery query = SlotQuery.forParty(situation.schedule(), situation.partySize());
        ZoneId zone = situation.schedule().service().zone();
        Map<LocalDate, Set<Instant>> listedByDate = new HashMap<>();

        for (Instant candidate : candidates(situation)) {
            Set<Instant> listed = listedByDate.computeIfAbsent(
                    LocalDate.ofInstant(candidate, zone),
                    date -> new TreeSet<>(starts(engine.slotsForDay(query, date))));
            AllocationResult result =
                    engine.allocate(BookingRequest.of(situation.schedule(), candidate, situation.partySize()));
            assertThat(result.allocated())
                    .as("allocate %s, refused with %s", candidate, result)
                    .isEqualTo(listed.contains(candidate));
        }
    }

    @Property(tries = 500, shrinking = ShrinkingMode.OFF)
    void restrictingToAResourceListsTheStartsWherePreferringItAllocatesIt(
            @ForAll("situations") RandomSchedules.Situation situation) {
        AvailabilityEngine engine = new AvailabilityEngine(situation.clock());
        ScheduleSnapshot schedule = situation.schedule();
        List<Instant> all =
                starts(engine.slotsForDay(SlotQuery.forParty(schedule, situation.partySize()), situation.date()));
        List<Instant> restricted = starts(engine.slotsForDay(
                new SlotQuery(schedule, situation.partySize(), situation.someResource()), situation.date()));

        assertThat(all).containsAll(restricted);
        for (Instant start : all) {
            AllocationResult result = engine.allocate(
                    new BookingRequest(schedule, start, situation.partySize(), situation.someResource()));
            Allocation allocation = (Allocation) result;
            if (allocation.joinedReservationId() != null) {
                continue;
            }
            boolean takesIt = allocation.units().stream()
                    .anyMatch(unit -> unit.resourceId().equals(situation.someResource()));
            assertThat(takesIt).as("preferring the resource at %s", start).isEqualTo(restricted.contains(start));
        }
    }

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void theRangeFormAnswersEachDateExactlyLikeTheDayForm(@ForAll("situations") RandomSchedules.Situation situation) {
        AvailabilityEngine engine = new AvailabilityEngine(situation.clock());
        SlotQuery query = new SlotQuery(situation.schedule(), situation.partySize(), null);
        LocalDate date = situation.date();

        List<DayAvailability> range = engine.slotsForRange(query, date.minusDays(1), date.plusDays(1));

        assertThat(range)
                .containsExactly(
                        engine.slotsForDay(query, date.minusDays(1)),
                        engine.slotsForDay(query, date),
                        engine.slotsForDay(query, date.plusDays(1)));
    }

    /** The oracle's grid, a step off each grid time, and the next date's grid, which must not leak into this one. */
    private static List<Instant> candidates(RandomSchedules.Situation situation) {
        NaiveOracle oracle = new NaiveOracle(situation.schedule());
        List<Instant> candidates = new ArrayList<>();
        for (Instant start : oracle.gridStarts(situation.date())) {
            candidates.add(start);
            candidates.add(start.plusSeconds(5 * 60));
        }
        candidates.addAll(oracle.gridStarts(situation.date().plusDays(1)));
        return candidates;
    }

    private static List<Instant> starts(DayAvailability day) {
        return day.slots().stream().map(AvailableSlot::start).toList();
    }
}
