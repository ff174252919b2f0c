package io.reserva.google;

import io.reserva.shared.SqlTypes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The waitlist entries Google made, each with the token that made it and the user information Google sent. */
@Repository
class GoogleWaitlistRepository {

    /** One waitlist entry made through Google. */
    record GoogleWaitlistEntry(
            UUID organizationId,
            UUID waitlistEntryId,
            String googleServiceId,
            String idempotencyToken,
            byte[] requestHash,
            String userInformation,
            Instant createdAt) {}

    private static final String COLUMNS = "organization_id, waitlist_entry_id, google_service_id, idempotency_token,"
            + " request_hash, user_information::text, created_at";

    private final JdbcClient jdbc;

    GoogleWaitlistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(GoogleWaitlistEntry entry) {
        jdbc.sql("""
                        insert into google_waitlist_entries (organization_id, waitlist_entry_id, google_service_id,
                            idempotency_token, request_hash, user_information, created_at)
                        values (:org, :entry, :service, :token, :hash, :info::jsonb, :now)
                        """)
                .param("org", entry.organizationId())
                .param("entry", entry.waitlistEntryId())
                .param("service", entry.googleServiceId())
                .param("token", entry.idempotencyToken())
                .param("hash", entry.requestHash())
                .param("info", entry.userInformation())
                .param("now", SqlTypes.timestamptz(entry.createdAt()))
                .update();
    }

    Optional<GoogleWaitlistEntry> byToken(UUID organizationId, String token) {
        return jdbc.sql("select " + COLUMNS
                        + " from google_waitlist_entries where organization_id = :org and idempotency_token = :token")
                .param("org", organizationId)
                .param("token", token)
                .query(GoogleWaitlistRepository::map)
                .optional();
    }

    Optional<GoogleWaitlistEntry> byEntry(UUID waitlistEntryId) {
        return jdbc.sql("select " + COLUMNS + " from google_waitlist_entries where waitlist_entry_id = :id")
                .param("id", waitlistEntryId)
                .query(GoogleWaitlistRepository::map)
                .optional();
    }

    /** Makes concurrent requests with one token wait for each other until the first one's transaction ends. */
    void lockToken(UUID organizationId, String token) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "google-waitlist:" + organizationId + ":" + token)
                .query((rs, n) -> 1)
                .list();
    }

    private static GoogleWaitlistEntry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new GoogleWaitlistEntry(
                rs.getObject("organization_id", UUID.class),
                rs.getObject("waitlist_entry_id", UUID.class),
                rs.getString("google_service_id"),
                rs.getString("idempotency_token"),
                rs.getBytes("request_hash"),
                rs.getString("user_information"),
                rs.getTimestamp("created_at").toInstant());
    }
}
