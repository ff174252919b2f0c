package io.reserva.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(12), Duration.ofDays(3));
    final Instant created = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void delaysDoubleWithJitterUpToTheCeiling() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            double expected = 5_000 * Math.pow(2, attempt - 1);
            long delay = policy.nextDelay(attempt, created, created, null)
                    .orElseThrow()
                    .toMillis();
            assertThat(delay).as("attempt %d", attempt).isBetween((long) (expected * 0.8), (long) (expected * 1.2));
        }
        long late = policy.nextDelay(30, created, created, null).orElseThrow().toMillis();
        assertThat(late)
                .isBetween(
                        (long) (Duration.ofHours(12).toMillis() * 0.8),
                        Duration.ofHours(12).toMillis() * 12 / 10);
    }

    @Test
    void aDeliveryIsRetriedForAboutThreeDaysThenGivenUp() {
        Instant now = created;
        int attempts = 1;
        while (true) {
            var delay = policy.nextDelay(attempts, created, now, null);
            if (delay.isEmpty()) {
                break;
            }
            now = now.plus(delay.get());
            attempts++;
        }
        assertThat(Duration.between(created, now)).isBetween(Duration.ofHours(48), Duration.ofDays(3));
        assertThat(attempts).isBetween(15, 25);
    }

    @Test
    void retryAfterReplacesTheBackoffUpToTheCeiling() {
        assertThat(policy.nextDelay(1, created, created, Duration.ofSeconds(90)))
                .contains(Duration.ofSeconds(90));
        assertThat(policy.nextDelay(1, created, created, Duration.ofDays(2))).contains(Duration.ofHours(12));
        Instant now = Instant.parse("2027-01-01T10:00:00Z");
        assertThat(RetryPolicy.parseRetryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryPolicy.parseRetryAfter("Fri, 01 Jan 2027 10:01:00 GMT", now))
                .contains(Duration.ofMinutes(1));
        assertThat(RetryPolicy.parseRetryAfter("soon", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("-5", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(null, now)).isEmpty();
    }
}
