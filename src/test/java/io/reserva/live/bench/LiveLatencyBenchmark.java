package io.reserva.live.bench;

import static io.reserva.support.TestApi.fields;

import io.reserva.live.SseReader;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How long a change takes to reach an open stream on this machine: 200 contacts created one after another over
 * HTTP while a stream of their organization is open. Not part of the suite ({@code bench} is excluded); run it
 * with {@code ./mvnw -q -o test -Dtest=LiveLatencyBenchmark -Djacoco.skip=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and read the numbers it prints.
 *
 * <p>Two measures, each with p50/p95/max: from the event's own {@code timestamp} (taken in the transaction, just
 * before it commits) to its arrival on the stream, the closest to "commit to receipt" a client can see; and from
 * sending the request to the arrival, which adds the request's own work.
 */
@IntegrationTest
class LiveLatencyBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int WARM_UP = 30;
    private static final int EVENTS = 200;

    @LocalServerPort
    int port;

    @Test
    void measure() {
        TestApi api = new TestApi(port);
        TestApi.Tenant tenant = api.newTenant();
        List<Double> fromEvent = new ArrayList<>();
        List<Double> fromRequest = new ArrayList<>();
        try (SseReader stream = SseReader.open(api.base(), "/events/stream", tenant.adminKey())) {
            for (int i = 0; i < WARM_UP + EVENTS; i++) {
                long sent = System.nanoTime();
                TestApi.Response created = api.post(tenant.adminKey(), "/contacts", fields("first_name", "Guest " + i));
                TestApi.expect(created, 201);
                String id = created.get("id");
                Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> find(stream, id) != null);
                SseReader.Message message = find(stream, id);
                if (i >= WARM_UP) {
                    JsonNode event = JSON.readTree(message.data());
                    Instant timestamp = Instant.parse(event.get("timestamp").asString());
                    fromEvent.add(
                            Duration.between(timestamp, message.receivedAt()).toNanos() / 1e6);
                    fromRequest.add((message.receivedNanos() - sent) / 1e6);
                }
            }
        }
        System.out.println("LIVE LATENCY over " + EVENTS + " events (ms):");
        System.out.println("  event timestamp -> received: " + summary(fromEvent));
        System.out.println("  request sent    -> received: " + summary(fromRequest));
    }

    private static SseReader.Message find(SseReader stream, String contactId) {
        return stream.events().stream()
                .filter(m -> m.data().contains(contactId))
                .findFirst()
                .orElse(null);
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(
                Locale.ROOT,
                "p50 %.1f  p95 %.1f  max %.1f",
                sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.get(sorted.size() - 1));
    }
}
