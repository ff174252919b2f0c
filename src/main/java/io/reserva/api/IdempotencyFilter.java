package io.reserva.api;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.shared.web.Problems;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.CurrentCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on POST: the first response (status, body, Location) is stored and replayed for
 * every retry with the same key and the same request; the same key with another request is
 * {@code 409 idempotency_conflict}. A duplicate arriving while the first still runs waits for its result.
 * Server failures (5xx) and rate-limit refusals are not stored, so a retry runs again.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern SANE_KEY = Pattern.compile("^[\\x21-\\x7e]{1,255}$");
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION);
    private static final Duration POLL = Duration.ofMillis(50);

    private final IdempotencyStore store;
    private final ApiProperties properties;
    private final JsonMapper json;

    IdempotencyFilter(IdempotencyStore store, ApiProperties properties, JsonMapper json) {
        this.store = store;
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!SANE_KEY.matcher(key).matches()) {
            Problems.write(
                    response,
                    request,
                    json,
                    new ReservaException(
                            ErrorCode.INVALID_PARAMETER,
                            "Idempotency-Key must be 1 to 255 visible ASCII characters",
                            List.of(new FieldError(HEADER, "must be 1 to 255 visible ASCII characters"))));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyLimitFilter.BodyTooLargeException e) {
            Problems.write(response, request, json, BodyLimitFilter.tooLarge(properties.maxBodyBytes()));
            return;
        }
        Optional<Caller> caller = CurrentCaller.of(request);
        String scope = caller.map(Caller::subject).orElseGet(() -> "ip:" + request.getRemoteAddr());
        byte[] hash = requestHash(request, body);

        long deadline = System.nanoTime() + properties.idempotencyWait().toNanos();
        while (!store.claim(scope, key, hash, properties.idempotencyTtl())) {
            Optional<IdempotencyStore.Stored> stored = store.find(scope, key);
            if (stored.isEmpty()) {
                continue; // released or expired between the two statements: claim again
            }
            if (!MessageDigest.isEqual(stored.get().requestHash(), hash)) {
                Problems.write(
                        response,
                        request,
                        json,
                        new ReservaException(
                                ErrorCode.IDEMPOTENCY_CONFLICT,
                                "This Idempotency-Key was used with a different request; use a new key for a new request"));
                return;
            }
            if (stored.get().completed()) {
                replay(stored.get(), response);
                return;
            }
            if (System.nanoTime() > deadline) {
                Problems.write(
                        response,
                        request,
                        json,
                        new ReservaException(
                                ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                                "The first request with this Idempotency-Key is still running; retry shortly"));
                return;
            }
            sleep();
        }
        run(new CachedBodyRequest(request, body), response, chain, scope, key);
    }

    private void run(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, String scope, String key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, captured);
            int status = captured.getStatus();
            if (status < 500 && status != 429) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : REPLAYED_HEADERS) {
                    String value = captured.getHeader(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                store.complete(scope, key, status, headers, captured.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                store.release(scope, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyStore.Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    /** Method, path, query and body: a retry must be the same request, not just the same key. */
    private static byte[] requestHash(HttpServletRequest request, byte[] body) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        String head = request.getMethod() + " " + request.getRequestURI() + "?"
                + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
        text.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        text.writeBytes(body);
        return Secrets.sha256(text.toByteArray());
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the first request with this Idempotency-Key", e);
        }
    }

    /** Lets the application read the body the filter has already read. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // The whole body is in memory: it is available, and complete, at once.
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
