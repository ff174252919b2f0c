package io.reserva.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable embedded server asks every connection for the superuser's password, which only the owner of the
 * data directory can read; a data directory of an earlier version (trust for every local user) is given the
 * password on its next start and keeps its data.
 */
class EmbeddedPostgresPasswordIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void aNewDataDirectoryRefusesConnectionsWithoutThePasswordFromTheStart() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.durable(dataDir, 0)) {
            Path passwordFile = dataDir.resolve(EmbeddedPostgresServer.PASSWORD_FILE);
            String password = Files.readString(passwordFile).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(43).isEqualTo(server.password());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                        .isEqualTo("rw-------");
            }
            assertOnlyThePasswordGetsIn(server.port(), password);
            assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf")))
                    .startsWith(EmbeddedPostgresServer.HBA_MARK)
                    .doesNotContain("trust");
            try (Connection connection = connect(server.port(), "postgres", password);
                    Statement statement = connection.createStatement()) {
                var settings = statement.executeQuery(
                        "select current_setting('password_encryption'), current_setting('listen_addresses'),"
                                + " (select rolpassword from pg_authid where rolname = 'postgres')");
                settings.next();
                assertThat(settings.getString(1)).isEqualTo("scram-sha-256");
                assertThat(settings.getString(2)).isEqualTo("localhost");
                assertThat(settings.getString(3)).startsWith("SCRAM-SHA-256$");
            }
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionIsGivenThePasswordAndKeepsItsData() throws Exception {
        Path pgData = dataDir.resolve("postgres");
        // What earlier versions made: initdb with trust for every local connection, and no password file.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start()) {
            try (Connection connection = connect(old.getPort(), "postgres", null);
                    Statement statement = connection.createStatement()) {
                statement.execute("create table kept (note text)");
                statement.execute("insert into kept values ('from before')");
            }
        }
        assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).contains("trust");

        try (EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.durable(dataDir, 0)) {
            String password = Files.readString(dataDir.resolve(EmbeddedPostgresServer.PASSWORD_FILE))
                    .strip();
            assertOnlyThePasswordGetsIn(upgraded.port(), password);
            assertThat(Files.readString(pgData.resolve("pg_hba.conf")))
                    .startsWith(EmbeddedPostgresServer.HBA_MARK)
                    .doesNotContain("trust");
            try (Connection connection = connect(upgraded.port(), "postgres", password);
                    Statement statement = connection.createStatement()) {
                var kept = statement.executeQuery("select note from kept");
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("from before");
            }
        }

        // The next start finds the password in place and starts with password authentication right away.
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.durable(dataDir, 0)) {
            assertOnlyThePasswordGetsIn(again.port(), again.password());
        }
    }

    private static void assertOnlyThePasswordGetsIn(int port, String password) throws SQLException {
        for (String user : new String[] {"postgres", "nobody"}) {
            assertThatThrownBy(() -> connect(port, user, null).close())
                    .as("no password, as " + user)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
        }
        assertThatThrownBy(() -> connect(port, "postgres", password + "x").close())
                .as("a wrong password")
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        try (Connection connection = connect(port, "postgres", password);
                Statement statement = connection.createStatement()) {
            var one = statement.executeQuery("select 1");
            assertThat(one.next()).isTrue();
        }
    }

    private static Connection connect(int port, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }
}
