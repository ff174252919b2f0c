package io.reserva.webhooks;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The events table (the outbox) and the fan-out of new events into deliveries. */
@Repository
class EventRepository {

    /** The channel every node's delivery workers listen on; a notification means "look for due work". */
    static final String CHANNEL = "reserva_webhooks";

    private static final String COLUMNS = "e.id, e.organization_id, e.type, e.data, e.changed_fields, e.created_at";

    private final JdbcClient jdbc;
    private final RowMapper<Event> mapper = EventRepository::event;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the events of one transaction and, in the same statement, queues a delivery of each to every active
     * endpoint of its organization that wants its type, and wakes the workers if anything was queued.
     */
    void insert(List<NewEvent> events) {
        int n = events.size();
        String[] ids = new String[n];
        String[] organizations = new String[n];
        String[] types = new String[n];
        String[] data = new String[n];
        String[] changed = new String[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            NewEvent event = events.get(i);
            ids[i] = event.id().toString();
            organizations[i] = event.organizationId().toString();
            types[i] = event.type();
            data[i] = event.data();
            changed[i] = event.changedFields() == null ? null : String.join(",", event.changedFields());
            times[i] = event.createdAt().toString();
        }
        jdbc.sql("""
                        with inserted as (
                            insert into events (id, organization_id, type, data, changed_fields, created_at)
                            select e.id, e.organization_id, e.type, e.data::json, string_to_array(e.changed, ','),
                                   e.created_at
                              from unnest(cast(cast(:ids as text[]) as uuid[]),
                                          cast(cast(:organizations as text[]) as uuid[]),
                                          cast(:types as text[]), cast(:data as text[]), cast(:changed as text[]),
                                          cast(cast(:times as text[]) as timestamptz[]))
                                   as e(id, organization_id, type, data, changed, created_at)
                            returning id, organization_id, type
                        ), queued as (
                            insert into webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type,
                                                            status, next_attempt_at, created_at, updated_at)
                            select reserva_uuid_v7(), i.organization_id, w.id, i.id, i.type,
                                   'pending', clock_timestamp(), now(), now()
                              from inserted i
                              join webhook_endpoints w on w.organization_id = i.organization_id and w.is_active
                                   and (cardinality(w.event_types) = 0 or i.type = any (w.event_types))
                            returning 1
                        )
                        select pg_notify(:channel, '') from (select 1 from queued limit 1) as any_queued
                        """)
                .param("ids", ids)
                .param("organizations", organizations)
                .param("types", types)
                .param("data", data)
                .param("changed", changed)
                .param("times", times)
                .param("channel", CHANNEL)
                .query()
                .listOfRows();
    }

    /** A test event for one endpoint only, whatever event types it asked for. */
    UUID insertTestEvent(NewEvent event, UUID endpointId) {
        jdbc.sql("""
                        insert into events (id, organization_id, type, data, changed_fields, created_at)
                        values (:id, :org, :type, cast(:data as json), null, :created_at)
                        """)
                .param("id", event.id())
                .param("org", event.organizationId())
                .param("type", event.type())
                .param("data", event.data())
                .param("created_at", SqlTypes.timestamptz(event.createdAt()))
                .update();
        return event.id();
    }

    Optional<Event> find(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from events e where e.organization_id = :org and e.id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(mapper)
                .optional();
    }

    Optional<Event> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from events e where e.id = :id")
                .param("id", id)
                .query(mapper)
                .optional();
    }

    Page<Event> list(ListQuery query, UUID organizationId) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "events e",
                "e.organization_id = :scope_org",
                Map.of("scope_org", organizationId),
                mapper);
    }

    /** Deletes up to {@code batch} events created before {@code cutoff} (their deliveries go with them). */
    int purge(Instant cutoff, int batch) {
        return jdbc.sql("""
                        delete from events where id in (
                            select id from events where created_at < :cutoff order by created_at limit :batch)
                        """)
                .param("cutoff", SqlTypes.timestamptz(cutoff))
                .param("batch", batch)
                .update();
    }

    static Event event(ResultSet rs, int row) throws SQLException {
        Array changed = rs.getArray("changed_fields");
        return new Event(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("type"),
                rs.getString("data"),
                changed == null ? null : Arrays.asList((String[]) changed.getArray()),
                SqlTypes.instant(rs, "created_at"));
    }
}
