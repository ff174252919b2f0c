package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** The weekly windows of one owner, sorted by day and start time. */
public record Week(
        @Schema(
                description = "The resource; null for the organization's business hours",
                example = "0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b")
        UUID resourceId,

        @Schema(
                description = "The area; null for a resource's or the organization's week",
                example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID areaId,

        List<AvailabilityWindow> windows) {

    public Week {
        windows = List.copyOf(windows);
    }
}
