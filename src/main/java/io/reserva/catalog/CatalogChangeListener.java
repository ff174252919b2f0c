package io.reserva.catalog;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens, on a connection of its own, for the catalog changes any node commits ({@code LISTEN reserva_catalog})
 * and drops the changed organization from this node's {@link Catalog} cache.
 *
 * <p>If the connection fails it reconnects with growing pauses and clears the whole cache on each (re)connect,
 * since notifications sent while nobody listened are lost. It starts before the web server takes requests and
 * stops after it has drained them; its thread is a daemon, so it never keeps the JVM alive.
 */
@Component
class CatalogChangeListener implements SmartLifecycle {

    static final String APPLICATION_NAME = "reserva-catalog-listener";

    private static final Logger log = LoggerFactory.getLogger(CatalogChangeListener.class);
    private static final int POLL_MILLIS = 500;
    private static final Duration HEALTH_CHECK_EVERY = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final Duration FIRST_CONNECT_WAIT = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final Catalog catalog;
    private volatile boolean running;
    private volatile boolean listening;
    private volatile boolean closing;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile String lastPayload;
    private volatile Thread thread;
    private volatile CountDownLatch firstAttempt = new CountDownLatch(1);

    CatalogChangeListener(DataSource dataSource, Catalog catalog) {
        this.dataSource = dataSource;
        this.catalog = catalog;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        firstAttempt = new CountDownLatch(1);
        Thread listener = new Thread(this::run, "catalog-change-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
        try {
            // Listen before serving, so nothing this node caches can miss a change; a database that is not there
            // yet does not hold up the start for long (the listener keeps retrying).
            if (!firstAttempt.await(FIRST_CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The catalog change listener is not connected yet; it keeps trying in the background");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread listener = thread;
        thread = null;
        if (listener == null) {
            return;
        }
        listener.interrupt();
        try {
            // The loop notices within one poll; the wait is bounded so shutdown never hangs here.
            listener.join(POLL_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server and stops after it has drained its requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /**
     * The application is closing: it keeps listening while the web server drains, but a connection lost now (the
     * embedded database stops from its own shutdown hook) is not worth a warning or a reconnect.
     */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }

    /** Whether the listener holds a live connection that is listening. */
    boolean isListening() {
        return listening;
    }

    /** How many times the listener has connected and started listening (a reconnect counts again). */
    int connections() {
        return connections.get();
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CatalogChanges.CHANNEL);
                }
                // Changes committed while nobody listened were announced to no one.
                catalog.invalidateAll();
                connections.incrementAndGet();
                listening = true;
                if (reconnecting) {
                    log.info("Listening for catalog changes again");
                }
                retry = FIRST_RETRY;
                firstAttempt.countDown();
                poll(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                catalog.invalidateAll();
                firstAttempt.countDown();
                if (!running || closing) {
                    break;
                }
                log.warn(
                        "The catalog change listener lost its database connection ({}); reconnecting in {} ms",
                        e.getMessage(),
                        retry.toMillis());
                reconnecting = true;
                if (!pause(retry)) {
                    break;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            } finally {
                listening = false;
            }
        }
    }

    private void poll(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long nextHealthCheck = System.nanoTime() + HEALTH_CHECK_EVERY.toNanos();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    invalidate(notification.getParameter());
                }
            }
            if (System.nanoTime() - nextHealthCheck > 0) {
                // A half-open connection delivers nothing and reports nothing; a query finds out.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                nextHealthCheck = System.nanoTime() + HEALTH_CHECK_EVERY.toNanos();
            }
        }
    }

    /**
     * The payload of the last notification handled. Notifications arrive in commit order, so once a marker sent
     * after some commits shows up here, those commits' notifications have been handled too.
     */
    String lastPayload() {
        return lastPayload;
    }

    private void invalidate(String payload) {
        try {
            drop(payload);
        } finally {
            lastPayload = payload;
        }
    }

    private void drop(String payload) {
        if ("*".equals(payload)) {
            catalog.invalidateAll();
            return;
        }
        try {
            catalog.invalidate(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            log.debug("Ignored a catalog notification that names no organization: {}", payload);
        }
    }

    /**
     * A physical connection of its own rather than one of the pool's: it is held for as long as the node runs,
     * and a pooled connection would be retired (and its LISTEN lost) by the pool's maximum lifetime.
     */
    private Connection open() throws SQLException {
        HikariDataSource hikari =
                dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari != null) {
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", APPLICATION_NAME);
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("socketTimeout", "60");
            return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
