package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A part of the floor (dining room, terrace, bar, private room). Resources stand in at most one area; a booking may
 * prefer one (its seating preference), and the slots endpoint can be asked for one.
 */
public record ReservationArea(
        @Schema(example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "Terrace") String name,

        @Schema(example = "Outdoor seating under the awning")
        String description,

        Instant createdAt,
        Instant updatedAt) {}
