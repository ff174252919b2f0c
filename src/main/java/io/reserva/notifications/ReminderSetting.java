package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** How long before the start reminders go out: for the organization (no service) or for one service. */
@Schema(name = "ReminderSetting")
public record ReminderSetting(
        @Schema(description = "The service it applies to; null for the whole organization")
        UUID serviceId,

        @Schema(description = "Hours before the start; 0 sends no reminders", example = "24")
        int hoursBefore,

        Instant updatedAt) {}
