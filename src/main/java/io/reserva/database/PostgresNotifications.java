package io.reserva.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * This node's one PostgreSQL {@code LISTEN} connection: every module that wants to hear what other nodes commit
 * subscribes to a channel here instead of holding a connection and a reconnect loop of its own.
 *
 * <p>Notifications sent while nobody listened are lost, so a subscriber also learns when its channel is
 * listened to (at the first connect and after every reconnect: the time to resync) and when the connection is
 * lost. The connection is a physical one of its own, reopened with growing pauses when it fails and checked with
 * a query every half minute (a half-open connection delivers nothing and reports nothing). Handlers run one at a
 * time on the listener's thread, in commit order; they should be quick.
 *
 * <p>It starts before the web server takes requests (waiting a few seconds for the first connection, so nothing
 * served can miss a change) and stops after it has drained them; its thread is a daemon, so it never keeps the
 * JVM alive.
 */
@Component
public class PostgresNotifications implements SmartLifecycle {

    /** The {@code application_name} of the listening connection, as {@code pg_stat_activity} shows it. */
    public static final String APPLICATION_NAME = "reserva-listener";

    /** What a subscriber hears on its channel. */
    public interface Subscriber {

        /** A notification on the channel, with its payload ({@code ""} when none was given). */
        void notified(String payload);

        /**
         * The channel is listened to, for the first time or again after the connection was lost: anything sent
         * meanwhile was not heard.
         */
        default void listening() {}

        /** The connection was lost: nothing is heard until {@link #listening()} is called again. */
        default void deaf() {}
    }

    /** A subscription; cancelling it stops the calls to its subscriber. */
    public interface Subscription {
        void cancel();
    }

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);
    private static final int POLL_MILLIS = 250;
    private static final Duration HEALTH_CHECK_EVERY = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    private static final Duration FIRST_CONNECT_WAIT = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean channelsChanged;
    private volatile boolean running;
    private volatile boolean connected;
    private volatile boolean closing;
    private volatile Thread thread;
    private volatile CountDownLatch firstAttempt = new CountDownLatch(1);

    PostgresNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Calls {@code subscriber} for every notification on {@code channel} from now on. A subscription made while
     * connected is listened to within one poll (its {@link Subscriber#listening()} says when).
     */
    public Subscription subscribe(String channel, Subscriber subscriber) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain lower-case channel name: " + channel);
        }
        subscribers
                .computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>())
                .add(subscriber);
        channelsChanged = true;
        return () -> {
            subscribers.computeIfPresent(channel, (name, list) -> {
                list.remove(subscriber);
                return list.isEmpty() ? null : list;
            });
            channelsChanged = true;
        };
    }

    /** Whether the node holds a live listening connection. */
    public boolean isConnected() {
        return connected;
    }

    /** How many times the listener has connected (a reconnect counts again). */
    public int connections() {
        return connections.get();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        firstAttempt = new CountDownLatch(1);
        Thread listener = new Thread(this::run, "postgres-notifications");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
        try {
            // A database that is not there yet does not hold up the start for long: the listener keeps trying.
            if (!firstAttempt.await(FIRST_CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The notification listener is not connected yet; it keeps trying in the background");
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
            listener.join(POLL_MILLIS * 8L);
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

    private void run() {
        Duration retry = FIRST_RETRY;
        boolean reconnecting = false;
        while (running) {
            Set<String> listened = new HashSet<>();
            try (Connection connection = open()) {
                connected = true;
                connections.incrementAndGet();
                listenToSubscribedChannels(connection, listened);
                if (reconnecting) {
                    log.info("Listening for notifications again");
                }
                retry = FIRST_RETRY;
                firstAttempt.countDown();
                poll(connection, listened);
            } catch (SQLException | RuntimeException e) {
                connected = false;
                firstAttempt.countDown();
                tellDeaf(listened);
                if (!running || closing) {
                    break;
                }
                log.warn(
                        "The notification listener lost its database connection ({}); reconnecting in {} ms",
                        e.getMessage(),
                        retry.toMillis());
                reconnecting = true;
                if (!pause(retry)) {
                    break;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            } finally {
                connected = false;
            }
        }
    }

    private void poll(Connection connection, Set<String> listened) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long nextHealthCheck = System.nanoTime() + HEALTH_CHECK_EVERY.toNanos();
        while (running) {
            if (channelsChanged) {
                listenToSubscribedChannels(connection, listened);
            }
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    dispatch(notification.getName(), notification.getParameter());
                }
            }
            if (System.nanoTime() - nextHealthCheck > 0) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                nextHealthCheck = System.nanoTime() + HEALTH_CHECK_EVERY.toNanos();
            }
        }
    }

    /** Brings the connection's channels in line with the subscriptions; new channels hear they are listened to. */
    private void listenToSubscribedChannels(Connection connection, Set<String> listened) throws SQLException {
        channelsChanged = false;
        Set<String> wanted = Set.copyOf(subscribers.keySet());
        try (Statement statement = connection.createStatement()) {
            for (String channel : wanted) {
                if (!listened.contains(channel)) {
                    // The name is checked on subscribe: lower-case letters, digits and underscores only.
                    statement.execute("listen " + channel);
                    listened.add(channel);
                    for (Subscriber subscriber : subscribersOf(channel)) {
                        call(channel, subscriber::listening);
                    }
                }
            }
            for (String channel : Set.copyOf(listened)) {
                if (!wanted.contains(channel)) {
                    statement.execute("unlisten " + channel);
                    listened.remove(channel);
                }
            }
        }
    }

    private void dispatch(String channel, String payload) {
        for (Subscriber subscriber : subscribersOf(channel)) {
            call(channel, () -> subscriber.notified(payload));
        }
    }

    private void tellDeaf(Set<String> listened) {
        for (String channel : listened) {
            for (Subscriber subscriber : subscribersOf(channel)) {
                call(channel, subscriber::deaf);
            }
        }
    }

    private List<Subscriber> subscribersOf(String channel) {
        return subscribers.getOrDefault(channel, List.of());
    }

    /** A failing subscriber is its own problem: it neither stops the others nor costs the connection. */
    private static void call(String channel, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("A subscriber to {} failed: {}", channel, e.toString());
        }
    }

    /**
     * A physical connection of its own rather than one of the pool's: it is held for as long as the node runs,
     * and a pooled connection would be retired (and its LISTEN lost) by the pool's maximum lifetime.
     */
    private Connection open() throws SQLException {
        HikariDataSource hikari =
                dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari == null) {
            return dataSource.getConnection();
        }
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

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
