package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** Something a booking occupies: a person, a room, a table, equipment, or a type the organization defines. */
public record ReservationResource(
        @Schema(example = "0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "Table 4") String name,
        @Schema(example = "By the window") String description,

        @Schema(
                description = "person, room, table, equipment, or an organization's own lowercase type such as"
                        + " massage_bed",
                example = "table")
        String resourceType,

        @Schema(description = "Largest party it serves; null when it does not apply", example = "4")
        Integer capacity,

        @Schema(description = "Smallest party it is given to (tables); null means any", example = "3")
        Integer minPartySize,

        @Schema(
                description = "Allocations it can hold at once, 1 to 1000: five projectors are one resource with 5",
                example = "1")
        int units,

        @Schema(description = "The staff member a person resource stands for", example = "null")
        UUID userId,

        @Schema(description = "IANA time zone of its hours; defaults to the organization's", example = "Europe/Madrid")
        String timezone,

        @Schema(
                description = "The area of the floor it stands in (see /reservation-areas); null when none",
                example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID areaId,

        @Schema(example = "true") boolean isActive,
        Instant createdAt,
        Instant updatedAt) {}
