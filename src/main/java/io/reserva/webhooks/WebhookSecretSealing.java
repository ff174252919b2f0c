package io.reserva.webhooks;

import io.reserva.shared.SecretCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps every stored webhook signing secret sealed with the current key. On every start, after the migrations
 * and before the node serves or delivers, it seals what is still in clear text (secrets stored by versions
 * before V45, which cannot seal in SQL without the key) and seals again with the current key what an older key
 * sealed (after a key rotation), so the old key can be retired once a node has started with the new one. Then it
 * validates the V45 constraint, after which the database refuses any secret that is not sealed. A value whose key
 * is not configured is left as it is and logged; its deliveries fail, saying so, until the key is configured.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSecretSealing {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecretSealing.class);

    @Bean
    SmartInitializingSingleton resealWebhookSecretsOnStart(SecretCipher cipher, DataSource dataSource) {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    int sealed = reseal(connection, cipher);
                    validateConstraint(connection);
                    connection.commit();
                    if (sealed > 0) {
                        log.info(
                                "Sealed the signing secrets of {} webhook endpoints with key {}",
                                sealed,
                                cipher.currentKeyId());
                    }
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not seal the webhook secrets with the current key", e);
            }
        };
    }

    /**
     * Seals with the current key every secret of {@code webhook_endpoints} (in the connection's search path) that
     * is in clear text or sealed with another key; returns how many rows changed. Rows another node is sealing
     * at the same moment are skipped: that node seals them.
     */
    static int reseal(Connection connection, SecretCipher cipher) throws SQLException {
        String current = SecretCipher.PREFIX + cipher.currentKeyId() + ":%";
        record Row(UUID id, String secret, String previousSecret) {}
        List<Row> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select id, secret, previous_secret from webhook_endpoints
                 where secret not like ? or previous_secret not like ?
                 for update skip locked""")) {
            select.setString(1, current);
            select.setString(2, current);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new Row(
                            rows.getObject("id", UUID.class),
                            rows.getString("secret"),
                            rows.getString("previous_secret")));
                }
            }
        }
        int changed = 0;
        int unreadable = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "update webhook_endpoints set secret = ?, previous_secret = ? where id = ?")) {
            for (Row row : due) {
                String context = WebhookEndpointRepository.secretContext(row.id());
                try {
                    update.setString(1, sealedWithCurrentKey(cipher, row.secret(), context));
                    update.setString(2, sealedWithCurrentKey(cipher, row.previousSecret(), context));
                } catch (SecretCipher.UnreadableSecretException e) {
                    unreadable++;
                    log.error("The signing secret of webhook endpoint {} cannot be read: {}", row.id(), e.getMessage());
                    continue;
                }
                update.setObject(3, row.id());
                update.addBatch();
                changed++;
            }
            if (changed > 0) {
                update.executeBatch();
            }
        }
        if (unreadable > 0) {
            log.error(
                    "{} webhook endpoints have secrets sealed with a key this server lacks; their deliveries fail"
                            + " until the key is configured (docs/operations.md)",
                    unreadable);
        }
        return changed;
    }

    /**
     * Once no clear text is left, the constraint of V45 (added {@code NOT VALID}) is checked for every row and
     * holds from then on. Cheap when it is already valid: one catalog lookup.
     */
    static void validateConstraint(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            ResultSet pending = statement.executeQuery("""
                    select not c.convalidated
                           and not exists (select 1 from webhook_endpoints
                                            where secret not like 'sealed:%' or previous_secret not like 'sealed:%')
                      from pg_constraint c
                     where c.conname = 'webhook_endpoints_secrets_sealed'
                       and c.conrelid = 'webhook_endpoints'::regclass""");
            if (pending.next() && pending.getBoolean(1)) {
                statement.execute("alter table webhook_endpoints validate constraint webhook_endpoints_secrets_sealed");
            }
        }
    }

    private static String sealedWithCurrentKey(SecretCipher cipher, String stored, String context) {
        if (stored == null || cipher.isSealedWithCurrentKey(stored)) {
            return stored;
        }
        String secret = SecretCipher.isSealed(stored) ? cipher.open(stored, context) : stored;
        return cipher.seal(secret, context);
    }
}
