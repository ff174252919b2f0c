package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * What to preview: a kind and language rendered against one reservation, with the texts given here, else the
 * organization's template, else the built-in one.
 */
public record TemplatePreview(
        @Schema(description = "Only for platform keys") UUID organizationId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID reservationId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) NotificationKind kind,

        @Schema(description = "en or es", example = "en", requiredMode = Schema.RequiredMode.REQUIRED)
        String locale,

        @Schema(description = "email (default) or sms: an SMS preview has only a text", example = "email")
        String channel,

        String subject,
        String text,
        String html) {}
