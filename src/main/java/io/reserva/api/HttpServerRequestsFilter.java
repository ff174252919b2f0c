package io.reserva.api;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records {@code http.server.requests} (a timer) and {@code http.server.requests.active} (a long task timer) as
 * Spring's {@code ServerHttpObservationFilter} with Micrometer's {@code DefaultMeterObservationHandler} records
 * them: the same names, tags, values and moments, so {@code /metrics} shows the same series. That filter built an
 * observation per request (a context, a scope, key values sorted into new tags, two meter lookups by those tags):
 * about 8% of a read by id. Here the meters are looked up once per set of tag values and kept. Reserva has no
 * tracing (no Micrometer Tracing on the classpath), so the observation carried nothing else. Boot's observation
 * is turned off in application.yaml ({@code management.observations.enable}): its filter stays in the chain but
 * only creates a no-op observation. Settings that act on observations (their key values, ignored meters) do not
 * reach these meters; settings that act on meters ({@code management.metrics.*}) do.
 */
class HttpServerRequestsFilter extends OncePerRequestFilter {

    private static final String NAME = "http.server.requests";

    private static final String EXCHANGE = HttpServerRequestsFilter.class.getName() + ".exchange";
    private static final String ERROR_EXCEPTION = "jakarta.servlet.error.exception";
    private static final Set<String> METHODS =
            Stream.of(HttpMethod.values()).map(HttpMethod::name).collect(Collectors.toUnmodifiableSet());

    private final MeterRegistry registry;
    private final Map<Tags, Timer> timers = new ConcurrentHashMap<>();
    private final Map<Tags, LongTaskTimer> activeTimers = new ConcurrentHashMap<>();

    HttpServerRequestsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /** As ServerHttpObservationFilter: an async request is timed until its async context ends. */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Exchange exchange = (Exchange) request.getAttribute(EXCHANGE);
        if (exchange == null) {
            exchange = new Exchange(request, response);
            request.setAttribute(EXCHANGE, exchange);
        }
        try {
            chain.doFilter(request, response);
        } catch (Exception ex) {
            exchange.error = unwrap(ex);
            response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
            throw ex;
        } finally {
            if (request.isAsyncStarted() && request.getDispatcherType() == DispatcherType.REQUEST) {
                request.getAsyncContext().addListener(exchange);
            } else if (!isAsyncDispatch(request)) {
                if (request.getAttribute(ERROR_EXCEPTION) instanceof Throwable error) {
                    exchange.error = error;
                }
                exchange.stop();
            }
        }
    }

    /** The tags DefaultServerRequestObservationConvention gives, without Micrometer's {@code error} tag. */
    private static Tags tags(HttpServletRequest request, HttpServletResponse response, Throwable error) {
        String method = request.getMethod();
        int status = response.getStatus();
        return Tags.of(
                "exception", error == null ? "none" : exceptionName(error),
                "method", METHODS.contains(method) ? method : "UNKNOWN",
                "outcome", outcome(status),
                "status", Integer.toString(status),
                "uri", uri(request, status));
    }

    private static String exceptionName(Throwable error) {
        String simpleName = error.getClass().getSimpleName();
        return simpleName.isBlank() ? error.getClass().getName() : simpleName;
    }

    private static String outcome(int status) {
        try {
            HttpStatusCode code = HttpStatusCode.valueOf(status);
            if (code.is2xxSuccessful()) {
                return "SUCCESS";
            }
            return code instanceof HttpStatus known ? known.series().name() : "UNKNOWN";
        } catch (IllegalArgumentException ex) {
            return "UNKNOWN";
        }
    }

    /** The matched pattern; Spring MVC puts it where the observation context would have received it too. */
    private static String uri(HttpServletRequest request, int status) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            return pattern.isEmpty() ? "root" : pattern;
        }
        HttpStatus known = HttpStatus.resolve(status);
        if (known != null && known.is3xxRedirection()) {
            return "REDIRECTION";
        }
        return known == HttpStatus.NOT_FOUND ? "NOT_FOUND" : "UNKNOWN";
    }

    private static Throwable unwrap(Throwable ex) {
        return ex instanceof ServletException && ex.getCause() != null ? ex.getCause() : ex;
    }

    /** One request, timed from its first dispatch. */
    private final class Exchange implements AsyncListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final LongTaskTimer.Sample active;
        private final Timer.Sample sample;
        private volatile Throwable error;

        Exchange(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
            this.active = activeTimers
                    .computeIfAbsent(
                            tags(request, response, null),
                            tags -> LongTaskTimer.builder(NAME + ".active")
                                    .tags(tags)
                                    .register(registry))
                    .start();
            this.sample = Timer.start(registry);
        }

        /** As the observation's stop: called again (an async timeout, then its completion), it records again. */
        void stop() {
            Tags tags = tags(request, response, error)
                    .and("error", error == null ? "none" : error.getClass().getSimpleName());
            sample.stop(timers.computeIfAbsent(
                    tags, key -> Timer.builder(NAME).tags(key).register(registry)));
            active.stop();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }

        @Override
        public void onComplete(AsyncEvent event) {
            stop();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            stop();
        }

        @Override
        public void onError(AsyncEvent event) {
            error = unwrap(event.getThrowable());
        }
    }
}
