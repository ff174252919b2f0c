package io.reserva.waitlist;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** Seats a waiting party now: the tables the host chose, or left out for the engine to pick. */
@Schema(name = "SeatWaitlistEntry", example = "{\"assigned_resources\": [\"0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b\"]}")
public record SeatWaitlistEntry(
        @Schema(description = "Exactly these tables; left out, the first free fitting ones")
        List<UUID> assignedResources) {}
