package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A reminder setting to save: the organization's (service_id null or left out) or one service's. */
public record NewReminderSetting(
        @Schema(description = "Only for platform keys", example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(description = "A service of the organization; null or left out for the whole organization")
        UUID serviceId,

        @Schema(
                description = "Hours before the start, 0 to 720; 0 sends no reminders",
                example = "24",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Integer hoursBefore) {}
