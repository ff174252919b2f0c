package io.reserva.webhooks;

import io.reserva.webhooks.WebhookDeliveryRepository.Claim;
import io.reserva.webhooks.WebhookDeliveryRepository.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What an attempt means for its delivery: a 2xx succeeds; a 410 Gone fails it (and its endpoint is disabled);
 * anything else, an unanswered attempt included, is tried again after the backoff or the receiver's
 * {@code Retry-After}, until the retry period is over. Redirects are failures: they are never followed.
 */
final class DeliveryOutcomes {

    private final RetryPolicy retries;
    private final Clock clock;

    DeliveryOutcomes(RetryPolicy retries, Clock clock) {
        this.retries = retries;
        this.clock = clock;
    }

    Outcome of(DeliveryAttempt attempt) {
        Integer status = attempt.statusCode();
        if (status != null && status >= 200 && status < 300) {
            return outcome(attempt, null, "succeeded", null);
        }
        if (status != null && status == 410) {
            return outcome(attempt, "HTTP 410 Gone: endpoint disabled", "failed", null);
        }
        Instant now = clock.instant();
        String error;
        Duration retryAfter = null;
        if (status == null) {
            error = attempt.failure();
        } else {
            error = status >= 300 && status < 400
                    ? "HTTP " + status + " (redirects are not followed)"
                    : "HTTP " + status;
            retryAfter = RetryPolicy.parseRetryAfter(attempt.retryAfter(), now).orElse(null);
        }
        Claim claim = attempt.claim();
        Optional<Duration> next = retries.nextDelay(claim.attempt(), claim.deliveryCreatedAt(), now, retryAfter);
        return next.isPresent()
                ? outcome(attempt, error, "pending", next.get())
                : outcome(attempt, error + "; retries exhausted", "failed", null);
    }

    private static Outcome outcome(DeliveryAttempt attempt, String error, String status, Duration next) {
        return new Outcome(
                attempt.claim(),
                attempt.attemptedAt(),
                attempt.statusCode(),
                attempt.durationMs(),
                error,
                status,
                next);
    }
}
