package io.reserva.api;

import io.reserva.shared.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a sane token, else a new one. It is
 * echoed in the response, put in every log line of the request and in every problem body.
 */
class RequestIdFilter extends OncePerRequestFilter {

    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    /** One line per request, off by default: {@code LOGGING_LEVEL_IO_RESERVA_ACCESS=INFO} turns it on. */
    private static final Logger access = LoggerFactory.getLogger("io.reserva.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(RequestIds.HEADER);
        String id = sent != null && SANE.matcher(sent).matches() ? sent : newId();
        request.setAttribute(RequestIds.ATTRIBUTE, id);
        response.setHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (access.isInfoEnabled()) {
                access.info(
                        "{} {} {} {} ms",
                        request.getMethod(),
                        request.getRequestURI(),
                        response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /**
     * A random version-4 UUID drawn from {@link ThreadLocalRandom}, not {@link UUID#randomUUID()}: a request id
     * correlates log lines, responses and problem bodies and is no secret, so it needs no cryptographic strength,
     * and {@code SecureRandom} serialises concurrent requests on its lock.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
