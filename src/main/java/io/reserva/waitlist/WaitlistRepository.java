package io.reserva.waitlist;

import io.reserva.reservations.ContactSummary;
import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Waitlist entries in PostgreSQL, each read with its guest and its place in the queue. */
@Repository
class WaitlistRepository {

    static final String ACTIVE = "('waiting', 'offered', 'checked_in')";

    /** Active entries of the same queue (organization, day, kind) that joined earlier. */
    private static final String AHEAD = "case when e.status in " + ACTIVE
            + " then (select count(*) from waitlist_entries a where a.organization_id = e.organization_id"
            + " and a.local_date = e.local_date and a.kind = e.kind and a.status in " + ACTIVE
            + " and (a.created_at, a.id) < (e.created_at, e.id)) end as ahead";

    static final String COLUMNS = "e.*, c.id as contact_summary_id, c.first_name as contact_first_name,"
            + " c.last_name as contact_last_name, c.email as contact_email, c.phone as contact_phone,"
            + " g.first_name as typed_first_name, g.last_name as typed_last_name, g.email as typed_email,"
            + " g.phone as typed_phone, " + AHEAD;

    /** With the guest's contact, or what a guest without one typed (a booking page join, see V130). */
    static final String FROM = "waitlist_entries e"
            + " left join contacts c on c.id = e.contact_id and c.organization_id = e.organization_id"
            + " left join waitlist_guest_details g on g.organization_id = e.organization_id"
            + " and g.waitlist_entry_id = e.id";

    /** A service's local day with waiting later entries. */
    record ServiceDay(UUID serviceId, LocalDate date) {}

    /** A stored entry with its guest and, while active, how many entries of its queue are ahead. */
    record Found(WaitlistEntryRow row, ContactSummary contact, Integer ahead) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WaitlistRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(WaitlistEntryRow row) {
        jdbc.sql("""
                        insert into waitlist_entries (id, organization_id, service_id, contact_id, phone, party_size,
                            kind, local_date, window_start, window_end, notes, tags, source, status,
                            created_by_api_key_id, created_at, updated_at)
                        values (:id, :organization_id, :service_id, :contact_id, :phone, :party_size, :kind,
                            :local_date, :window_start, :window_end, :notes,
                            array(select jsonb_array_elements_text(cast(:tags as jsonb)))::text[], :source, :status,
                            :created_by, :created_at, :updated_at)
                        """)
                .param("id", row.id())
                .param("organization_id", row.organizationId())
                .param("service_id", row.serviceId())
                .param("contact_id", row.contactId())
                .param("phone", row.phone())
                .param("party_size", row.partySize())
                .param("kind", row.kind().wire())
                .param("local_date", row.localDate())
                .param("window_start", row.windowStart())
                .param("window_end", row.windowEnd())
                .param("notes", row.notes())
                .param("tags", json.writeValueAsString(row.tags()))
                .param("source", row.source().wire())
                .param("status", row.status().wire())
                .param("created_by", row.createdByApiKeyId())
                .param("created_at", SqlTypes.timestamptz(row.createdAt()))
                .param("updated_at", SqlTypes.timestamptz(row.updatedAt()))
                .update();
    }

    /** Writes every field an entry's behaviour may change. */
    void update(WaitlistEntryRow row) {
        jdbc.sql("""
                        update waitlist_entries set status = :status, notes = :notes,
                            tags = array(select jsonb_array_elements_text(cast(:tags as jsonb)))::text[],
                            offered_at = :offered_at, checked_in_at = :checked_in_at, seated_at = :seated_at,
                            cancelled_at = :cancelled_at, declined_at = :declined_at, no_show_at = :no_show_at,
                            expired_at = :expired_at, reservation_id = :reservation_id,
                            offer_reservation_id = :offer_reservation_id, offer_start = :offer_start,
                            offer_expires_at = :offer_expires_at,
                            passed_starts = array(select cast(jsonb_array_elements_text(cast(:passed as jsonb))
                                as timestamptz)),
                            quote_from_override = :quote_from, quote_to_override = :quote_to,
                            updated_at = :updated_at
                         where organization_id = :organization_id and id = :id
                        """)
                .param("status", row.status().wire())
                .param("notes", row.notes())
                .param("tags", json.writeValueAsString(row.tags()))
                .param("offered_at", ts(row.offeredAt()))
                .param("checked_in_at", ts(row.checkedInAt()))
                .param("seated_at", ts(row.seatedAt()))
                .param("cancelled_at", ts(row.cancelledAt()))
                .param("declined_at", ts(row.declinedAt()))
                .param("no_show_at", ts(row.noShowAt()))
                .param("expired_at", ts(row.expiredAt()))
                .param("reservation_id", row.reservationId())
                .param("offer_reservation_id", row.offerReservationId())
                .param("offer_start", ts(row.offerStart()))
                .param("offer_expires_at", ts(row.offerExpiresAt()))
                .param(
                        "passed",
                        json.writeValueAsString(row.passedStarts().stream()
                                .map(Instant::toString)
                                .toList()))
                .param("quote_from", ts(row.quoteFromOverride()))
                .param("quote_to", ts(row.quoteToOverride()))
                .param("updated_at", ts(row.updatedAt()))
                .param("organization_id", row.organizationId())
                .param("id", row.id())
                .update();
    }

