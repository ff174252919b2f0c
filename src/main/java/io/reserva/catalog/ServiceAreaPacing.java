package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * How fast one area of the floor may take this service's guests (docs/scheduling-rules.md §4, rule 6c): the same
 * limits as the service's pacing, counted over the parties holding a table in the area. A null limit does not apply.
 */
public record ServiceAreaPacing(
        @Schema(
                description = "The paced area (see /reservation-areas)",
                example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID areaId,

        @Schema(
                description = "Length of a pacing interval in minutes (5 to 1440), counted from the local midnight;"
                        + " required with max_covers or max_parties",
                example = "15")
        Integer intervalMinutes,

        @Schema(
                description = "Guests that may start in this area within one interval; at least the largest party",
                example = "12")
        Integer maxCovers,

        @Schema(description = "Parties that may start in this area within one interval", example = "3")
        Integer maxParties,

        @Schema(
                description = "Guests of this service seated in this area at the same moment; at least the largest"
                        + " party",
                example = "40")
        Integer maxSeatedCovers) {

    ServicePacing limits() {
        return new ServicePacing(intervalMinutes, maxCovers, maxParties, maxSeatedCovers);
    }
}
