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

        @Schema(example = "any_available") String assignmentMode) {}
