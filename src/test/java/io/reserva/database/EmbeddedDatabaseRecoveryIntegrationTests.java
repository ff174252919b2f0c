package io.reserva.database;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.reserva.support.ChildApp;
import io.reserva.support.TestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a user runs it: a separate JVM on a durable data directory, killed or stopped politely.
 * Nothing it acknowledged may be lost, and the next start must not need a human. One data directory lives
 * through a whole operator's story (kill, recover, stop, start again), so the suite pays for three starts and
 * one {@code initdb} instead of four and two.
 */
class EmbeddedDatabaseRecoveryIntegrationTests {

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
        leftoverPostmaster().ifPresent(ProcessHandle::destroy);
    }

    @Test
    void afterKillMinusNineNothingAcknowledgedIsLostAndACleanStopThenKeepsItAndStopsPostgres() throws Exception {
        start(1);
        TestApi api = new TestApi(port);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; writing.get(); i++) {
                try {
                    var response = api.post(
                            TestApi.PLATFORM_KEY,
                            "/organizations",
                            fields("name", "Crash " + i, "timezone", "UTC", "currency", "EUR"));
                    if (response.status() == 201) {
                        acknowledged.add(response.get("id"));
                    }
                } catch (RuntimeException connectionLost) {
                    return;
                }
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() >= 20);
        app.destroyForcibly(); // SIGKILL mid-write: no shutdown hook runs
        app.waitFor(30, TimeUnit.SECONDS);
        writing.set(false);
        writer.join(30_000);
        assertThat(leftoverPostmaster())
                .as("the killed JVM leaves its PostgreSQL running")
                .isPresent();

        start(2);
        TestApi restarted = new TestApi(port);
        for (String id : acknowledged) {
            assertThat(restarted
                            .get(TestApi.PLATFORM_KEY, "/organizations/" + id)
                            .status())
                    .as("organization %s was acknowledged before the crash", id)
                    .isEqualTo(200);
        }
        assertThatThrownBy(() -> ChildApp.start(dataDir, "second-on-the-same-directory", Map.of()))
                .as("a second process on a data directory in use is refused in one message, no stack trace")
                .hasMessageContaining("is in use by another running Reserva process")
                .hasMessageContaining("RESERVA_DATA_DIR")
                .message()
                .doesNotContain("\tat ", "Exception");

        var survivor = restarted.post(
                TestApi.PLATFORM_KEY,
                "/organizations",
                fields("name", "Survivor", "timezone", "Europe/Paris", "currency", "EUR"));
        assertThat(survivor.status()).isEqualTo(201);

        app.destroy(); // SIGTERM, as Ctrl-C or a service manager sends
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(leftoverPostmaster()).as("PostgreSQL stopped with the app").isEmpty();

        start(3);
        assertThat(new TestApi(port)
                        .get(TestApi.PLATFORM_KEY, "/organizations/" + survivor.get("id"))
                        .status())
                .isEqualTo(200);
    }

    private void start(int run) {
        ChildApp started = ChildApp.start(dataDir, "app-" + run, Map.of());
        app = started.process();
        port = started.port();
    }

    private Optional<ProcessHandle> leftoverPostmaster() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }
}
