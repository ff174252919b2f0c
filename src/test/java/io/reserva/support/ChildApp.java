package io.reserva.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reserva in a child JVM on a durable data directory, for the tests that kill it ({@code kill -9}) or stop it
 * and start it again: what an operator's process manager does, which a test's own Spring context cannot show.
 *
 * @param process the child JVM
 * @param port the HTTP port it listens on
 */
public record ChildApp(Process process, int port) {

    /**
     * Long enough for a machine running several builds at once: at a load of 30-40 on two cores one start took
     * 111 s and another did not finish in 120 s, against 7-10 s at a load of 3-5. Only a start that hangs waits it out.
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    /** The line every start prints once it serves requests (see {@code StartupReport}). */
    private static final Pattern READY_LINE = Pattern.compile("Reserva is ready at http://localhost:(\\d+)/");

    /**
     * Starts the app with the test platform key, no demo data and no rate limits, plus {@code settings}
     * (environment variables); returns once it is ready. The child binds port 0 and reports the port it got, so
     * no other process can take the port between choosing and binding it. Its output goes to
     * {@code <dataDir>/<name>.log}, which a failure to start quotes.
     */
    public static ChildApp start(Path dataDir, String name, Map<String, String> settings) {
        Path log = dataDir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                // A short-lived server: the C1 compiler and the class-data archive start it in half the time.
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "io.reserva.ReservaApplication"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("RESERVA_DATA_DIR", dataDir.toString());
        environment.put("RESERVA_PORT", "0");
        environment.put("RESERVA_DEMO", "false");
        environment.put("RESERVA_BOOTSTRAP_ADMIN_KEY", TestApi.PLATFORM_KEY);
        environment.put("RESERVA_RATE_LIMIT_ENABLED", "false");
        environment.putAll(settings);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process app;
        try {
            app = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int port = await().atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> reportedPort(app, log), OptionalInt::isPresent)
                    .getAsInt();
            TestApi api = new TestApi(port);
            await().atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> api.get(null, "/health/readiness").status() == 200);
            return new ChildApp(app, port);
        } catch (ConditionTimeoutException | ExitedDuringStart e) {
            app.destroyForcibly();
            throw new AssertionError(e.getMessage() + ":\n" + read(log), e);
        }
    }

    /**
     * After a test: stops the child if it still runs (politely, as an operator would) and any PostgreSQL server left
     * on its data directory (a {@code kill -9} leaves one behind).
     */
    public static void cleanUp(Process app, Path dataDir) throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
        postmaster(dataDir).ifPresent(ProcessHandle::destroy);
    }

    /**
     * The PostgreSQL server running on {@code dataDir}, if any: the one a child started, which a {@code kill -9}
     * leaves behind and a polite stop must not.
     */
    public static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (NoSuchFileException stoppedMeanwhile) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OptionalInt reportedPort(Process app, Path log) {
        Matcher ready = READY_LINE.matcher(read(log));
        if (ready.find()) {
            return OptionalInt.of(Integer.parseInt(ready.group(1)));
        }
        if (!app.isAlive()) {
            throw new ExitedDuringStart();
        }
        return OptionalInt.empty();
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ExitedDuringStart extends RuntimeException {
        ExitedDuringStart() {
            super("the app exited during start");
        }
    }
}
