package io.reserva.notifications;

import io.reserva.shared.SqlTypes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Calendar feeds, their tokens kept only as SHA-256 hashes. */
@Repository
class CalendarFeedRepository {

    private static final String COLUMNS = "id, organization_id, resource_id, user_id, name, created_at, revoked_at";

    private final JdbcClient jdbc;

    CalendarFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CalendarFeed feed, byte[] tokenHash) {
        jdbc.sql("""
                        insert into calendar_feeds
                               (id, organization_id, resource_id, user_id, name, token_hash, created_at)
                        values (:id, :organization, :resource, :user, :name, :hash, :created)
                        """)
                .param("id", feed.id())
                .param("organization", feed.organizationId())
                .param("resource", feed.resourceId())
                .param("user", feed.userId())
                .param("name", feed.name())
                .param("hash", tokenHash)
                .param("created", SqlTypes.timestamptz(feed.createdAt()))
                .update();
    }

    List<CalendarFeed> list(UUID organizationId) {
        return jdbc.sql("select " + COLUMNS
                        + " from calendar_feeds where organization_id = :organization order by created_at, id")
                .param("organization", organizationId)
                .query(CalendarFeedRepository::map)
                .list();
    }

    Optional<CalendarFeed> find(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from calendar_feeds where organization_id = :organization and id = :id")
                .param("organization", organizationId)
                .param("id", id)
                .query(CalendarFeedRepository::map)
                .optional();
    }

    /** The live feed a token opens, if any: a revoked feed is as unknown as a wrong token. */
    Optional<CalendarFeed> findActiveByTokenHash(byte[] tokenHash) {
        return jdbc.sql("select " + COLUMNS + " from calendar_feeds where token_hash = :hash and revoked_at is null")
                .param("hash", tokenHash)
                .query(CalendarFeedRepository::map)
                .optional();
    }

    void revoke(UUID organizationId, UUID id, Instant at) {
        jdbc.sql("""
                        update calendar_feeds set revoked_at = :at
                         where organization_id = :organization and id = :id and revoked_at is null
                        """)
                .param("at", SqlTypes.timestamptz(at))
                .param("organization", organizationId)
                .param("id", id)
                .update();
    }

    /** The SEQUENCE the guest's invites for each reservation reached (none queued: absent). */
    Map<UUID, Integer> inviteSequences(UUID organizationId, Collection<UUID> reservationIds) {
        Map<UUID, Integer> sequences = new HashMap<>();
        if (reservationIds.isEmpty()) {
            return sequences;
        }
        jdbc.sql("""
                        select reservation_id, max(sequence) as sequence from notifications
                         where organization_id = :organization and reservation_id in (:ids)
                         group by reservation_id
                        """)
                .param("organization", organizationId)
                .param("ids", List.copyOf(reservationIds))
                .query((rs, row) -> sequences.put(rs.getObject("reservation_id", UUID.class), rs.getInt("sequence")))
                .list();
        return sequences;
    }

    private static CalendarFeed map(ResultSet rs, int row) throws SQLException {
        return new CalendarFeed(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("resource_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("name"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "revoked_at"));
    }
}
