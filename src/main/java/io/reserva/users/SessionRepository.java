package io.reserva.users;

import io.reserva.shared.SqlTypes;
import io.reserva.tenancy.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sessions in PostgreSQL, found by the SHA-256 of the cookie's secret. */
@Repository
class SessionRepository {

    /** A live session with what its membership says now (role changes apply at the next request). */
    record SessionRow(
            byte[] idHash,
            UUID userId,
            UUID organizationId,
            Role role,
            String email,
            String name,
            Instant createdAt,
            Instant lastSeenAt,
            Instant expiresAt) {}

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(byte[] idHash, UUID userId, UUID organizationId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        insert into user_sessions (id_hash, organization_id, user_id, created_at, last_seen_at, expires_at)
                        values (:hash, :org, :user, :now, :now, :expires)
                        """)
                .param("hash", idHash)
                .param("org", organizationId)
                .param("user", userId)
                .param("now", SqlTypes.timestamptz(now))
                .param("expires", SqlTypes.timestamptz(expiresAt))
                .update();
    }

    /** The session if it is neither past its absolute end nor idle since {@code idleSince}. */
    Optional<SessionRow> findLive(byte[] idHash, Instant now, Instant idleSince) {
        return jdbc.sql("""
                        select s.id_hash, s.user_id, s.organization_id, m.role, u.email, m.name,
                               s.created_at, s.last_seen_at, s.expires_at
                          from user_sessions s
                          join user_memberships m on m.organization_id = s.organization_id and m.user_id = s.user_id
                          join users u on u.id = s.user_id
                         where s.id_hash = :hash and s.expires_at > :now and s.last_seen_at > :idle_since
                        """)
                .param("hash", idHash)
                .param("now", SqlTypes.timestamptz(now))
                .param("idle_since", SqlTypes.timestamptz(idleSince))
                .query(SessionRepository::row)
                .optional();
    }

    /** The hex SHA-256s among {@code hexHashes} of sessions that are live, membership included. */
    List<String> liveAmong(Collection<String> hexHashes, Instant now, Instant idleSince) {
        return jdbc.sql("""
                        select encode(s.id_hash, 'hex')
                          from user_sessions s
                          join user_memberships m on m.organization_id = s.organization_id and m.user_id = s.user_id
                         where s.id_hash in (select decode(h, 'hex') from unnest(cast(:hashes as text[])) as h)
                           and s.expires_at > :now and s.last_seen_at > :idle_since
                        """)
                .param("hashes", hexHashes.toArray(String[]::new))
                .param("now", SqlTypes.timestamptz(now))
                .param("idle_since", SqlTypes.timestamptz(idleSince))
                .query(String.class)
                .list();
    }

    void touch(byte[] idHash, Instant now) {
        jdbc.sql("update user_sessions set last_seen_at = :now where id_hash = :hash")
                .param("hash", idHash)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    void delete(byte[] idHash) {
        jdbc.sql("delete from user_sessions where id_hash = :hash")
                .param("hash", idHash)
                .update();
    }

    int deleteAllOf(UUID userId) {
        return jdbc.sql("delete from user_sessions where user_id = :user")
                .param("user", userId)
                .update();
    }

    int deleteAllOf(UUID userId, UUID organizationId) {
        return jdbc.sql("delete from user_sessions where user_id = :user and organization_id = :org")
                .param("user", userId)
                .param("org", organizationId)
                .update();
    }

    int purgeEnded(Instant now, Instant idleSince) {
        return jdbc.sql("delete from user_sessions where expires_at <= :now or last_seen_at <= :idle_since")
                .param("now", SqlTypes.timestamptz(now))
                .param("idle_since", SqlTypes.timestamptz(idleSince))
                .update();
    }

    private static SessionRow row(ResultSet rs, int row) throws SQLException {
        return new SessionRow(
                rs.getBytes("id_hash"),
                rs.getObject("user_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                Role.fromWire(rs.getString("role")),
                rs.getString("email"),
                rs.getString("name"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "last_seen_at"),
                SqlTypes.instant(rs, "expires_at"));
    }
}
