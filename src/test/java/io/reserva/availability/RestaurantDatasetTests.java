package io.reserva.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.availability.bench.RestaurantDataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark must measure a state the database could hold. */
class RestaurantDatasetTests {

    @Test
    void theBenchmarkRestaurantIsReproducibleAndNeverDoubleBooksAUnit() {
        ScheduleSnapshot restaurant = RestaurantDataset.generate();

        assertThat(restaurant).isEqualTo(RestaurantDataset.generate());
        assertThat(restaurant.resources()).hasSize(50);
        assertThat(restaurant.occupancies()).hasSize(RestaurantDataset.RESERVATION_COUNT);
        Map<String, List<Occupancy>> byUnit = new HashMap<>();
        for (Occupancy row : restaurant.occupancies()) {
            byUnit.computeIfAbsent(row.resourceId() + "/" + row.unitIndex(), unit -> new ArrayList<>())
                    .add(row);
        }
        for (List<Occupancy> rows : byUnit.values()) {
            rows.sort(Comparator.comparing(Occupancy::occupiedFrom));
            for (int i = 1; i < rows.size(); i++) {
                assertThat(rows.get(i).occupiedFrom())
                        .isAfterOrEqualTo(rows.get(i - 1).occupiedUntil());
            }
        }
    }
}
