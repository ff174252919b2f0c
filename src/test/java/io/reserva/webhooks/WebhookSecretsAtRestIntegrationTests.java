package io.reserva.webhooks;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.shared.Ids;
import io.reserva.shared.SecretCipher;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Webhook signing secrets are stored sealed: the database column never holds the secret. */
@IntegrationTest
class WebhookSecretsAtRestIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    SecretCipher cipher;

    @Test
    void theStoredColumnsHoldSealedValuesNotTheSecrets() {
        TestApi api = new TestApi(port);
        String key = api.newTenant().adminKey();
        Response created = api.post(key, "/webhook-endpoints", fields("url", "http://127.0.0.1:9/hooks/sealed"));
        TestApi.expect(created, 201);
        String first = created.get("secret");
        UUID id = UUID.fromString(created.get("id"));
        Response rotated = api.post(key, "/webhook-endpoints/" + id + "/rotate-secret", fields());
        TestApi.expect(rotated, 200);
        String second = rotated.get("secret");

        var stored = jdbc.sql("select secret, previous_secret from webhook_endpoints where id = :id")
                .param("id", id)
                .query((rs, n) -> List.of(rs.getString("secret"), rs.getString("previous_secret")))
                .single();
        String context = WebhookEndpointRepository.secretContext(id);
        assertThat(stored.get(0))
                .startsWith(SecretCipher.PREFIX + cipher.currentKeyId() + ":")
                .doesNotContain(second)
                .doesNotContain(second.substring("whsec_".length()));
        assertThat(stored.get(1)).startsWith(SecretCipher.PREFIX).doesNotContain(first.substring(6));
        assertThat(cipher.open(stored.get(0), context)).isEqualTo(second);
        assertThat(cipher.open(stored.get(1), context)).isEqualTo(first);
        assertThat(api.get(key, "/webhook-endpoints/" + id).text())
                .as("and the API never shows a secret again")
                .doesNotContain(first, second, SecretCipher.PREFIX);

        assertThatThrownBy(() -> jdbc.sql("update webhook_endpoints set secret = :clear where id = :id")
                        .param("clear", second)
                        .param("id", id)
                        .update())
                .as("the database itself refuses a secret in clear text")
                .hasMessageContaining("webhook_endpoints_secrets_sealed");
        Boolean validated = jdbc.sql(
                        "select convalidated from pg_constraint where conname = 'webhook_endpoints_secrets_sealed'")
                .query(Boolean.class)
                .single();
        assertThat(validated)
                .as("validated at start, so it holds for every row")
                .isTrue();
    }

    /**
     * A table as versions before V45 left it (secrets in clear text), in a schema of its own: V45 and the start-up
     * step seal every secret, validate the constraint, and after a key rotation seal everything again with the
     * new key.
     */
    @Test
    void clearTextFromEarlierVersionsIsSealedAtStartAndRotationSealsAgain() throws Exception {
        String schema = "secrets_" + Long.toHexString(System.nanoTime());
        UUID withPrevious = Ids.newId();
        UUID single = Ids.newId();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
            statement.execute("set search_path to " + schema + ", public");
            try {
                sealAndRotate(connection, statement, withPrevious, single);
            } finally {
                statement.execute("reset search_path");
                statement.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private void sealAndRotate(Connection connection, Statement statement, UUID withPrevious, UUID single)
            throws Exception {
        String v45 = new ClassPathResource("db/migration/V45__webhook_secrets_must_be_sealed.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        statement.execute("create table webhook_endpoints (like public.webhook_endpoints including defaults)");
        statement.execute("insert into webhook_endpoints (id, organization_id, url, secret, previous_secret,"
                + " created_at, updated_at) values"
                + " ('" + withPrevious
                + "', gen_random_uuid(), 'https://a.example', 'whsec_one', 'whsec_old', now(), now()),"
                + " ('" + single + "', gen_random_uuid(), 'https://b.example', 'whsec_two', null, now(), now())");
        statement.execute(v45);
        try {
            connection.setAutoCommit(false);
            assertThat(WebhookSecretSealing.reseal(connection, cipher)).isEqualTo(2);
            WebhookSecretSealing.validateConstraint(connection);
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        assertThat(secrets(connection, withPrevious)).allMatch(cipher::isSealedWithCurrentKey);
        assertThat(open(cipher, connection, withPrevious)).containsExactly("whsec_one", "whsec_old");
        assertThat(open(cipher, connection, single)).containsExactly("whsec_two", null);
        var validated = statement.executeQuery("select convalidated from pg_constraint"
                + " where conname = 'webhook_endpoints_secrets_sealed' and conrelid = 'webhook_endpoints'::regclass");
        validated.next();
        assertThat(validated.getBoolean(1)).isTrue();
        assertThat(WebhookSecretSealing.reseal(connection, cipher))
                .as("nothing left to do")
                .isZero();

        // Rotation: a new current key, the old one kept as a previous key until everything is sealed again.
        byte[] next = SecretCipher.newKey();
        SecretCipher rotated = new SecretCipher(next, List.of(keyOf(cipher)));
        assertThat(WebhookSecretSealing.reseal(connection, rotated)).isEqualTo(2);
        SecretCipher onlyTheNewKey = new SecretCipher(next, List.of());
        assertThat(open(onlyTheNewKey, connection, withPrevious)).containsExactly("whsec_one", "whsec_old");
        assertThat(open(onlyTheNewKey, connection, single)).containsExactly("whsec_two", null);

        // A server without the key that sealed them leaves the values as they are and says why.
        SecretCipher stranger = new SecretCipher(SecretCipher.newKey(), List.of());
        assertThat(WebhookSecretSealing.reseal(connection, stranger)).isZero();
        assertThat(open(onlyTheNewKey, connection, single)).containsExactly("whsec_two", null);
    }

    private byte[] keyOf(SecretCipher current) {
        // The test JVM's key file, as the application read it (RESERVA_SECRETS_KEY is not set in tests).
        try {
            String line = java.nio.file.Files.readAllLines(
                            java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "reserva-tests", "secrets.key"))
                    .get(0)
                    .strip();
            byte[] key = java.util.Base64.getDecoder().decode(line);
            assertThat(SecretCipher.keyId(key)).isEqualTo(current.currentKeyId());
            return key;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> secrets(Connection connection, UUID id) throws SQLException {
        try (var select =
                connection.prepareStatement("select secret, previous_secret from webhook_endpoints where id = ?")) {
            select.setObject(1, id);
            var row = select.executeQuery();
            row.next();
            return java.util.Arrays.asList(row.getString(1), row.getString(2));
        }
    }

    private static List<String> open(SecretCipher cipher, Connection connection, UUID id) throws SQLException {
        String context = WebhookEndpointRepository.secretContext(id);
        return secrets(connection, id).stream()
                .map(value -> value == null ? null : cipher.open(value, context))
                .toList();
    }
}
