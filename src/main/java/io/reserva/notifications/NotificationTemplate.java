package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * An organization's own text for one kind of message in one language, on one channel: an email's subject, text
 * and HTML, or an SMS's text (no subject, no HTML).
 */
@Schema(name = "NotificationTemplate")
public record NotificationTemplate(
        UUID id,
        UUID organizationId,
        NotificationKind kind,
        @Schema(example = "es") String locale,

        @Schema(description = "email or sms", example = "email")
        String channel,

        @Schema(example = "Tu reserva en {{organization_name}}: {{date}}, {{time}}")
        String subject,

        @Schema(example = "Hola {{guest_name}}:\n\nte esperamos el {{date}} a las {{time}}.")
        String text,

        @Schema(example = "<p>Hola {{guest_name}}:</p><p>te esperamos el {{date}} a las {{time}}.</p>")
        String html,

        Instant createdAt,
        Instant updatedAt) {}
