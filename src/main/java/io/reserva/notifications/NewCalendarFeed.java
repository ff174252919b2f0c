package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A feed to create: the whole organization's bookings, one resource's, or one staff user's. */
public record NewCalendarFeed(
        @Schema(description = "Only for platform keys", example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(
                description = "Only this resource's bookings; leave out for the whole organization",
                example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID resourceId,

        @Schema(
                description = "Only this user's bookings: those of every person resource whose user_id is this user,"
                        + " looked up when the feed is read. Not with resource_id. Staff and read-only users may"
                        + " create their own; admins anyone's",
                example = "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b")
        UUID userId,

        @Schema(description = "A label for the list, at most 200 characters", example = "Terrace")
        String name) {}
