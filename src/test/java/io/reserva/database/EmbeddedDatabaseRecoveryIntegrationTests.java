package io.reserva.database;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.TestApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a user runs it: a separate JVM on a durable data directory, stopped politely or killed.
 * Nothing it acknowledged may be lost, and the next start must not need a human.
 */
class EmbeddedDatabaseRecoveryIntegrationTests {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

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
    void aCleanStopKeepsTheDataAndStopsPostgres() throws Exception {
        start(1);
        TestApi api = new TestApi(port);
        var created = api.post(
                TestApi.PLATFORM_KEY,
                "/organizations",
                fields("name", "Survivor", "timezone", "Europe/Paris", "currency", "EUR"));
        assertThat(created.status()).isEqualTo(201);

        app.destroy(); // SIGTERM, as Ctrl-C or a service manager sends
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(leftoverPostmaster()).as("PostgreSQL stopped with the app").isEmpty();

        start(2);
        assertThat(new TestApi(port)
                        .get(TestApi.PLATFORM_KEY, "/organizations/" + created.get("id"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void afterKillMinusNineTheNextStartRecoversAndLosesNothingAcknowledged() throws Exception {
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
        while (acknowledged.size() < 20) {
            Thread.sleep(20);
        }
        app.destroyForcibly(); // SIGKILL: no shutdown hook runs
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
    }

    private void start(int run) throws IOException, InterruptedException {
        port = freePort();
        Path log = dataDir.resolve("app-" + run + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.reserva.ReservaApplication");
        builder.environment().put("RESERVA_DATA_DIR", dataDir.toString());
        builder.environment().put("RESERVA_PORT", Integer.toString(port));
        builder.environment().put("RESERVA_DEMO", "false");
        builder.environment().put("RESERVA_BOOTSTRAP_ADMIN_KEY", TestApi.PLATFORM_KEY);
        builder.environment().put("RESERVA_RATE_LIMIT_ENABLED", "false");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        app = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        TestApi api = new TestApi(port);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the app exited during start:\n" + Files.readString(log));
            }
            try {
                if (api.get(null, "/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the app was not ready within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    private Optional<ProcessHandle> leftoverPostmaster() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
