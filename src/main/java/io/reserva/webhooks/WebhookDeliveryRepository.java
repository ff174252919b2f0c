package io.reserva.webhooks;

import io.reserva.shared.Ids;
import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deliveries: the queue the workers claim from ({@code FOR UPDATE SKIP LOCKED}, so nodes never take the same row)
 * and the log of attempts the API shows.
 */
@Repository
class WebhookDeliveryRepository {

    private static final String COLUMNS = """
            d.id, d.organization_id, d.endpoint_id, d.event_id, d.event_type, d.status, d.attempts,
            d.next_attempt_at, d.last_attempt_at, d.last_status_code, d.last_error, d.last_duration_ms,
            d.redelivery_of, d.created_at, d.updated_at""";

    /** A delivery this node has claimed, with what it needs to send it. */
    record Claim(
            UUID deliveryId,
            UUID organizationId,
            UUID endpointId,
            int attempt,
            Instant deliveryCreatedAt,
            String url,
            String secret,
            String previousSecret,
            Instant previousSecretExpiresAt,
            Event event) {}

    /** What one attempt came to; {@code nextAttemptIn} is null when the delivery is final. */
    record Outcome(
            Claim claim,
            Instant attemptedAt,
            Integer statusCode,
            int durationMs,
            String error,
            String status,
            Duration nextAttemptIn) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final RowMapper<WebhookDelivery> mapper = WebhookDeliveryRepository::delivery;

    WebhookDeliveryRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /**
     * Claims up to {@code limit} due deliveries: at most {@code perEndpoint} per endpoint, fewer for the endpoints
     * this node already sends to ({@code busy}: endpoint → free slots), none for {@code saturated} ones. A claim
     * is a lease: the row is due again after {@code lease} unless this node reports the attempt first, which is
     * how the work of a node that died mid-attempt is taken over.
     */
    List<Claim> claim(int limit, int perEndpoint, Map<UUID, Integer> busy, Collection<UUID> saturated, Duration lease) {
        return jdbc.sql("""
                        with due as (
                            select d.id, d.endpoint_id, d.next_attempt_at
                              from webhook_deliveries d
                             where d.status = 'pending' and d.next_attempt_at <= clock_timestamp()
                               and d.endpoint_id <> all (cast(cast(:saturated as text[]) as uuid[]))
                             order by d.next_attempt_at
                             limit :scan
                        ), ranked as (
                            select due.id, due.endpoint_id,
                                   row_number() over (partition by due.endpoint_id
                                                      order by due.next_attempt_at, due.id) as rank
                              from due
                        ), allowed as (
                            select r.id
                              from ranked r
                              left join unnest(cast(cast(:busy_ids as text[]) as uuid[]), cast(:busy_free as int[]))
                                   as b(endpoint_id, free) on b.endpoint_id = r.endpoint_id
                             where r.rank <= coalesce(b.free, :per_endpoint)
                        ), picked as (
                            select d.id
                              from webhook_deliveries d
                             where d.id in (select id from allowed)
                               and d.status = 'pending' and d.next_attempt_at <= clock_timestamp()
                             order by d.next_attempt_at
                             limit :limit
                               for update of d skip locked
                        )
                        update webhook_deliveries d
                           set attempts = d.attempts + 1,
                               next_attempt_at = clock_timestamp() + make_interval(secs => :lease_seconds),
                               updated_at = now()
                          from picked, webhook_endpoints w, events e, event_data ed
                         where d.id = picked.id and w.id = d.endpoint_id and e.id = d.event_id and ed.id = e.data_id
                           and w.is_active
                        returning d.id, d.organization_id, d.endpoint_id, d.attempts, d.created_at, w.url, w.secret,
                                  w.previous_secret, w.previous_secret_expires_at, e.id as event_id, e.type, ed.data,
                                  e.changed_fields, e.created_at as event_created_at
                        """)
                .param("saturated", strings(saturated))
                .param("busy_ids", strings(busy.keySet()))
                .param("busy_free", busy.values().toArray(Integer[]::new))
                .param("per_endpoint", perEndpoint)
                .param("scan", Math.max(limit * 4, 200))
                .param("limit", limit)
                .param("lease_seconds", lease.toMillis() / 1000.0)
                .query((rs, n) -> {
                    Array changed = rs.getArray("changed_fields");
                    return new Claim(
                            rs.getObject("id", UUID.class),
                            rs.getObject("organization_id", UUID.class),
                            rs.getObject("endpoint_id", UUID.class),
                            rs.getInt("attempts"),
                            SqlTypes.instant(rs, "created_at"),
                            rs.getString("url"),
                            rs.getString("secret"),
                            rs.getString("previous_secret"),
                            SqlTypes.instant(rs, "previous_secret_expires_at"),
                            new Event(
                                    rs.getObject("event_id", UUID.class),
                                    rs.getObject("organization_id", UUID.class),
                                    rs.getString("type"),
                                    rs.getString("data"),
                                    changed == null ? null : Arrays.asList((String[]) changed.getArray()),
                                    SqlTypes.instant(rs, "event_created_at")));
                })
                .list();
    }

