package io.reserva.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where an organization wants its events sent. The signing secret is shown only when created or rotated. */
public record WebhookEndpoint(
        @Schema(example = "0192f3c4-7777-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "https://pos.example.com/hooks/reserva")
        String url,

        @Schema(example = "Open a check when a party is seated")
        String description,

        @Schema(
                description = "The event types sent here; empty means every type",
                example = "[\"reservation.seated\", \"reservation.resources_assigned\"]")
        List<String> eventTypes,

        @Schema(description = "Inactive endpoints receive nothing", example = "true")
        boolean isActive,

        @Schema(
                description = "Why the server turned the endpoint off (it answered 410 Gone), if it did",
                example = "null")
        String disabledReason,

        @Schema(
                description = "Until then the previous secret signs too (after a rotation); null when there is none",
                example = "2027-03-21T10:15:30Z")
        Instant previousSecretExpiresAt,

        @Schema(example = "2027-03-20T10:15:30Z") Instant createdAt,
        @Schema(example = "2027-03-20T10:15:30Z") Instant updatedAt) {

    public WebhookEndpoint {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }
}
