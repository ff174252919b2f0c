package io.reserva.google;

import io.reserva.shared.SqlTypes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner credentials (SHA-256 of each password only), installation-wide. */
@Repository
class PartnerCredentialRepository {

    private final JdbcClient jdbc;

    PartnerCredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String username, byte[] hash, Instant now) {
        jdbc.sql("""
                        insert into google_partner_credentials (id, username, secret_hash, created_at)
                        values (:id, :username, :hash, :now)
                        """)
                .param("id", id)
                .param("username", username)
                .param("hash", hash)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /** Every other credential not revoked and not bound to expire before {@code until} expires then. */
    void expireOthers(UUID keep, Instant until) {
        jdbc.sql("""
                        update google_partner_credentials set expires_at = :until
                        where id <> :keep and revoked_at is null
                          and (expires_at is null or expires_at > :until)
                        """)
                .param("keep", keep)
                .param("until", SqlTypes.timestamptz(until))
                .update();
    }

    List<PartnerCredential> all() {
        return jdbc.sql("""
                        select id, username, created_at, expires_at, revoked_at
                        from google_partner_credentials order by created_at desc, id desc
                        """).query((rs, n) -> map(rs)).list();
    }

    Optional<PartnerCredential> revoke(UUID id, Instant now) {
        return jdbc.sql("""
                        update google_partner_credentials set revoked_at = coalesce(revoked_at, :now)
                        where id = :id
                        returning id, username, created_at, expires_at, revoked_at
                        """)
                .param("id", id)
                .param("now", SqlTypes.timestamptz(now))
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The hashes of the user name's credentials valid at {@code now}: during a rotation there are two. */
    List<byte[]> validHashes(String username, Instant now) {
        return jdbc.sql("""
                        select secret_hash from google_partner_credentials
                        where username = :username and revoked_at is null
                          and (expires_at is null or expires_at > :now)
                        """)
                .param("username", username)
                .param("now", SqlTypes.timestamptz(now))
                .query((rs, n) -> rs.getBytes(1))
                .list();
    }

    private static PartnerCredential map(ResultSet rs) throws SQLException {
        return new PartnerCredential(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "expires_at"),
                SqlTypes.instant(rs, "revoked_at"));
    }
}
