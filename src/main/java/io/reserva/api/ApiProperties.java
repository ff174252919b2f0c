package io.reserva.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HTTP limits ({@code RESERVA_RATE_LIMIT_*}, {@code RESERVA_MAX_BODY_BYTES}, {@code RESERVA_IDEMPOTENCY_*}).
 *
 * @param rateLimitEnabled whether requests are rate limited at all
 * @param rateLimitPerKey requests per minute for one API key
 * @param rateLimitPerIp requests per minute for one client address without an API key
 * @param maxBodyBytes the largest request body accepted
 * @param idempotencyTtl how long a response is kept for replay under its Idempotency-Key
 * @param idempotencyWait how long a duplicate waits for the first request with its key to finish
 */
@ConfigurationProperties("reserva.api")
record ApiProperties(
        Boolean rateLimitEnabled,
        Integer rateLimitPerKey,
        Integer rateLimitPerIp,
        Long maxBodyBytes,
        Duration idempotencyTtl,
        Duration idempotencyWait) {

    ApiProperties {
        rateLimitEnabled = rateLimitEnabled == null || rateLimitEnabled;
        rateLimitPerKey = rateLimitPerKey == null ? 6000 : rateLimitPerKey;
        rateLimitPerIp = rateLimitPerIp == null ? 600 : rateLimitPerIp;
        maxBodyBytes = maxBodyBytes == null ? 1_048_576L : maxBodyBytes;
        idempotencyTtl = idempotencyTtl == null ? Duration.ofHours(24) : idempotencyTtl;
        idempotencyWait = idempotencyWait == null ? Duration.ofSeconds(30) : idempotencyWait;
    }
}
