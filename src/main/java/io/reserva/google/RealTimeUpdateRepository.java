package io.reserva.google;

import io.reserva.shared.Ids;
import io.reserva.shared.SqlTypes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The real-time updates queued for Google and their delivery log: written in the change's own transaction, claimed
 * by the senders with {@code FOR UPDATE SKIP LOCKED} and a lease, so each is sent by one node at a time and the
 * claims of a node that died are taken over when their lease runs out.
 */
@Repository
class RealTimeUpdateRepository {

    /** A claimed update: what to build and send. */
    record Claim(
            UUID id,
            UUID organizationId,
            String kind,
            UUID reservationId,
            UUID serviceId,
            LocalDate localDate,
            int attempt) {}

    private final JdbcClient jdbc;

    RealTimeUpdateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a booking notification for a booking Google made; nothing for any other reservation. */
    void queueBooking(UUID organizationId, UUID reservationId, Instant now) {
        jdbc.sql("""
                        insert into google_rtu_deliveries
                            (id, organization_id, kind, reservation_id, status, next_attempt_at, created_at, updated_at)
                        select :id, g.organization_id, 'booking', g.reservation_id, 'pending', :now, :now, :now
                        from google_bookings g
                        where g.organization_id = :org and g.reservation_id = :reservation
                        on conflict (organization_id, reservation_id) where status = 'pending' and kind = 'booking'
                        do nothing
                        """)
                .param("id", Ids.newId())
                .param("org", organizationId)
                .param("reservation", reservationId)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /** Queues the replacement of one day; a replacement of that day already waiting is kept instead (1 or 0). */
    int queueAvailability(UUID organizationId, UUID serviceId, LocalDate date, Instant now) {
        return jdbc.sql("""
                        insert into google_rtu_deliveries (id, organization_id, kind, service_id, local_date, status,
                            next_attempt_at, created_at, updated_at)
                        values (:id, :org, 'availability', :service, :date, 'pending', :now, :now, :now)
                        on conflict (organization_id, service_id, local_date)
                            where status = 'pending' and kind = 'availability'
                        do nothing
                        """)
                .param("id", Ids.newId())
                .param("org", organizationId)
                .param("service", serviceId)
                .param("date", date)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /**
     * Claims up to {@code limit} due updates until {@code leaseUntil}, never one whose subject (a booking, or one
     * service's day) another node or thread is sending right now: each body is built from the current state when
     * it is sent, so two of them in flight at once could reach Google in the wrong order and leave it with the
     * older state (a day replaced with the booking still in it, after the cancellation's replacement).
     */
    List<Claim> claim(int limit, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                        update google_rtu_deliveries d
                        set status = 'sending', attempts = d.attempts + 1, next_attempt_at = :lease, updated_at = :now
                        where d.id in (
                            select id from google_rtu_deliveries c
                            where status in ('pending', 'sending') and next_attempt_at <= :now
                              and not exists (
                                  select 1 from google_rtu_deliveries f
                                  where f.status = 'sending' and f.next_attempt_at > :now and f.id <> c.id
                                    and f.organization_id = c.organization_id and f.kind = c.kind
                                    and f.reservation_id is not distinct from c.reservation_id
                                    and f.service_id is not distinct from c.service_id
                                    and f.local_date is not distinct from c.local_date)
                            order by next_attempt_at
                            limit :limit
                            for update skip locked)
                        returning d.id, d.organization_id, d.kind, d.reservation_id, d.service_id, d.local_date,
                            d.attempts
                        """)
                .param("limit", limit)
                .param("now", SqlTypes.timestamptz(now))
                .param("lease", SqlTypes.timestamptz(leaseUntil))
                .query(RealTimeUpdateRepository::claim)
                .list();
    }

    void succeeded(Claim claim, int statusCode, Instant now) {
        jdbc.sql("""
                        update google_rtu_deliveries
                        set status = 'succeeded', last_status_code = :code, last_error = null, updated_at = :now
                        where id = :id and attempts = :attempt
                        """)
                .param("id", claim.id())
                .param("attempt", claim.attempt())
                .param("code", statusCode)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /**
     * A failed attempt: due again at {@code retryAt}, or given up ({@code retryAt} null). An update superseded by
     * a newer one queued meanwhile is given up too: the newer one carries the state at its own sending.
     */
    void failed(Claim claim, Integer statusCode, String error, Instant retryAt, Instant now) {
        jdbc.sql("""
                        update google_rtu_deliveries d
                        set status = case when cast(:retry as timestamptz) is null or exists (
                                    select 1 from google_rtu_deliveries o
                                    where o.id <> d.id and o.status = 'pending' and o.kind = d.kind
                                      and o.organization_id = d.organization_id
                                      and o.reservation_id is not distinct from d.reservation_id
                                      and o.service_id is not distinct from d.service_id
                                      and o.local_date is not distinct from d.local_date)
                                then 'failed' else 'pending' end,
                            next_attempt_at = coalesce(cast(:retry as timestamptz), d.next_attempt_at),
                            last_status_code = :code, last_error = :error, updated_at = :now
                        where id = :id and attempts = :attempt
                        """)
                .param("id", claim.id())
                .param("attempt", claim.attempt())
                .param("code", statusCode)
                .param("error", error)
                .param("retry", SqlTypes.timestamptz(retryAt))
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /** The latest updates (of one organization, or of all when {@code organizationId} is null), newest first. */
    List<RealTimeUpdate> recent(UUID organizationId, int limit) {
        return jdbc.sql("""
                        select id, organization_id, kind, reservation_id, service_id, local_date, status, attempts,
                            next_attempt_at, last_status_code, last_error, created_at, updated_at
                        from google_rtu_deliveries
                        where cast(:org as uuid) is null or organization_id = :org
                        order by updated_at desc, id
                        limit :limit
                        """)
                .param("org", organizationId)
                .param("limit", limit)
                .query(RealTimeUpdateRepository::update)
                .list();
    }

    private static Claim claim(ResultSet rs, int n) throws SQLException {
        return new Claim(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("kind"),
                rs.getObject("reservation_id", UUID.class),
                rs.getObject("service_id", UUID.class),
                rs.getObject("local_date", LocalDate.class),
                rs.getInt("attempts"));
    }

    private static RealTimeUpdate update(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        return new RealTimeUpdate(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("kind"),
                rs.getObject("reservation_id", UUID.class),
                rs.getObject("service_id", UUID.class),
                rs.getObject("local_date", LocalDate.class),
                status,
                rs.getInt("attempts"),
                status.equals("pending") ? SqlTypes.instant(rs, "next_attempt_at") : null,
                (Integer) rs.getObject("last_status_code"),
                rs.getString("last_error"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