    Optional<Found> find(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where e.organization_id = :org and e.id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query((rs, n) -> found(rs))
                .optional();
    }

    /** Locks the entry for a change in the current transaction. */
    Optional<WaitlistEntryRow> lock(UUID organizationId, UUID id) {
        return jdbc.sql("select e.* from waitlist_entries e where e.organization_id = :org and e.id = :id for update")
                .param("org", organizationId)
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    Optional<UUID> organizationOf(UUID id) {
        return jdbc.sql("select organization_id from waitlist_entries where id = :id")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    /** The entry whose open offer is this held reservation, locked. */
    Optional<WaitlistEntryRow> lockByOffer(UUID organizationId, UUID reservationId) {
        return jdbc.sql("""
                        select e.* from waitlist_entries e
                         where e.organization_id = :org and e.offer_reservation_id = :reservation
                           for update
                        """)
                .param("org", organizationId)
                .param("reservation", reservationId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    Page<Found> list(ListQuery query, Optional<UUID> organization) {
        Map<String, Object> parameters = new HashMap<>();
        String scope = "true";
        if (organization.isPresent()) {
            scope = "e.organization_id = :scope_org";
            parameters.put("scope_org", organization.get());
        }
        return ListQueries.run(jdbc, query, COLUMNS, FROM, scope, parameters, (rs, n) -> found(rs));
    }

    /**
     * Serializes joins to one queue (an organization's day and kind) for the rest of the transaction, so the
     * count against the maximum cannot be passed by two joins at once.
     */
    void lockQueue(UUID organizationId, LocalDate date, WaitlistKind kind) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "waitlist:" + organizationId + ":" + date + ":" + kind.wire())
                .query((rs, n) -> 1)
                .single();
    }

    int countActive(UUID organizationId, LocalDate date, WaitlistKind kind) {
        return jdbc.sql("select count(*) from waitlist_entries where organization_id = :org and local_date = :date"
                        + " and kind = :kind and status in " + ACTIVE)
                .param("org", organizationId)
                .param("date", date)
                .param("kind", kind.wire())
                .query(Integer.class)
                .single();
    }

    boolean phoneActive(UUID organizationId, String phone) {
        return jdbc.sql("select exists (select 1 from waitlist_entries where organization_id = :org and phone = :phone"
                        + " and status in " + ACTIVE + ")")
                .param("org", organizationId)
                .param("phone", phone)
                .query(Boolean.class)
                .single();
    }

    /** The party sizes ahead of an entry in its queue, in queue order. */
    /** The party sizes of a queue's active entries, first come first. */
    List<Integer> sizesActive(UUID organizationId, LocalDate date, WaitlistKind kind) {
        return jdbc.sql("select party_size from waitlist_entries where organization_id = :org and local_date = :date"
                        + " and kind = :kind and status in " + ACTIVE + " order by created_at, id")
                .param("org", organizationId)
                .param("date", date)
                .param("kind", kind.wire())
                .query(Integer.class)
                .list();
    }

    List<Integer> sizesAhead(WaitlistEntryRow row) {
        return jdbc.sql("""
                        select party_size from waitlist_entries a
                         where a.organization_id = :org and a.local_date = :date and a.kind = :kind
                           and a.status in ('waiting', 'offered', 'checked_in')
                           and (a.created_at, a.id) < (:created_at, :id)
                         order by a.created_at, a.id
                        """)
                .param("org", row.organizationId())
                .param("date", row.localDate())
                .param("kind", row.kind().wire())
                .param("created_at", SqlTypes.timestamptz(row.createdAt()))
                .param("id", row.id())
                .query(Integer.class)
                .list();
    }

    /**
     * The waiting later entries of a service's day, in order of joining, unlocked: the offer search locks each in
     * turn ({@link #lock}) and checks it is still waiting.
     */
    List<WaitlistEntryRow> waitingLater(UUID organizationId, UUID serviceId, LocalDate date, int limit) {
        return jdbc.sql("""
                        select e.* from waitlist_entries e
                         where e.organization_id = :org and e.service_id = :service and e.local_date = :date
                           and e.kind = 'later' and e.status = 'waiting'
                         order by e.created_at, e.id
                         limit :limit
                        """)
                .param("org", organizationId)
                .param("service", serviceId)
                .param("date", date)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * The organizations with an active entry of a day before {@code bound}: the sweeper's candidates, checked
     * against each organization's own day afterwards.
     */
    List<UUID> organizationsWithActiveBefore(LocalDate bound) {
        return jdbc.sql("select distinct organization_id from waitlist_entries where local_date < :bound"
                        + " and status in " + ACTIVE)
                .param("bound", bound)
                .query(UUID.class)
                .list();
    }

    /** The active entries of an organization whose day is before {@code bound}, oldest first. */
    List<WaitlistEntryRow> activeBefore(UUID organizationId, LocalDate bound, int limit) {
        return jdbc.sql("select e.* from waitlist_entries e where e.organization_id = :org and e.local_date < :bound"
                        + " and e.status in " + ACTIVE + " order by e.local_date, e.created_at, e.id limit :limit")
                .param("org", organizationId)
                .param("bound", bound)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** The (service, day) pairs with waiting later entries from {@code from} on, earliest day first. */
    List<ServiceDay> waitingLaterDays(UUID organizationId, LocalDate from) {
        return jdbc.sql("""
                        select distinct service_id, local_date from waitlist_entries
                         where organization_id = :org and kind = 'later' and status = 'waiting'
                           and local_date >= :from
                         order by local_date, service_id
                        """)
                .param("org", organizationId)
                .param("from", from)
                .query((rs, n) -> new ServiceDay(
                        rs.getObject("service_id", UUID.class), rs.getObject("local_date", LocalDate.class)))
                .list();
    }

    /** What a guest typed joining from a booking page, kept beside the entry (staff see it). */
    void insertGuestDetails(UUID organizationId, UUID entryId, ContactSummary typed, UUID unverifiedContactId) {
        jdbc.sql("""
                        insert into waitlist_guest_details (organization_id, waitlist_entry_id, first_name, last_name,
                            email, phone, unverified_contact_id)
                        values (:org, :entry, :first_name, :last_name, :email, :phone, :unverified)
                        """)
                .param("org", organizationId)
                .param("entry", entryId)
                .param("first_name", typed.firstName())
                .param("last_name", typed.lastName())
                .param("email", typed.email())
                .param("phone", typed.phone())
                .param("unverified", unverifiedContactId)
                .update();
    }

    private Found found(ResultSet rs) throws SQLException {
        UUID contactId = rs.getObject("contact_summary_id", UUID.class);
        ContactSummary contact = contactId == null
                ? null
                : new ContactSummary(
                        contactId,
                        rs.getString("contact_first_name"),
                        rs.getString("contact_last_name"),
                        rs.getString("contact_email"),
                        rs.getString("contact_phone"));
        if (contact == null && (rs.getString("typed_first_name") != null || rs.getString("typed_phone") != null)) {
            // A guest filed under no contact: staff call them by what they typed.
            contact = new ContactSummary(
                    null,
                    rs.getString("typed_first_name"),
                    rs.getString("typed_last_name"),
                    rs.getString("typed_email"),
                    rs.getString("typed_phone"));
        }
        long ahead = rs.getLong("ahead");
        return new Found(row(rs), contact, rs.wasNull() ? null : (int) ahead);
    }

    static WaitlistEntryRow row(ResultSet rs) throws SQLException {
        return new WaitlistEntryRow(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("service_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getString("phone"),
                rs.getInt("party_size"),
                WaitlistKind.fromWire(rs.getString("kind")),
                rs.getObject("local_date", LocalDate.class),
                rs.getObject("window_start", LocalTime.class),
                rs.getObject("window_end", LocalTime.class),
                rs.getString("notes"),
                strings(rs.getArray("tags")),
                WaitlistEntrySource.fromWire(rs.getString("source")),
                WaitlistEntryStatus.fromWire(rs.getString("status")),
                SqlTypes.instant(rs, "offered_at"),
                SqlTypes.instant(rs, "checked_in_at"),
                SqlTypes.instant(rs, "seated_at"),
                SqlTypes.instant(rs, "cancelled_at"),
                SqlTypes.instant(rs, "declined_at"),
                SqlTypes.instant(rs, "no_show_at"),
                SqlTypes.instant(rs, "expired_at"),
                rs.getObject("reservation_id", UUID.class),
                rs.getObject("offer_reservation_id", UUID.class),
                SqlTypes.instant(rs, "offer_start"),
                SqlTypes.instant(rs, "offer_expires_at"),
                instants(rs.getArray("passed_starts")),
                SqlTypes.instant(rs, "quote_from_override"),
                SqlTypes.instant(rs, "quote_to_override"),
                rs.getObject("created_by_api_key_id", UUID.class),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static List<Instant> instants(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Timestamp[]) array.getArray())
                .map(Timestamp::toInstant)
                .toList();
    }

    private static Object ts(Instant instant) {
        return instant == null ? null : SqlTypes.timestamptz(instant);
    }
}
