package io.reserva.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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

    @Property(tries = 500, shrinking = ShrinkingMode.OFF)
    void askingForEveryPartySizeAtOnceAnswersWhatAskingForEachSizeAnswers(
            @ForAll("situations") RandomSchedules.Situation situation) {
        AvailabilityEngine engine = new AvailabilityEngine(situation.clock());
        ScheduleSnapshot schedule = situation.schedule();
        LocalDate first = situation.date().minusDays(1);
        LocalDate last = situation.date().plusDays(1);
        List<Integer> sizes = List.of(situation.partySize(), 1, 2, 5, 9, situation.partySize() + 3);

        Map<Integer, List<DayAvailability>> together = engine.slotsForPartySizes(schedule, sizes, first, last);

        assertThat(together.keySet()).containsExactlyElementsOf(new LinkedHashSet<>(sizes));
        for (int size : sizes) {
            assertThat(together.get(size))
                    .as("party of %d", size)
                    .isEqualTo(engine.slotsForRange(SlotQuery.forParty(schedule, size), first, last));
        }
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

    /**
     * Areas over the random floor (its resources spread over two areas and none, so combinations come out whole
     * and mixed): the slots for an area are exactly the starts where a booking preferring it is seated wholly in
     * it, and every such start is also among the slots of the whole floor.
     */
    @Property(tries = 200, shrinking = ShrinkingMode.OFF)
    void slotsForAnAreaAreExactlyTheStartsWherePreferringItSeatsThePartyThere(
            @ForAll("situations") RandomSchedules.Situation situation) {
        AvailabilityEngine engine = new AvailabilityEngine(situation.clock());
        UUID terrace = UUID.nameUUIDFromBytes("terrace".getBytes(StandardCharsets.UTF_8));
        UUID dining = UUID.nameUUIDFromBytes("dining".getBytes(StandardCharsets.UTF_8));
        List<Resource> zoned = new ArrayList<>();
        List<Resource> resources = situation.schedule().resources();
        for (int i = 0; i < resources.size(); i++) {
            zoned.add(resources.get(i).inArea(i % 3 == 0 ? terrace : i % 3 == 1 ? dining : null));
        }
        ScheduleSnapshot base = situation.schedule();
        ScheduleSnapshot schedule = new ScheduleSnapshot(
                base.service(),
                base.links(),
                zoned,
                base.businessHours(),
                base.occupancies(),
                base.combinations(),
                base.pacing());
        List<Instant> all =
                starts(engine.slotsForDay(SlotQuery.forParty(schedule, situation.partySize()), situation.date()));
        List<Instant> onTerrace = starts(
                engine.slotsForDay(new SlotQuery(schedule, situation.partySize(), null, terrace), situation.date()));

        assertThat(all).containsAll(onTerrace);
        ZoneId zone = schedule.service().zone();
        for (Instant start : candidates(situation)) {
            if (!LocalDate.ofInstant(start, zone).equals(situation.date())) {
                continue;
            }
            AllocationResult result =
                    engine.allocate(new BookingRequest(schedule, start, situation.partySize(), null, terrace));
            assertThat(result.allocated()).as("allocate %s", start).isEqualTo(all.contains(start));
            boolean seatedThere = result.allocated() && ((Allocation) result).seatingPreferenceMet();
            Statistics.label("seated on the terrace").collect(seatedThere);
            assertThat(seatedThere).as("preferring the terrace at %s", start).isEqualTo(onTerrace.contains(start));
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
