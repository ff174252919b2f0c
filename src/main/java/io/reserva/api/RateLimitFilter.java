package io.reserva.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.shared.web.Problems;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.CurrentCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token buckets (Bucket4j) per API key, and per client address for calls without a key. Every answer says
 * where the caller stands ({@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset} in seconds until the
 * bucket is full again); a refused call gets {@code 429} and {@code Retry-After}.
 *
 * <p>Buckets live in this node's memory: with N nodes behind a balancer a client may get up to N times the
 * limit. That keeps the check free of database round trips; the limit is a guard, not a bill.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final ApiProperties properties;
    private final JsonMapper json;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    RateLimitFilter(ApiProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Probes must keep working when a client floods the server.
        return !properties.rateLimitEnabled() || request.getRequestURI().startsWith("/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = CurrentCaller.of(request);
        int limit = caller.isPresent() ? properties.rateLimitPerKey() : properties.rateLimitPerIp();
        String subject = caller.map(Caller::subject).orElseGet(() -> "ip:" + request.getRemoteAddr());
        Bucket bucket = buckets.get(
                subject,
                s -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limit)
                                .refillGreedy(limit, PERIOD)
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long remaining = probe.getRemainingTokens();
        long nanosPerToken = PERIOD.toNanos() / limit;
        long secondsToFull = TimeUnit.NANOSECONDS.toSeconds((limit - remaining) * nanosPerToken + 999_999_999L);
        response.setHeader("RateLimit-Limit", Integer.toString(limit));
        response.setHeader("RateLimit-Remaining", Long.toString(remaining));
        response.setHeader("RateLimit-Reset", Long.toString(secondsToFull));
        if (!probe.isConsumed()) {
            long retryAfter =
                    Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            response.setHeader("Retry-After", Long.toString(retryAfter));
            Problems.write(
                    response,
                    request,
                    json,
                    new ReservaException(
                            ErrorCode.RATE_LIMITED,
                            "Rate limit of " + limit + " requests per minute reached; retry in " + retryAfter + " s"));
            return;
        }
        chain.doFilter(request, response);
    }
}
