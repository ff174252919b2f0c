package io.reserva.reservations;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A resource (and which of its units) a reservation holds: the table, the stylist, the room. */
public record AssignedResource(
        UUID resourceId,
        @Schema(example = "Table 4") String name,
        @Schema(example = "table") String resourceType,

        @Schema(description = "Which unit of a multi-unit resource", example = "0")
        int unitIndex,

        @Schema(example = "any_available") String assignmentMode,

        @Schema(
                description = "The area the resource stands in; null when none",
                example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID areaId,

        @Schema(description = "The name of that area, for the POS", example = "Terrace")
        String areaName) {}