    /**
     * Records attempts: the delivery moves on (unless it was claimed again meanwhile, or deleted with its
     * endpoint) and each attempt joins the log. One round trip per statement for the whole batch.
     */
    void record(List<Outcome> outcomes) {
        List<MapSqlParameterSource> batch = new ArrayList<>();
        for (Outcome o : outcomes) {
            batch.add(new MapSqlParameterSource()
                    .addValue("id", o.claim().deliveryId())
                    .addValue("org", o.claim().organizationId())
                    .addValue("attempt", o.claim().attempt())
                    .addValue("status", o.status())
                    .addValue(
                            "delay_seconds",
                            o.nextAttemptIn() == null ? null : o.nextAttemptIn().toMillis() / 1000.0,
                            java.sql.Types.DOUBLE)
                    .addValue("attempted_at", SqlTypes.timestamptz(o.attemptedAt()))
                    .addValue("code", o.statusCode(), java.sql.Types.INTEGER)
                    .addValue("duration", o.durationMs())
                    .addValue("error", o.error(), java.sql.Types.VARCHAR));
        }
        MapSqlParameterSource[] parameters = batch.toArray(MapSqlParameterSource[]::new);
        named.batchUpdate("""
                update webhook_deliveries
                   set status = :status,
                       next_attempt_at = case when :status = 'pending'
                                              then clock_timestamp() + make_interval(secs => :delay_seconds) end,
                       last_attempt_at = :attempted_at, last_status_code = :code, last_error = :error,
                       last_duration_ms = :duration, updated_at = now()
                 where id = :id and attempts = :attempt and status = 'pending'
                """, parameters);
        named.batchUpdate("""
                insert into webhook_delivery_attempts (delivery_id, attempt, organization_id, attempted_at, status_code,
                                                       duration_ms, error, next_attempt_at)
                select d.id, :attempt, :org, :attempted_at, :code, :duration, :error,
                       case when d.attempts = :attempt and d.status = 'pending' then d.next_attempt_at end
                  from webhook_deliveries d
                 where d.id = :id
                on conflict do nothing
                """, parameters);
    }

    /** Gives up every pending delivery of an endpoint (it was turned off, or answered 410 Gone). */
    int failPending(UUID endpointId, String reason) {
        return jdbc.sql("""
                        update webhook_deliveries
                           set status = 'failed', next_attempt_at = null, last_error = :reason, updated_at = now()
                         where endpoint_id = :endpoint and status = 'pending'
                        """)
                .param("endpoint", endpointId)
                .param("reason", reason)
                .update();
    }

