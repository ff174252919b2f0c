package io.reserva.notifications;

import io.reserva.shared.SqlTypes;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Unsubscribe tokens (hashed) and the contacts who unsubscribed from non-essential email. */
@Repository
class UnsubscribeRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    UnsubscribeRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<UUID> contactOfToken(UUID organizationId, byte[] tokenHash) {
        return jdbc.sql("""
                        select contact_id from notification_unsubscribe_tokens
                         where organization_id = :org and token_hash = :hash
                        """)
                .param("org", organizationId)
                .param("hash", tokenHash)
                .query(UUID.class)
                .optional();
    }

    /** Records the unsubscribe; doing it twice keeps the first time. */
    void unsubscribe(UUID organizationId, UUID contactId, Instant now) {
        jdbc.sql("""
                        insert into notification_unsubscribes (organization_id, contact_id, created_at)
                        values (:org, :contact, :now)
                        on conflict on constraint notification_unsubscribes_pkey do nothing
                        """)
                .param("org", organizationId)
                .param("contact", contactId)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    Optional<Unsubscribe> find(UUID organizationId, UUID contactId) {
        return jdbc.sql("""
                        select contact_id, created_at from notification_unsubscribes
                         where organization_id = :org and contact_id = :contact
                        """)
                .param("org", organizationId)
                .param("contact", contactId)
                .query((rs, n) ->
                        new Unsubscribe(rs.getObject("contact_id", UUID.class), SqlTypes.instant(rs, "created_at")))
                .optional();
    }

    void resubscribe(UUID organizationId, UUID contactId) {
        jdbc.sql("delete from notification_unsubscribes where organization_id = :org and contact_id = :contact")
                .param("org", organizationId)
                .param("contact", contactId)
                .update();
    }

    /** Of these guests, the ones who unsubscribed: one query for a batch of messages. */
    Set<NotificationRepository.OrganizationContact> unsubscribed(
            Collection<NotificationRepository.OrganizationContact> contacts) {
        if (contacts.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc
                .sql("""
                        select organization_id, contact_id from notification_unsubscribes
                         where contact_id in (:contacts)
                        """)
                .param(
                        "contacts",
                        contacts.stream()
                                .map(NotificationRepository.OrganizationContact::contactId)
                                .distinct()
                                .toList())
                .query((rs, n) -> new NotificationRepository.OrganizationContact(
                        rs.getObject("organization_id", UUID.class), rs.getObject("contact_id", UUID.class)))
                .list()
                .stream()
                .filter(contacts::contains)
                .toList());
    }

    /** Stores the hashes of several new tokens in one round trip. */
    void insertTokens(List<NotificationRepository.OrganizationContact> contacts, List<byte[]> hashes, Instant now) {
        MapSqlParameterSource[] rows = new MapSqlParameterSource[contacts.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new MapSqlParameterSource()
                    .addValue("org", contacts.get(i).organizationId())
                    .addValue("contact", contacts.get(i).contactId())
                    .addValue("hash", hashes.get(i))
                    .addValue("now", SqlTypes.timestamptz(now));
        }
        batch.batchUpdate("""
                insert into notification_unsubscribe_tokens (organization_id, contact_id, token_hash, created_at)
                values (:org, :contact, :hash, :now)
                """, rows);
    }
}
