package io.reserva.availability.bench;

import io.reserva.availability.AllocationResult;
import io.reserva.availability.AvailabilityEngine;
import io.reserva.availability.BookingRequest;
import io.reserva.availability.DayAvailability;
import io.reserva.availability.ScheduleSnapshot;
import io.reserva.availability.SlotQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The slots endpoint's two shapes and one booking, on the generated restaurant, for a party of two; and the two
 * shapes on issue 17's floor (combinations and pacing) for a party of eight.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AvailabilityBenchmarks {

    private static final LocalDate BUSY_DAY = RestaurantDataset.FIRST_DAY.plusDays(10);

    private AvailabilityEngine engine;
    private ScheduleSnapshot restaurant;
    private SlotQuery coupleQuery;
    private Instant dinnerAtEight;
    private SlotQuery floorPartyOfEight;
    private SlotQuery floorTerraceForFour;

    @Setup
    public void generateRestaurant() {
        engine = new AvailabilityEngine(Clock.fixed(Instant.parse("2027-03-01T09:00:00Z"), ZoneOffset.UTC));
        restaurant = RestaurantDataset.generate();
        coupleQuery = SlotQuery.forParty(restaurant, 2);
        dinnerAtEight = BUSY_DAY.atTime(20, 0).atZone(RestaurantDataset.ZONE).toInstant();
        floorPartyOfEight = SlotQuery.forParty(FloorDataset.generate(), 8);
        floorTerraceForFour = new SlotQuery(FloorDataset.generate(), 4, null, FloorDataset.TERRACE);
    }

    /** Issue 17's floor: 60 tables, 20 combinations, pacing; a party of eight needs a combination. */
    @Benchmark
    public DayAvailability floorOneDay() {
        return engine.slotsForDay(floorPartyOfEight, BUSY_DAY);
    }

    /** The same floor asked for one area (the terrace), as a guest with a seating preference would. */
    @Benchmark
    public DayAvailability floorTerraceOneDay() {
        return engine.slotsForDay(floorTerraceForFour, BUSY_DAY);
    }

    @Benchmark
    public List<DayAvailability> floorTwentyEightDays() {
        return engine.slotsForRange(
                floorPartyOfEight,
                RestaurantDataset.FIRST_DAY,
                RestaurantDataset.FIRST_DAY.plusDays(RestaurantDataset.BOOKED_DAYS - 1));
    }

    @Benchmark
    public DayAvailability oneDay() {
        return engine.slotsForDay(coupleQuery, BUSY_DAY);
    }

    @Benchmark
    public List<DayAvailability> twentyEightDays() {
        return engine.slotsForRange(
                coupleQuery,
                RestaurantDataset.FIRST_DAY,
                RestaurantDataset.FIRST_DAY.plusDays(RestaurantDataset.BOOKED_DAYS - 1));
    }

    @Benchmark
    public AllocationResult allocateOneStart() {
        return engine.allocate(BookingRequest.of(restaurant, dinnerAtEight, 2));
    }
}
