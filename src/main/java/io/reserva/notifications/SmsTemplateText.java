package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * The text of an organization's own SMS for one kind and language: plain text with the placeholders of email,
 * except the links and the look ({@code {{manage_link}}}, {@code {{unsubscribe_link}}}, {@code {{logo_url}}},
 * {@code {{brand_color}}}), which an SMS does not carry.
 */
public record SmsTemplateText(
        @Schema(description = "Only for platform keys", example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(
                example = "{{organization_name}}: see you on {{date}} at {{time}}, {{guest_name}}. Code"
                        + " {{confirmation_code}}.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String text) {}
