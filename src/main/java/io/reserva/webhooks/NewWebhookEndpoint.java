package io.reserva.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** A webhook endpoint to register. */
public record NewWebhookEndpoint(
        @Schema(description = "Only for platform keys", example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(
                description = "http or https; hosts that resolve to private or internal addresses are refused",
                example = "https://pos.example.com/hooks/reserva",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String url,

        @Schema(example = "Open a check when a party is seated")
        String description,

        @Schema(
                description = "Event types to send; leave out or [] for all",
                example = "[\"reservation.seated\", \"reservation.resources_assigned\"]")
        List<String> eventTypes,

        @Schema(description = "Default true", example = "true")
        Boolean isActive) {}