    /** A new delivery of an event to an endpoint, due now. */
    UUID queue(UUID organizationId, UUID endpointId, UUID eventId, String eventType, UUID redeliveryOf) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type, status,
                                                        next_attempt_at, redelivery_of, created_at, updated_at)
                        values (:id, :org, :endpoint, :event, :type, 'pending', clock_timestamp(), :of, now(), now())
                        """)
                .param("id", id)
                .param("org", organizationId)
                .param("endpoint", endpointId)
                .param("event", eventId)
                .param("type", eventType)
                .param("of", redeliveryOf)
                .update();
        notifyWorkers();
        return id;
    }

    /**
     * Sends again every event whose latest delivery to this endpoint since {@code since} failed; an event that
     * was delivered after all (by a redelivery) is not sent again.
     */
    int redeliverFailed(UUID organizationId, UUID endpointId, Instant since) {
        Integer count = jdbc.sql("""
                        with latest as (
                            select distinct on (d.event_id) d.id, d.event_id, d.event_type, d.status
                              from webhook_deliveries d
                             where d.organization_id = :org and d.endpoint_id = :endpoint and d.created_at >= :since
                             order by d.event_id, d.created_at desc, d.id desc
                        ), queued as (
                            insert into webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type,
                                                            status, next_attempt_at, redelivery_of, created_at,
                                                            updated_at)
                            select reserva_uuid_v7(), :org, :endpoint, l.event_id, l.event_type, 'pending',
                                   clock_timestamp(), l.id, now(), now()
                              from latest l
                             where l.status = 'failed'
                            returning 1
                        )
                        select count(*) from queued
                        """)
                .param("org", organizationId)
                .param("endpoint", endpointId)
                .param("since", SqlTypes.timestamptz(since))
                .query(Integer.class)
                .single();
        if (count > 0) {
            notifyWorkers();
        }
        return count;
    }

    void notifyWorkers() {
        jdbc.sql("select pg_notify(:channel, '')")
                .param("channel", EventRepository.CHANNEL)
                .query()
                .listOfRows();
    }

    Optional<WebhookDelivery> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_deliveries d where d.id = :id")
                .param("id", id)
                .query(mapper)
                .optional()
                .map(delivery -> delivery.withAttempts(attempts(List.of(id)).getOrDefault(id, List.of())));
    }

    Page<WebhookDelivery> list(ListQuery query, UUID organizationId) {
        Page<WebhookDelivery> page = ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "webhook_deliveries d",
                "d.organization_id = :scope_org",
                Map.of("scope_org", organizationId),
                mapper);
        Map<UUID, List<WebhookDelivery.Attempt>> log =
                attempts(page.data().stream().map(WebhookDelivery::id).toList());
        return page.map(delivery -> delivery.withAttempts(log.getOrDefault(delivery.id(), List.of())));
    }

    private Map<UUID, List<WebhookDelivery.Attempt>> attempts(List<UUID> deliveryIds) {
        Map<UUID, List<WebhookDelivery.Attempt>> log = new LinkedHashMap<>();
        if (deliveryIds.isEmpty()) {
            return log;
        }
        jdbc.sql("""
                        select delivery_id, attempt, attempted_at, status_code, duration_ms, error, next_attempt_at
                          from webhook_delivery_attempts
                         where delivery_id in (:ids)
                         order by delivery_id, attempt
                        """).param("ids", deliveryIds).query(rs -> {
            log.computeIfAbsent(rs.getObject("delivery_id", UUID.class), k -> new ArrayList<>())
                    .add(new WebhookDelivery.Attempt(
                            rs.getInt("attempt"),
                            SqlTypes.instant(rs, "attempted_at"),
                            (Integer) rs.getObject("status_code"),
                            rs.getInt("duration_ms"),
                            rs.getString("error"),
                            SqlTypes.instant(rs, "next_attempt_at")));
        });
        return log;
    }

    private static String[] strings(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    static WebhookDelivery delivery(ResultSet rs, int n) throws SQLException {
        return new WebhookDelivery(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("endpoint_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getString("status"),
                rs.getInt("attempts"),
                SqlTypes.instant(rs, "next_attempt_at"),
                SqlTypes.instant(rs, "last_attempt_at"),
                (Integer) rs.getObject("last_status_code"),
                rs.getString("last_error"),
                (Integer) rs.getObject("last_duration_ms"),
                rs.getObject("redelivery_of", UUID.class),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"),
                List.of());
    }
}
