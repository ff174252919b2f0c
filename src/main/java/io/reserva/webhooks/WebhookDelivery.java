package io.reserva.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event on its way to one endpoint, with every attempt so far. {@code pending} deliveries have a
 * {@code next_attempt_at}; {@code succeeded} got a 2xx; {@code failed} ran out of retries, met 410 Gone, or its
 * endpoint was turned off. A redelivery is a new delivery of the same event ({@code redelivery_of}).
 */
public record WebhookDelivery(
        @Schema(example = "0192f3c4-8888-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "0192f3c4-7777-7f80-9a1b-2c3d4e5f6a7b")
        UUID endpointId,

        @Schema(description = "Also the webhook-id header", example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID eventId,

        @Schema(example = "reservation.confirmed") String eventType,

        @Schema(
                allowableValues = {"pending", "succeeded", "failed"},
                example = "pending")
        String status,

        @Schema(example = "2") int attempts,

        @Schema(description = "When the next attempt is due; null unless pending", example = "2027-03-20T10:16:10Z")
        Instant nextAttemptAt,

        @Schema(example = "2027-03-20T10:15:40Z") Instant lastAttemptAt,

        @Schema(description = "HTTP status of the last answer; null if none came", example = "503")
        Integer lastStatusCode,

        @Schema(example = "HTTP 503") String lastError,
        @Schema(example = "42") Integer lastDurationMs,

        @Schema(description = "The delivery this one sends again, if it is a redelivery", example = "null")
        UUID redeliveryOf,

        @Schema(example = "2027-03-20T10:15:30Z") Instant createdAt,
        @Schema(example = "2027-03-20T10:15:40Z") Instant updatedAt,
        @Schema(description = "Every attempt, oldest first") List<Attempt> attemptLog) {

    /** One HTTP attempt. */
    public record Attempt(
            @Schema(example = "1") int attempt,
            @Schema(example = "2027-03-20T10:15:40Z") Instant attemptedAt,

            @Schema(description = "null when no answer came (timeout, refused, connection error)", example = "503")
            Integer statusCode,

            @Schema(example = "42") int durationMs,
            @Schema(example = "HTTP 503") String error,

            @Schema(description = "When the next attempt was scheduled; null if none", example = "2027-03-20T10:16:10Z")
            Instant nextAttemptAt) {}

    WebhookDelivery withAttempts(List<Attempt> log) {
        return new WebhookDelivery(
                id,
                organizationId,
                endpointId,
                eventId,
                eventType,
                status,
                attempts,
                nextAttemptAt,
                lastAttemptAt,
                lastStatusCode,
                lastError,
                lastDurationMs,
                redeliveryOf,
                createdAt,
                updatedAt,
                log);
    }
}
