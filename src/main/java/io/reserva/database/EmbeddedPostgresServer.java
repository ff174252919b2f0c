package io.reserva.database;

import io.reserva.shared.Secrets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * leaves behind is stopped cleanly before the next start. It listens on loopback only and asks every connection
 * for the superuser's password (SCRAM-SHA-256), a random one generated on the first start and kept in
 * {@value #PASSWORD_FILE} beside the data (mode 600), so other users of the machine cannot read the data through
 * it. Ephemeral mode (tests) uses a temporary directory and trusts local connections.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "reserva";
    static final String SUPERUSER = "postgres";
    /** The superuser's password, in the data directory (not in PostgreSQL's own, which initdb wants empty). */
    static final String PASSWORD_FILE = "postgres.password";
    /** The first line of the pg_hba.conf this class writes; a file without it predates password authentication. */
    static final String HBA_MARK = "# Written by Reserva: every connection needs the password (SCRAM-SHA-256).";

    private static final String LOCK_FILE = "epg-lock";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static EmbeddedPostgresServer ephemeral;

    private final EmbeddedPostgres postgres;
    private final boolean shared;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, boolean shared, String password) {
        this.postgres = postgres;
        this.shared = shared;
        this.password = password;
    }

    /** The server kept under {@code dataDirectory/postgres}, started (and recovered) as needed. */
    static EmbeddedPostgresServer durable(Path dataDirectory, int port) {
        Path pgData = dataDirectory.resolve("postgres").toAbsolutePath().normalize();
        try {
            Files.createDirectories(pgData);
            ensureNotInUse(pgData);
            stopLeftoverPostmaster(pgData);
            Path passwordFile =
                    dataDirectory.resolve(PASSWORD_FILE).toAbsolutePath().normalize();
            boolean initialized = Files.exists(pgData.resolve("postgresql.conf"));
            boolean hadPassword = Files.exists(passwordFile);
            String password = hadPassword ? readPassword(passwordFile) : writeNewPassword(passwordFile);
            // A cluster of an earlier version trusted every local connection and its superuser has no password
            // (nor has one whose password file was deleted to reset it): this start gives it the password.
            boolean upgrade = initialized && !(hadPassword && writtenByUs(pgData.resolve(HBA_FILE)));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    // initdb of a new cluster: the superuser gets the password from the start, never a moment
                    // of trust (these are passed to initdb only, which runs only for a new cluster).
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("listen_addresses", "localhost")
                    // Committed means on disk: the app must lose no acknowledged booking in a crash.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setConnectConfig("password", password)
                    // Runs after initdb, before the server starts, on every start.
                    .setDataDirectoryCustomizer(directory -> writeHba(directory.toPath(), upgrade ? UPGRADE_HBA : HBA))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, false, password);
            if (upgrade) {
                server.requirePassword(pgData);
            }
            server.createDatabase();
            log.info(
                    "Embedded PostgreSQL is running on localhost:{} with its data in {}; user {}, password in {}",
                    postgres.getPort(),
                    pgData,
                    SUPERUSER,
                    passwordFile);
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
                ephemeral = new EmbeddedPostgresServer(postgres, true, null);
                ephemeral.createDatabase();
                Runtime.getRuntime().addShutdownHook(new Thread(ephemeral::stop, "embedded-postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the throwaway embedded PostgreSQL", e);
            }
        }
        return ephemeral;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, DATABASE);
    }

    /** The superuser's password; null for the ephemeral server, which trusts local connections. */
    String password() {
        return password;
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

    /**
     * Gives the superuser of a cluster started with {@link #UPGRADE_HBA} its password, then replaces that file
     * with the one that asks every connection for it. The server reloads it at once; the trust lasted from the
     * start until here, on loopback and for the superuser only.
     */
    private void requirePassword(Path pgData) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            // A password of base64url characters only: nothing in it needs quoting beyond the literal's quotes.
            statement.execute("alter role " + SUPERUSER + " with password '" + password + "'");
            writeHba(pgData, HBA);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the password of the embedded PostgreSQL", e);
        }
        log.warn(
                "The embedded PostgreSQL now asks for a password (SCRAM-SHA-256); it is kept in {}",
                pgData.getParent().resolve(PASSWORD_FILE));
    }

    static final String HBA_FILE = "pg_hba.conf";

    /** Loopback only, every user and database, and always the password (PostgreSQL refuses what matches no line). */
    static final String HBA = HBA_MARK + """

            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    /**
     * For the one start that gives an older cluster its password: the superuser over loopback, without the password
     * it does not have yet. Without {@link #HBA_MARK}, so a crash before the password is set repeats the upgrade.
     */
    static final String UPGRADE_HBA = """
            # Written by Reserva for the start that sets the superuser's password; replaced once it is set.
            host    all       postgres   127.0.0.1/32  trust
            host    all       postgres   ::1/128       trust
            """;

    private static void writeHba(Path pgData, String content) {
        Path hba = pgData.resolve(HBA_FILE);
        try {
            Path next = pgData.resolve(HBA_FILE + ".next");
            Files.writeString(next, content, StandardCharsets.UTF_8);
            Files.move(next, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + hba, e);
        }
    }

    private static boolean writtenByUs(Path hba) throws IOException {
        if (!Files.exists(hba)) {
            return false;
        }
        List<String> lines = Files.readAllLines(hba, StandardCharsets.UTF_8);
        return !lines.isEmpty() && lines.get(0).equals(HBA_MARK);
    }

    private static String readPassword(Path file) throws IOException {
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!password.matches("[A-Za-z0-9_-]{32,}")) {
            throw new IllegalStateException(file + " does not hold a password written by Reserva; delete it and"
                    + " start again to set a new one");
        }
        return password;
    }

    /** Mode 600 from the moment it exists; initdb reads its first line as the superuser's password. */
    private static String writeNewPassword(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String password = Secrets.newSecret("");
        Secrets.createOwnerOnlyFile(file);
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return password;
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
