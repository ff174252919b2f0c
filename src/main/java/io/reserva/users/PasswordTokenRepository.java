package io.reserva.users;

import io.reserva.shared.SqlTypes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time links to set a password, stored as SHA-256 hashes of their tokens. */
@Repository
class PasswordTokenRepository {

    private final JdbcClient jdbc;

    PasswordTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(byte[] tokenHash, UUID organizationId, UUID userId, String purpose, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        insert into password_tokens (token_hash, organization_id, user_id, purpose, created_at, expires_at)
                        values (:hash, :org, :user, :purpose, :now, :expires)
                        """)
                .param("hash", tokenHash)
                .param("org", organizationId)
                .param("user", userId)
                .param("purpose", purpose)
                .param("now", SqlTypes.timestamptz(now))
                .param("expires", SqlTypes.timestamptz(expiresAt))
                .update();
    }

    /**
     * Marks the token used and answers its user, in one statement, so two requests racing with the same link
     * cannot both pass; empty when it is unknown, used or expired.
     */
    Optional<UUID> use(byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                        update password_tokens set used_at = :now
                         where token_hash = :hash and used_at is null and expires_at > :now
                        returning user_id
                        """)
                .param("hash", tokenHash)
                .param("now", SqlTypes.timestamptz(now))
                .query(UUID.class)
                .optional();
    }

    /** Links one organization issued stop working when the user leaves it. */
    void retireAllOf(UUID userId, UUID organizationId, Instant now) {
        jdbc.sql("update password_tokens set used_at = :now"
                        + " where user_id = :user and organization_id = :org and used_at is null")
                .param("user", userId)
                .param("org", organizationId)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /** Earlier links of the user stop working when a new one is made or a password is set. */
    void retireAllOf(UUID userId, Instant now) {
        jdbc.sql("update password_tokens set used_at = :now where user_id = :user and used_at is null")
                .param("user", userId)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }
}
