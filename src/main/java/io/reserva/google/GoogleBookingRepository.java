package io.reserva.google;

import io.reserva.shared.SqlTypes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bookings Google made, each with the token that made it and the user information Google sent. */
@Repository
class GoogleBookingRepository {

    /** One booking made through Google. */
    record GoogleBooking(
            UUID organizationId,
            UUID reservationId,
            String googleServiceId,
            String idempotencyToken,
            byte[] requestHash,
            String userId,
            String userInformation) {}

    private static final String COLUMNS = "organization_id, reservation_id, google_service_id, idempotency_token,"
            + " request_hash, user_id, user_information::text";

    private final JdbcClient jdbc;

    GoogleBookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(GoogleBooking booking, Instant now) {
        jdbc.sql("""
                        insert into google_bookings (organization_id, reservation_id, google_service_id,
                            idempotency_token, request_hash, user_id, user_information, created_at)
                        values (:org, :reservation, :service, :token, :hash, :user, :info::jsonb, :now)
                        """)
                .param("org", booking.organizationId())
                .param("reservation", booking.reservationId())
                .param("service", booking.googleServiceId())
                .param("token", booking.idempotencyToken())
                .param("hash", booking.requestHash())
                .param("user", booking.userId())
                .param("info", booking.userInformation())
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    Optional<GoogleBooking> byToken(UUID organizationId, String token) {
        return jdbc.sql("select " + COLUMNS
                        + " from google_bookings where organization_id = :org and idempotency_token = :token")
                .param("org", organizationId)
                .param("token", token)
                .query(GoogleBookingRepository::map)
                .optional();
    }

    Optional<GoogleBooking> byReservation(UUID reservationId) {
        return jdbc.sql("select " + COLUMNS + " from google_bookings where reservation_id = :id")
                .param("id", reservationId)
                .query(GoogleBookingRepository::map)
                .optional();
    }

    List<GoogleBooking> ofUser(String userId) {
        return jdbc.sql("select " + COLUMNS + " from google_bookings where user_id = :user"
                        + " order by created_at, reservation_id limit 500")
                .param("user", userId)
                .query(GoogleBookingRepository::map)
                .list();
    }

    List<GoogleBooking> ofUser(UUID organizationId, String userId) {
        return jdbc.sql("select " + COLUMNS + " from google_bookings where organization_id = :org and user_id = :user"
                        + " order by created_at, reservation_id limit 500")
                .param("org", organizationId)
                .param("user", userId)
                .query(GoogleBookingRepository::map)
                .list();
    }

    /**
     * Makes concurrent requests with the same token wait for each other until the first one's transaction ends,
     * so a retry that arrives while the booking is being made finds it instead of making another.
     */
    void lockToken(UUID organizationId, String token) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "google-booking:" + organizationId + ":" + token)
                .query((rs, n) -> 1)
                .list();
    }

    /** Makes one user's bookings at a merchant wait for each other, so the per-user checks see each other. */
    void lockUser(UUID organizationId, String userId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "google-user:" + organizationId + ":" + userId)
                .query((rs, n) -> 1)
                .list();
    }

    void setMarketingPreference(String userId, boolean receive, Instant now) {
        jdbc.sql("""
                        insert into google_marketing_preferences (user_id, user_to_receive_marketing, updated_at)
                        values (:user, :receive, :now)
                        on conflict (user_id) do update
                        set user_to_receive_marketing = excluded.user_to_receive_marketing,
                            updated_at = excluded.updated_at
                        """)
                .param("user", userId)
                .param("receive", receive)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    private static GoogleBooking map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new GoogleBooking(
                rs.getObject("organization_id", UUID.class),
                rs.getObject("reservation_id", UUID.class),
                rs.getString("google_service_id"),
                rs.getString("idempotency_token"),
                rs.getBytes("request_hash"),
                rs.getString("user_id"),
                rs.getString("user_information"));
    }
}
