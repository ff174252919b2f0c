package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A feed to create: the whole organization's bookings, or one resource's. */
public record NewCalendarFeed(
        @Schema(description = "Only for platform keys", example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(
                description = "Only this resource's bookings; leave out for the whole organization",
                example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID resourceId,

        @Schema(description = "A label for the list, at most 200 characters", example = "Terrace")
        String name) {}
