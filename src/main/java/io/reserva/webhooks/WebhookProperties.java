package io.reserva.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook delivery settings ({@code RESERVA_WEBHOOKS_*}, {@code RESERVA_EVENTS_RETENTION}).
 *
 * @param allowPrivateNetworks deliver to loopback, private, link-local and metadata addresses (development only)
 * @param timeout how long one attempt may take, connecting included
 * @param pollInterval how often a node looks for due deliveries when no notification woke it
 * @param retryFirstDelay the delay after the first failed attempt; it doubles with each further failure
 * @param retryMaxDelay the longest delay between two attempts
 * @param retryFor how long after a delivery was created it is retried before it is given up
 * @param concurrency attempts in flight at once on one node
 * @param concurrencyPerEndpoint attempts in flight at once to one endpoint from one node
 * @param secretOverlap how long a rotated-out secret keeps signing beside the new one
 * @param eventRetention how long events (and their deliveries) are kept
 * @param purgeInterval how often old events are deleted
 * @param workers whether this node delivers at all (events are recorded either way)
 */
@ConfigurationProperties("reserva.webhooks")
record WebhookProperties(
        Boolean allowPrivateNetworks,
        Duration timeout,
        Duration pollInterval,
        Duration retryFirstDelay,
        Duration retryMaxDelay,
        Duration retryFor,
        Integer concurrency,
        Integer concurrencyPerEndpoint,
        Duration secretOverlap,
        Duration eventRetention,
        Duration purgeInterval,
        Boolean workers) {

    WebhookProperties {
        allowPrivateNetworks = allowPrivateNetworks != null && allowPrivateNetworks;
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        retryFirstDelay = retryFirstDelay == null ? Duration.ofSeconds(5) : retryFirstDelay;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofHours(12) : retryMaxDelay;
        retryFor = retryFor == null ? Duration.ofDays(3) : retryFor;
        concurrency = concurrency == null ? 64 : Math.max(1, concurrency);
        concurrencyPerEndpoint = concurrencyPerEndpoint == null ? 16 : Math.max(1, concurrencyPerEndpoint);
        secretOverlap = secretOverlap == null ? Duration.ofHours(24) : secretOverlap;
        eventRetention = eventRetention == null ? Duration.ofDays(30) : eventRetention;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
        workers = workers == null || workers;
    }

    /** A claimed delivery nobody reported on is due again after this: a node that died mid-attempt. */
    Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(5);
    }
}
