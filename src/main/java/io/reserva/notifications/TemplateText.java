package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * The three texts of a template to save. Placeholders: {@code {{guest_name}}}, {@code {{organization_name}}},
 * {@code {{service_name}}}, {@code {{date}}}, {@code {{time}}}, {@code {{party_size}}},
 * {@code {{confirmation_code}}}; anything else is refused naming it.
 */
public record TemplateText(
        @Schema(description = "Only for platform keys", example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "Your table at {{organization_name}}", requiredMode = Schema.RequiredMode.REQUIRED)
        String subject,

        @Schema(
                example = "Hello {{guest_name}}, see you on {{date}} at {{time}}.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String text,

        @Schema(
                description = "HTML written by the organization; the values put into it are escaped",
                example = "<p>Hello {{guest_name}}, see you on {{date}} at {{time}}.</p>",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String html) {}
