package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** The fields a PATCH of a resource may change; fields left out keep their value, null clears optional ones. */
public record ReservationResourceChanges(
        @Schema(example = "Table 4") String name,
        @Schema(example = "By the window") String description,
        @Schema(example = "table") String resourceType,
        @Schema(example = "4") Integer capacity,
        @Schema(example = "3") Integer minPartySize,
        @Schema(example = "1") Integer units,
        UUID userId,
        @Schema(example = "Europe/Madrid") String timezone,
        @Schema(example = "true") Boolean isActive,

        @Schema(
                description = "An area of the organization, or null for none",
                example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID areaId) {}
