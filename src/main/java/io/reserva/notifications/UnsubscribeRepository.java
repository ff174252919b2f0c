package io.reserva.notifications;

import io.reserva.shared.SqlTypes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Unsubscribe tokens (hashed) and the contacts who unsubscribed from non-essential email. */
@Repository
class UnsubscribeRepository {

    private final JdbcClient jdbc;

    UnsubscribeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertToken(UUID organizationId, UUID contactId, byte[] tokenHash, Instant now) {
        jdbc.sql("""
                        insert into notification_unsubscribe_tokens (organization_id, contact_id, token_hash, created_at)
                        values (:org, :contact, :hash, :now)
                        """)
                .param("org", organizationId)
                .param("contact", contactId)
                .param("hash", tokenHash)
                .param("now", SqlTypes.timestamptz(now))
                .update();
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

    boolean unsubscribed(UUID organizationId, UUID contactId) {
        return contactId != null
                && jdbc.sql("""
                                select exists (select 1 from notification_unsubscribes
                                                where organization_id = :org and contact_id = :contact)
                                """)
                        .param("org", organizationId)
                        .param("contact", contactId)
                        .query(Boolean.class)
                        .single();
    }
}
