package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** An organization's reminder settings, and what applies where it has none. */
@Schema(name = "ReminderSettings")
public record ReminderSettings(
        UUID organizationId,

        @Schema(
                description = "The installation's default, used when neither the service nor the organization says",
                example = "24")
        int defaultHoursBefore,

        List<ReminderSetting> settings) {}
