package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How fast a service may take new guests (docs/scheduling-rules.md §4, rule 6b): starts within each interval of
 * the service's local day, and guests seated at once. A null limit does not apply.
 */
public record ServicePacing(
        @Schema(
                description = "Length of a pacing interval in minutes (5 to 1440), counted from the local midnight;"
                        + " required with max_covers or max_parties",
                example = "15")
        Integer intervalMinutes,

        @Schema(description = "Guests that may start within one interval; at least the largest party", example = "30")
        Integer maxCovers,

        @Schema(description = "Parties that may start within one interval", example = "6")
        Integer maxParties,

        @Schema(
                description = "Guests of this service seated at the same moment; at least the largest party",
                example = "80")
        Integer maxSeatedCovers) {

    public boolean limitsNothing() {
        return maxCovers == null && maxParties == null && maxSeatedCovers == null;
    }
}
