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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The events table (the outbox) and the fan-out of new events into deliveries. */
@Repository
class EventRepository {

    /** The channel every node's delivery workers listen on; a notification means "look for due work". */
    static final String CHANNEL = "reserva_webhooks";

    /** An event's data is stored once per transaction (event_data), not in the event's own row. */
    private static final String COLUMNS = """
            e.id, e.organization_id, e.type, (select d.data from event_data d where d.id = e.data_id) as data,
            e.changed_fields, e.created_at""";

    private final JdbcClient jdbc;
    private final RowMapper<Event> mapper = EventRepository::event;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the events of one transaction, each distinct object's JSON once (stamped with the latest time of
     * the events that carry it, so the purge never deletes it before them), and, in the same statement, queues
     * a delivery of each event to every active endpoint of its organization that wants its type, and wakes the
     * workers if anything was queued.
     */
    void insert(List<NewEvent> events) {
        int n = events.size();
        String[] ids = new String[n];
        String[] organizations = new String[n];
        String[] types = new String[n];
        String[] dataIds = new String[n];
        String[] changed = new String[n];
        String[] times = new String[n];
        Map<UUID, NewEvent> latestPerData = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            NewEvent event = events.get(i);
            ids[i] = event.id().toString();
            organizations[i] = event.organizationId().toString();
            types[i] = event.type();
            dataIds[i] = event.dataId().toString();
            changed[i] = event.changedFields() == null ? null : String.join(",", event.changedFields());
            times[i] = event.createdAt().toString();
            latestPerData.merge(event.dataId(), event, (a, b) -> b.createdAt().isAfter(a.createdAt()) ? b : a);
        }
        List<NewEvent> carriers = List.copyOf(latestPerData.values());
        jdbc.sql("""
                        with stored as (
                            insert into event_data (id, organization_id, data, created_at)
                            select d.id, d.organization_id, d.data::json, d.created_at
                              from unnest(cast(cast(:data_ids as text[]) as uuid[]),
                                          cast(cast(:data_organizations as text[]) as uuid[]),
                                          cast(:data as text[]), cast(cast(:data_times as text[]) as timestamptz[]))
                                   as d(id, organization_id, data, created_at)
                        ), inserted as (
                            insert into events (id, organization_id, type, data_id, changed_fields, created_at)
                            select e.id, e.organization_id, e.type, e.data_id, string_to_array(e.changed, ','),
                                   e.created_at
                              from unnest(cast(cast(:ids as text[]) as uuid[]),
                                          cast(cast(:organizations as text[]) as uuid[]),
                                          cast(:types as text[]), cast(cast(:event_data_ids as text[]) as uuid[]),
                                          cast(:changed as text[]), cast(cast(:times as text[]) as timestamptz[]))
                                   as e(id, organization_id, type, data_id, changed, created_at)
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
                        union all
                        select pg_notify(:live_channel, '') from (select 1 from inserted limit 1) as any_inserted
                        """)
                .param("ids", ids)
                .param("organizations", organizations)
                .param("types", types)
                .param("event_data_ids", dataIds)
                .param("changed", changed)
                .param("data_ids", strings(carriers, event -> event.dataId().toString()))
                .param(
                        "data_organizations",
                        strings(carriers, event -> event.organizationId().toString()))
                .param("data", strings(carriers, NewEvent::data))
                .param(
                        "data_times",
                        strings(carriers, event -> event.createdAt().toString()))
                .param("times", times)
                .param("channel", CHANNEL)
                .param("live_channel", EventFeed.CHANNEL)
                .query()
                .listOfRows();
    }

    /** A test event for one endpoint only, whatever event types it asked for. */
    UUID insertTestEvent(NewEvent event, UUID endpointId) {
        jdbc.sql("""
                        with stored as (
                            insert into event_data (id, organization_id, data, created_at)
                            values (:data_id, :org, cast(:data as json), :created_at)
                        )
                        insert into events (id, organization_id, type, data_id, changed_fields, created_at)
                        values (:id, :org, :type, :data_id, null, :created_at)
                        """)
                .param("id", event.id())
                .param("data_id", event.dataId())
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

    /**
     * The events of {@code organizations} after {@code after} in commit-safe order, at most {@code limit}, and the
     * oldest transaction still running when they were read: only events of transactions below it are returned,
     * so nothing can later appear before the last one. Both come from one statement, hence one snapshot.
     */
    EventFeed.Batch feed(EventFeed.Position after, List<UUID> organizations, int limit) {
        List<FeedRow> rows = jdbc.sql("""
                        with snap as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
                        select s.xmin::text as xmin,
                               exists (select 1 from events u
                                        where u.organization_id = any (cast(cast(:orgs as text[]) as uuid[]))
                                          and u.xid >= s.xmin) as pending,
                               f.*
                          from snap s
                          left join lateral (
                              select e.xid::text as event_xid, """ + COLUMNS + """

                                from events e
                               where e.organization_id = any (cast(cast(:orgs as text[]) as uuid[]))
                                 and e.xid >= cast(:xid as xid8)
                                 and (e.xid > cast(:xid as xid8) or e.id > :id)
                                 and e.xid < s.xmin
                                 and e.type <> 'webhook.test'
                               order by e.xid, e.id
                               limit :limit) f on true
                        """)
                .param("orgs", organizations.stream().map(UUID::toString).toArray(String[]::new))
                .param("xid", Long.toUnsignedString(after.xid()))
                .param("id", after.id())
                .param("limit", limit)
                .query((rs, n) -> new FeedRow(
                        Long.parseUnsignedLong(rs.getString("xmin")),
                        rs.getBoolean("pending"),
                        rs.getObject("id") == null ? null : feedEvent(rs, n)))
                .list();
        List<EventFeed.FeedEvent> events = rows.stream()
                .map(FeedRow::event)
                .filter(java.util.Objects::nonNull)
                .toList();
        return new EventFeed.Batch(events, rows.get(0).xmin(), rows.get(0).pending());
    }

    private record FeedRow(long xmin, boolean pending, EventFeed.FeedEvent event) {}

    /** One organization's events in {@code (after, upTo]}, oldest first, at most {@code limit}. */
    List<EventFeed.FeedEvent> replay(
            UUID organizationId, EventFeed.Position after, EventFeed.Position upTo, int limit) {
        return jdbc.sql("select e.xid::text as event_xid, " + COLUMNS + """

                          from events e
                         where e.organization_id = :org
                           and e.xid >= cast(:after_xid as xid8)
                           and (e.xid > cast(:after_xid as xid8) or e.id > :after_id)
                           and e.xid <= cast(:up_to_xid as xid8)
                           and (e.xid < cast(:up_to_xid as xid8) or e.id <= :up_to_id)
                           and e.type <> 'webhook.test'
                         order by e.xid, e.id
                         limit :limit
                        """)
                .param("org", organizationId)
                .param("after_xid", Long.toUnsignedString(after.xid()))
                .param("after_id", after.id())
                .param("up_to_xid", Long.toUnsignedString(upTo.xid()))
                .param("up_to_id", upTo.id())
                .param("limit", limit)
                .query(EventRepository::feedEvent)
                .list();
    }

    /** Where one of the organization's events sits in the feed's order, if it is still kept. */
    Optional<EventFeed.Position> positionOf(UUID organizationId, UUID id) {
        return jdbc.sql("select xid::text from events where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(String.class)
                .optional()
                .map(xid -> new EventFeed.Position(Long.parseUnsignedLong(xid), id));
    }

    private static EventFeed.FeedEvent feedEvent(ResultSet rs, int row) throws SQLException {
        Event event = event(rs, row);
        return new EventFeed.FeedEvent(
                new EventFeed.Position(Long.parseUnsignedLong(rs.getString("event_xid")), event.id()),
                event.organizationId(),
                event.type(),
                event.payload());
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

    /**
     * Deletes up to {@code batch} stored objects older than {@code cutoff}. Run after the events before that
     * cutoff are gone: an object is stamped with the latest of its events' times, so none of them is left.
     */
    int purgeData(Instant cutoff, int batch) {
        return jdbc.sql("""
                        delete from event_data where id in (
                            select id from event_data where created_at < :cutoff order by created_at limit :batch)
                        """)
                .param("cutoff", SqlTypes.timestamptz(cutoff))
                .param("batch", batch)
                .update();
    }

    private static String[] strings(List<NewEvent> events, Function<NewEvent, String> value) {
        return events.stream().map(value).toArray(String[]::new);
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
