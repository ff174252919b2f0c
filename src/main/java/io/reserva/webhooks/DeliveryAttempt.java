package io.reserva.webhooks;

import io.reserva.webhooks.WebhookDeliveryRepository.Claim;
import java.time.Instant;

/**
 * What one HTTP attempt came to, before anyone judged it: the receiver's status code (and {@code Retry-After}),
 * or, when no answer came, why not.
 *
 * @param statusCode the receiver's answer; null when there was none
 * @param retryAfter the receiver's {@code Retry-After} header, as sent; null when there was none
 * @param failure why no answer came (refused address, timeout, connection); null when one came
 */
record DeliveryAttempt(
        Claim claim, Instant attemptedAt, Integer statusCode, int durationMs, String retryAfter, String failure) {

    static DeliveryAttempt answered(
            Claim claim, Instant attemptedAt, int statusCode, int durationMs, String retryAfter) {
        return new DeliveryAttempt(claim, attemptedAt, statusCode, durationMs, retryAfter, null);
    }

    static DeliveryAttempt unanswered(Claim claim, Instant attemptedAt, int durationMs, String failure) {
        return new DeliveryAttempt(claim, attemptedAt, null, durationMs, null, failure);
    }
}
