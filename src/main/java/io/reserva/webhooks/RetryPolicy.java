package io.reserva.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: the first delay, doubled after each further failure up to a ceiling,
 * each spread by ±20% so endpoints that failed together do not all come back together; a receiver's
 * {@code Retry-After} replaces the computed delay (up to the same ceiling). A delivery is given up when the next
 * attempt would fall later than {@code retryFor} after it was created.
 */
final class RetryPolicy {

    private final Duration first;
    private final Duration ceiling;
    private final Duration retryFor;

    RetryPolicy(Duration first, Duration ceiling, Duration retryFor) {
        this.first = first;
        this.ceiling = ceiling;
        this.retryFor = retryFor;
    }

    /** The delay after the given failed attempt (1 = the first), or empty when the delivery is given up. */
    Optional<Duration> nextDelay(int failedAttempt, Instant createdAt, Instant now, Duration retryAfter) {
        Duration delay;
        if (retryAfter != null) {
            delay = retryAfter.compareTo(ceiling) > 0 ? ceiling : retryAfter;
        } else {
            double base = first.toMillis() * Math.pow(2, Math.min(failedAttempt - 1, 40));
            double capped = Math.min(base, ceiling.toMillis());
            double jittered = capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2);
            delay = Duration.ofMillis((long) Math.max(1, jittered));
        }
        if (now.plus(delay).isAfter(createdAt.plus(retryFor))) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    /** {@code Retry-After} as seconds or an HTTP date; empty when missing or unreadable. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
