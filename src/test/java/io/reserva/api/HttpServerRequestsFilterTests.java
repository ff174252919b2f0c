package io.reserva.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The request metrics are those Spring's observation filter records: each request goes through both, and the
 * meters they leave (names, tags, counts) must be the same.
 */
class HttpServerRequestsFilterTests {

    private final MeterRegistry spring = new SimpleMeterRegistry();
    private final MeterRegistry ours = new SimpleMeterRegistry();
    private final Filter springFilter;
    private final Filter ourFilter = new HttpServerRequestsFilter(ours);

    HttpServerRequestsFilterTests() {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(spring));
        springFilter = new ServerHttpObservationFilter(observations);
    }

    @Test
    void aMatchedRequestIsTaggedWithItsPatternStatusAndOutcome() throws Exception {
        both("GET", "/reservations/42", (request, response) -> matched(request, "/reservations/{id}"));

        assertThat(meters(ours))
                .isEqualTo(meters(spring))
                .containsKeys(
                        "http.server.requests{error=none,exception=none,method=GET,outcome=SUCCESS,status=200,"
                                + "uri=/reservations/{id}}",
                        "http.server.requests.active{exception=none,method=GET,outcome=SUCCESS,status=200,uri=UNKNOWN}");
    }

    @Test
    void unmatchedRequestsAreNamedByWhatHappened() throws Exception {
        both("GET", "/nothing", (request, response) -> response.setStatus(404));
        both("GET", "/moved", (request, response) -> response.setStatus(302));
        both("POST", "/refused", (request, response) -> response.setStatus(401));
        both("BREW", "/coffee", (request, response) -> response.setStatus(405));
        both("GET", "/", (request, response) -> matched(request, ""));
        both("GET", "/odd", (request, response) -> response.setStatus(299));
        both("GET", "/odder", (request, response) -> response.setStatus(99));
        both("GET", "/again", (request, response) -> response.setStatus(404));

        assertThat(meters(ours))
                .isEqualTo(meters(spring))
                .containsEntry(
                        "http.server.requests{error=none,exception=none,method=GET,outcome=CLIENT_ERROR,status=404,"
                                + "uri=NOT_FOUND}",
                        2L)
                .containsKey("http.server.requests{error=none,exception=none,method=UNKNOWN,"
                        + "outcome=CLIENT_ERROR,status=405,uri=UNKNOWN}");
    }

    @Test
    void anExceptionThatEscapesIsAServerErrorNamedAfterIt() throws Exception {
        BiConsumer<HttpServletRequest, HttpServletResponse> failing = (request, response) -> {
            matched(request, "/reservations");
            throw new IllegalStateException("broken");
        };
        for (Filter filter : new Filter[] {springFilter, ourFilter}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            assertThatThrownBy(() -> filter.doFilter(request("POST", "/reservations"), response, chain(failing)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(response.getStatus()).isEqualTo(500);
        }

        assertThat(meters(ours))
                .isEqualTo(meters(spring))
                .containsKey(
                        "http.server.requests{error=IllegalStateException,exception=IllegalStateException,method=POST,"
                                + "outcome=SERVER_ERROR,status=500,uri=/reservations}");
    }

    @Test
    void aRequestInFlightIsActive() throws Exception {
        Map<String, Integer> activeDuring = new TreeMap<>();
        for (MeterRegistry registry : new MeterRegistry[] {spring, ours}) {
            Filter filter = registry == spring ? springFilter : ourFilter;
            filter.doFilter(
                    request("GET", "/reservations"),
                    new MockHttpServletResponse(),
                    chain((request, response) -> activeDuring.put(
                            registry == spring ? "spring" : "ours",
                            registry.get("http.server.requests.active")
                                    .longTaskTimer()
                                    .activeTasks())));
        }

        assertThat(activeDuring).containsEntry("spring", 1).containsEntry("ours", 1);
        assertThat(ours.get("http.server.requests.active").longTaskTimer().activeTasks())
                .isZero();
    }

    private void both(String method, String path, BiConsumer<HttpServletRequest, HttpServletResponse> handler)
            throws Exception {
        springFilter.doFilter(request(method, path), new MockHttpServletResponse(), chain(handler));
        ourFilter.doFilter(request(method, path), new MockHttpServletResponse(), chain(handler));
    }

    /** What Spring MVC's handler mappings do on a match. */
    private static void matched(HttpServletRequest request, String pattern) {
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(context -> context.setPathPattern(pattern));
    }

    private static MockHttpServletRequest request(String method, String path) {
        return new MockHttpServletRequest(method, path);
    }

    private static MockFilterChain chain(BiConsumer<HttpServletRequest, HttpServletResponse> handler) {
        return new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                handler.accept(request, response);
            }
        });
    }

    /** Each meter by its name and sorted tags, with how many times it recorded. */
    private static Map<String, Long> meters(MeterRegistry registry) {
        Map<String, Long> meters = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            Meter.Id id = meter.getId();
            StringBuilder key = new StringBuilder(id.getName()).append('{');
            id.getTags()
                    .forEach(tag -> key.append(tag.getKey())
                            .append('=')
                            .append(tag.getValue())
                            .append(','));
            key.setCharAt(key.length() - 1, '}');
            long count = meter instanceof Timer timer
                    ? timer.count()
                    : meter instanceof LongTaskTimer active ? active.activeTasks() : -1;
            meters.put(key.toString(), count);
        }
        return meters;
    }
}
