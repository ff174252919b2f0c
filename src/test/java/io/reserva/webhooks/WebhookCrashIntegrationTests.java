package io.reserva.webhooks;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reserva.support.ChildApp;
import io.reserva.support.TestApi;
import io.reserva.support.WebhookReceiver;
import io.reserva.support.WebhookReceiver.Answer;
import io.reserva.support.WebhookReceiver.Arrival;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a user runs it, in a JVM of its own on a durable data directory, killed with SIGKILL while
 * deliveries are queued and in flight. After the restart every acknowledged change reaches the receiver.
 */
class WebhookCrashIntegrationTests {

    @TempDir
    Path dataDir;

    private Process app;
    private int port;

    @AfterEach
    void stopApp() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void afterKillMinusNineEveryAcknowledgedChangeIsStillDelivered() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // A slow receiver: work piles up queued and in flight when the node dies.
            receiver.otherwise(new Answer(200, Map.of(), 400));
            start(1);
            TestApi api = new TestApi(port);
            TestApi.Tenant tenant = api.newTenant();
            String key = tenant.adminKey();
            var endpoint = api.post(key, "/webhook-endpoints", fields("url", receiver.url("/crash")));
            TestApi.expect(endpoint, 201);
            String secret = endpoint.get("secret");

            List<String> acknowledged = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 40; i++) {
                var created = api.post(
                        key, "/contacts", fields("first_name", "Guest " + i, "email", "g" + i + "@example.com"));
                TestApi.expect(created, 201);
                acknowledged.add(created.get("id"));
            }
            receiver.await(1, a -> true, Duration.ofSeconds(30));
            app.destroyForcibly(); // SIGKILL: no shutdown hook, attempts cut off mid-flight
            app.waitFor(30, TimeUnit.SECONDS);
            assertThat(delivered(receiver))
                    .as("the crash came while deliveries were pending")
                    .hasSizeLessThan(acknowledged.size());

            receiver.otherwise(Answer.of(200));
            start(2);
            // Wait for the ids, not for a count of arrivals: delivery is at least once, so an attempt cut off by
            // the kill (or timed out on a loaded machine) arrives again, and forty arrivals can come before the
            // last acknowledged change does.
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> assertThat(delivered(receiver)).containsAll(acknowledged));
            for (Arrival arrival : receiver.arrivals()) {
                arrival.verify(secret);
                assertThat(arrival.type()).isEqualTo("contact.created");
            }
        }
    }

    /** The contacts whose {@code contact.created} reached the receiver, each once however often it arrived. */
    private static Set<String> delivered(WebhookReceiver receiver) {
        Set<String> ids = new HashSet<>();
        for (Arrival arrival : receiver.arrivals()) {
            ids.add(arrival.json().get("data").get("id").asString());
        }
        return ids;
    }

    private void start(int run) throws IOException, InterruptedException {
        ChildApp started = ChildApp.start(
                dataDir,
                "app-" + run,
                Map.of(
                        "RESERVA_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true",
                        "RESERVA_WEBHOOKS_TIMEOUT", "PT2S", // a lease of 9 s
                        "RESERVA_WEBHOOKS_POLL_INTERVAL", "PT0.2S",
                        "RESERVA_WEBHOOKS_CONCURRENCY_PER_ENDPOINT", "4"));
        app = started.process();
        port = started.port();
    }
}
