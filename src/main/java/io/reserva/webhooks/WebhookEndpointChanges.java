package io.reserva.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A partial update of a webhook endpoint: fields left out keep their value. */
public record WebhookEndpointChanges(
        @Schema(example = "https://pos.example.com/hooks/reserva-v2")
        String url,

        @Schema(example = "POS, second site") String description,

        @Schema(description = "null or [] for all types", example = "[\"reservation.confirmed\"]")
        List<String> eventTypes,

        @Schema(
                description = "false stops deliveries (pending ones are given up); true turns it on again",
                example = "true")
        Boolean isActive) {}
