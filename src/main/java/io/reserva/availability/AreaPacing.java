package io.reserva.availability;

import java.util.Objects;
import java.util.UUID;

/**
 * How fast one area of the floor may take new guests of a service (docs/scheduling-rules.md §4, rule 6c): the
 * same limits as the service's own pacing, counted over the parties that hold at least one resource in the area.
 * A party the area cannot take may still sit elsewhere; only a start with no such place is refused.
 */
public record AreaPacing(UUID areaId, Pacing limits) {

    public AreaPacing {
        Objects.requireNonNull(areaId, "areaId");
        Objects.requireNonNull(limits, "limits");
    }
}
