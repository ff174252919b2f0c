package io.reserva.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Reserva in a child JVM on a durable data directory, for the tests that kill it ({@code kill -9}) or stop it
 * and start it again: what an operator's process manager does, which a test's own Spring context cannot show.
 */
public final class ChildApp {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private ChildApp() {}

    /**
     * Starts the app on {@code port} with the test platform key, no demo data and no rate limits, plus
     * {@code settings} (environment variables); returns once it is ready. Its output goes to
     * {@code <dataDir>/<name>.log}, which a failure to start quotes.
     */
    public static Process start(Path dataDir, String name, int port, Map<String, String> settings)
            throws IOException, InterruptedException {
        Path log = dataDir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.reserva.ReservaApplication");
        Map<String, String> environment = builder.environment();
        environment.put("RESERVA_DATA_DIR", dataDir.toString());
        environment.put("RESERVA_PORT", Integer.toString(port));
        environment.put("RESERVA_DEMO", "false");
        environment.put("RESERVA_BOOTSTRAP_ADMIN_KEY", TestApi.PLATFORM_KEY);
        environment.put("RESERVA_RATE_LIMIT_ENABLED", "false");
        environment.putAll(settings);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process app = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        TestApi api = new TestApi(port);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the app exited during start:\n" + Files.readString(log));
            }
            try {
                if (api.get(null, "/health/readiness").status() == 200) {
                    return app;
                }
            } catch (RuntimeException notYetListening) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        app.destroyForcibly();
        throw new AssertionError("the app was not ready within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
