package io.reserva.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.webhooks.WebhookDeliveryRepository.Claim;
import io.reserva.webhooks.WebhookDeliveryRepository.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the recorder judges an attempt, on a fixed clock. */
class DeliveryOutcomesTests {

    static final Instant NOW = Instant.parse("2027-03-20T10:00:00Z");

    final DeliveryOutcomes outcomes = new DeliveryOutcomes(
            new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(12), Duration.ofDays(3)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anyTwoHundredSucceedsAndIsFinal() {
        Outcome outcome = outcomes.of(DeliveryAttempt.answered(claim(1, NOW), NOW, 204, 12, null));
        assertThat(outcome.status()).isEqualTo("succeeded");
        assertThat(outcome.error()).isNull();
        assertThat(outcome.nextAttemptIn()).isNull();
        assertThat(outcome.durationMs()).isEqualTo(12);
    }

    @Test
    void goneFailsTheDeliveryAtOnceWhateverRetriesAreLeft() {
        Outcome outcome = outcomes.of(DeliveryAttempt.answered(claim(1, NOW), NOW, 410, 3, "60"));
        assertThat(outcome.status()).isEqualTo("failed");
        assertThat(outcome.error()).isEqualTo("HTTP 410 Gone: endpoint disabled");
        assertThat(outcome.nextAttemptIn()).isNull();
    }

    @Test
    void aRetryAfterDateIsCountedFromTheInjectedClock() {
        Outcome outcome =
                outcomes.of(DeliveryAttempt.answered(claim(2, NOW), NOW, 503, 3, "Sat, 20 Mar 2027 10:02:30 GMT"));
        assertThat(outcome.status()).isEqualTo("pending");
        assertThat(outcome.error()).isEqualTo("HTTP 503");
        assertThat(outcome.nextAttemptIn()).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void aRedirectIsAFailureThatSaysItWasNotFollowed() {
        Outcome outcome = outcomes.of(DeliveryAttempt.answered(claim(1, NOW), NOW, 302, 3, null));
        assertThat(outcome.status()).isEqualTo("pending");
        assertThat(outcome.error()).isEqualTo("HTTP 302 (redirects are not followed)");
        assertThat(outcome.nextAttemptIn()).isBetween(Duration.ofMillis(4_000), Duration.ofMillis(6_000));
    }

    @Test
    void anUnansweredAttemptKeepsItsReasonAndIsRetried() {
        Outcome outcome = outcomes.of(DeliveryAttempt.unanswered(claim(1, NOW), NOW, 3_000, "timed out after PT3S"));
        assertThat(outcome.status()).isEqualTo("pending");
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).isEqualTo("timed out after PT3S");
    }

    @Test
    void aDeliveryOlderThanTheRetryPeriodIsGivenUp() {
        Instant created = NOW.minus(Duration.ofDays(3));
        Outcome outcome = outcomes.of(DeliveryAttempt.answered(claim(12, created), NOW, 500, 3, null));
        assertThat(outcome.status()).isEqualTo("failed");
        assertThat(outcome.error()).isEqualTo("HTTP 500; retries exhausted");
        assertThat(outcome.nextAttemptIn()).isNull();
    }

    private static Claim claim(int attempt, Instant deliveryCreatedAt) {
        UUID organization = UUID.randomUUID();
        Event event = new Event(UUID.randomUUID(), organization, "contact.created", "{}", null, deliveryCreatedAt);
        return new Claim(
                UUID.randomUUID(),
                organization,
                UUID.randomUUID(),
                attempt,
                deliveryCreatedAt,
                "https://example.com/hook",
                "whsec_x",
                null,
                null,
                event);
    }
}
