package io.reserva.availability.bench;

import io.reserva.availability.AvailabilityEngine;
import io.reserva.availability.DayAvailability;
import io.reserva.availability.ScheduleSnapshot;
import io.reserva.availability.SlotQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the engine benchmarks with modest settings: 5×1 s warm-up (C2 needs them on two cores), 5×1 s measurement, one fork. */
public final class AvailabilityBenchmarkRunner {

    private AvailabilityBenchmarkRunner() {}

    public static void main(String[] args) throws RunnerException {
        describeDataset();
        Options options = new OptionsBuilder()
                .include(AvailabilityBenchmarks.class.getName())
                .warmupIterations(5)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .forks(1)
                .threads(1)
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .build();
        new Runner(options).run();
    }

    /** Shows the work is real: what the dataset holds and what the measured queries answer. */
    private static void describeDataset() {
        ScheduleSnapshot restaurant = RestaurantDataset.generate();
        AvailabilityEngine engine =
                new AvailabilityEngine(Clock.fixed(Instant.parse("2027-03-01T09:00:00Z"), ZoneOffset.UTC));
        List<DayAvailability> days = engine.slotsForRange(
                SlotQuery.forParty(restaurant, 2),
                RestaurantDataset.FIRST_DAY,
                RestaurantDataset.FIRST_DAY.plusDays(RestaurantDataset.BOOKED_DAYS - 1));
        long slots = days.stream().mapToLong(day -> day.slots().size()).sum();
        System.out.printf(
                "dataset: %d resources, %d reservations over %d days; party of 2: %d slots in 28 days, "
                        + "%d on the measured day%n",
                restaurant.resources().size(),
                restaurant.occupancies().size(),
                RestaurantDataset.BOOKED_DAYS,
                slots,
                days.get(10).slots().size());
        ScheduleSnapshot floor = FloorDataset.generate();
        List<DayAvailability> floorDays = engine.slotsForRange(
                SlotQuery.forParty(floor, 8),
                RestaurantDataset.FIRST_DAY,
                RestaurantDataset.FIRST_DAY.plusDays(RestaurantDataset.BOOKED_DAYS - 1));
        System.out.printf(
                "floor: %d tables, %d combinations, %d reservations; party of 8: %d slots in 28 days, %d on the"
                        + " measured day%n",
                floor.resources().size(),
                floor.combinations().size(),
                floor.occupancies().size(),
                floorDays.stream().mapToLong(day -> day.slots().size()).sum(),
                floorDays.get(10).slots().size());
    }
}
