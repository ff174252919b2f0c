package io.reserva.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL (initdb on the first run, then the server) on a thread of its own as soon as
 * the configuration is known, so it runs while Spring builds the application instead of after it. The
 * connection pool then waits for the server that is already on its way. Registered in
 * {@code META-INF/spring.factories}: it must run before any bean exists.
 */
class EarlyDatabaseStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Map<String, CompletableFuture<EmbeddedPostgresServer>> STARTING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (StringUtils.hasText(environment.getProperty("reserva.database.url"))
                || StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        boolean ephemeral = environment.getProperty("reserva.database.embedded-ephemeral", Boolean.class, false);
        Path dataDirectory = Path.of(environment.getProperty("reserva.data-dir", "./data"));
        int port = environment.getProperty("reserva.database.embedded-port", Integer.class, 0);
        if (!ephemeral) {
            // Here, not on the starting thread: a refusal then stops the start before Spring builds anything.
            EmbeddedPostgresServer.ensureDataDirectoryNotInUse(dataDirectory);
        }
        start(ephemeral, dataDirectory, port);
    }

    /** The server for these settings: the one already starting, or one started now. */
    static EmbeddedPostgresServer join(boolean ephemeral, Path dataDirectory, int port) {
        try {
            return start(ephemeral, dataDirectory, port).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the embedded PostgreSQL was starting", e);
        } catch (ExecutionException e) {
            STARTING.clear();
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("The embedded PostgreSQL did not start", e.getCause());
        }
    }

    private static CompletableFuture<EmbeddedPostgresServer> start(boolean ephemeral, Path dataDirectory, int port) {
        String key = ephemeral ? "ephemeral" : dataDirectory.toAbsolutePath().normalize() + ":" + port;
        return STARTING.computeIfAbsent(
                key,
                k -> CompletableFuture.supplyAsync(
                        () -> ephemeral
                                ? EmbeddedPostgresServer.ephemeral()
                                : EmbeddedPostgresServer.durable(dataDirectory, port),
                        runnable -> {
                            Thread thread = new Thread(runnable, "embedded-postgres-start");
                            thread.setDaemon(true);
                            thread.start();
                        }));
    }

    /** A durable server was stopped: the next context (a restart in the same JVM) starts a new one. */
    static void forget(EmbeddedPostgresServer server) {
        STARTING.values()
                .removeIf(future -> future.isDone() && !future.isCompletedExceptionally() && future.join() == server);
    }
}
