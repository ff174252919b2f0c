package io.reserva.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from binaries shipped in a Maven dependency. Durable mode keeps its data under
 * the data directory with crash-safe settings and PostgreSQL's built-in {@code C.UTF-8} collation (the same
 * order on every machine, independent of the operating system's locales), and survives a {@code kill -9} of the JVM: the postmaster it
 * leaves behind is stopped cleanly before the next start. Ephemeral mode (tests) uses a temporary directory.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "reserva";
    private static final String LOCK_FILE = "epg-lock";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static EmbeddedPostgresServer ephemeral;

    private final EmbeddedPostgres postgres;
    private final boolean shared;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, boolean shared) {
        this.postgres = postgres;
        this.shared = shared;
    }

    /** The server kept under {@code dataDirectory/postgres}, started (and recovered) as needed. */
    static EmbeddedPostgresServer durable(Path dataDirectory, int port) {
        Path pgData = dataDirectory.resolve("postgres").toAbsolutePath().normalize();
        try {
            Files.createDirectories(pgData);
            ensureNotInUse(pgData);
            stopLeftoverPostmaster(pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    // Committed means on disk: the app must lose no acknowledged booking in a crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, false);
            server.createDatabase();
            log.info("Embedded PostgreSQL is running on localhost:{} with its data in {}", postgres.getPort(), pgData);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
        }
    }

    /** One throwaway server per JVM, shared by every application context in it (test suites). */
    static synchronized EmbeddedPostgresServer ephemeral() {
        if (ephemeral == null) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setPGStartupWait(STARTUP_WAIT)
                        .setLocaleConfig("locale-provider", "builtin")
                        .setLocaleConfig("builtin-locale", "C.UTF-8")
                        .setServerConfig("max_connections", "300")
                        .start();
                ephemeral = new EmbeddedPostgresServer(postgres, true);
                ephemeral.createDatabase();
                Runtime.getRuntime().addShutdownHook(new Thread(ephemeral::stop, "embedded-postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the throwaway embedded PostgreSQL", e);
            }
        }
        return ephemeral;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        if (!shared) {
            stop();
        }
    }

    private void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Stopping the embedded PostgreSQL failed", e);
        }
    }

    private void createDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the " + DATABASE + " database", e);
        }
    }

    /** Refuses, before anything else starts, a data directory that another running process holds. */
    static void ensureDataDirectoryNotInUse(Path dataDirectory) {
        Path pgData = dataDirectory.resolve("postgres").toAbsolutePath().normalize();
        try {
            ensureNotInUse(pgData);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check the lock of " + pgData, e);
        }
    }

    /** A live Reserva process holds the lock file for as long as it runs its server: never touch its server. */
    static void ensureNotInUse(Path pgData) throws IOException {
        Path lockFile = pgData.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
                FileLock lock = file.getChannel().tryLock()) {
            if (lock == null) {
                throw new DataDirectoryInUseException(pgData.getParent());
            }
        }
    }

    /**
     * After the JVM was killed, its postmaster keeps running and holds the data directory. Ask it to shut down
     * (SIGTERM: it finishes what it has, writes a checkpoint and exits); committed data is on disk either way.
     */
    private static void stopLeftoverPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        boolean isPostgres = process.flatMap(p -> p.info().command())
                .map(command -> command.endsWith("/postgres") || command.endsWith("/postmaster"))
                .orElse(false);
        if (process.isEmpty() || !isPostgres) {
            // The pid is gone or reused by an unrelated program: the file is stale and PostgreSQL must not
            // mistake that program for a running server.
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("Found PostgreSQL (pid {}) left running by an earlier Reserva process; stopping it", pid);
        ProcessHandle postmaster = process.get();
        postmaster.destroy();
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("PostgreSQL (pid {}) did not stop within 30 s; killing it (it recovers from its log)", pid);
            postmaster.destroyForcibly();
            try {
                postmaster.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                throw new IllegalStateException("Could not stop the leftover PostgreSQL, pid " + pid);
            }
        }
    }
}
