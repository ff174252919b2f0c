package io.reserva.reservations;

import io.reserva.availability.Occupancy;
import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reservations and their allocations in PostgreSQL. */
@Repository
class ReservationRepository {

    static final String COLUMNS = "r.id, r.organization_id, r.service_id, r.contact_id, r.party_size,"
            + " r.start_datetime, r.end_datetime, r.occupied_from, r.occupied_until, r.status, r.source,"
            + " r.customer_notes, r.internal_notes, r.deal_id, r.company_id, r.preferred_resource_id,"
            + " r.seating_preference, r.seating_preference_met,"
            + " r.custom_fields_by_key::text as custom_fields, r.confirmation_code, r.hold_expires_at,"
            + " r.cancelled_at, r.cancelled_by, r.cancellation_reason, r.is_override, r.created_by_api_key_id,"
            + " r.created_at, r.updated_at, c.id as contact_summary_id, c.first_name as contact_first_name,"
            + " c.last_name as contact_last_name, c.email as contact_email, c.phone as contact_phone,"
            + " r.guest_first_name, r.guest_last_name, r.guest_email, r.guest_phone, r.unverified_contact_id";

    /**
     * Contacts are joined for the summary every answer carries and for searchTerm (name, email, phone); a
     * reservation without a contact still lists.
     */
    static final String FROM =
            "reservations r left join contacts c" + " on c.id = r.contact_id and c.organization_id = r.organization_id";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReservationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<ReservationRow> find(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where r.id = :id and r.organization_id = :org")
                .param("id", id)
                .param("org", organizationId)
                .query(this::map)
                .optional();
    }

    /** A row with the units it holds, as one statement reads them. */
    record Found(ReservationRow row, List<AllocationRow> units) {}

    /**
     * The reservation and its allocations in one query: one row per unit it holds (one row with null unit columns
     * when it holds none). A plain join costs PostgreSQL less than building the units as JSON, and the app reads
     * the units' columns directly instead of parsing that JSON.
     */
    Optional<Found> findWithAllocations(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + """
                        , a.resource_id as unit_resource_id, a.unit_index, a.assignment_mode,
                          lower(a.occupied) as unit_occupied_from, upper(a.occupied) as unit_occupied_until
                          from""" + " " + FROM + """
                          left join reservation_allocations a
                            on a.organization_id = r.organization_id and a.reservation_id = r.id
                         where r.id = :id and r.organization_id = :org
                         order by a.assignment_mode, a.resource_id, a.unit_index
                        """)
                .param("id", id)
                .param("org", organizationId)
                .query(rs -> {
                    if (!rs.next()) {
                        return Optional.<Found>empty();
                    }
                    ReservationRow row = map(rs, 0);
                    List<AllocationRow> units = new ArrayList<>();
                    do {
                        if (rs.getObject("unit_resource_id") != null) {
                            units.add(unit(rs, row.id()));
                        }
                    } while (rs.next());
                    return Optional.of(new Found(row, List.copyOf(units)));
                });
    }

    /**
     * The row, locked until the transaction ends: transitions of one reservation happen one at a time. Only the
     * reservation is locked ({@code of r}); its contact is read with it, not held.
     */
    Optional<ReservationRow> lock(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM
                        + " where r.id = :id and r.organization_id = :org for update of r")
                .param("id", id)
                .param("org", organizationId)
                .query(this::map)
                .optional();
    }

    Optional<UUID> organizationOf(UUID id) {
        return jdbc.sql("select organization_id from reservations where id = :id")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    /**
     * Lists reservations; {@code resourceId} keeps those holding that resource, {@code date} those starting on that
     * day of their organization's time zone (PostgreSQL turns the local midnights into instants, so a day of 23 or
     * 25 hours at a daylight-saving change is covered exactly).
     */
    Page<ReservationRow> list(ListQuery query, Optional<UUID> organization, UUID resourceId, LocalDate date) {
        List<String> scope = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        organization.ifPresent(org -> {
            scope.add("r.organization_id = :scope_org");
            parameters.put("scope_org", org);
        });
        if (resourceId != null) {
            scope.add("exists (select 1 from reservation_allocations a where a.reservation_id = r.id"
                    + " and a.organization_id = r.organization_id and a.resource_id = :scope_resource)");
            parameters.put("scope_resource", resourceId);
        }
        if (date != null) {
            // One organization's zone is read once; across organizations (a platform key) each row's own.
            String zone = organization.isPresent()
                    ? "(select o.timezone from organizations o where o.id = :scope_org)"
                    : "(select o.timezone from organizations o where o.id = r.organization_id)";
            scope.add("r.start_datetime >= (cast(:scope_date as date)::timestamp at time zone " + zone + ")"
                    + " and r.start_datetime < ((cast(:scope_date as date) + 1)::timestamp at time zone " + zone
                    + ")");
            parameters.put("scope_date", date);
        }
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                FROM,
                scope.isEmpty() ? "true" : String.join(" and ", scope),
                parameters,
                this::map);
    }

    /**
     * Every reservation of one organization starting on a day of its time zone, in start order and in short (their
     * resources left to {@link #resourceIdsOf}): the day a venue runs, whatever its size (a day is bounded by what a
     * venue can seat, so it is not paged).
     */
    List<ReservationBrief> onDay(UUID organizationId, LocalDate date) {
        return briefs(organizationId, date, """
                         where r.organization_id = :org
                           and r.start_datetime >= (cast(:date as date)::timestamp at time zone
                                   (select o.timezone from organizations o where o.id = :org))
                           and r.start_datetime < ((cast(:date as date) + 1)::timestamp at time zone
                                   (select o.timezone from organizations o where o.id = :org))
                         order by r.start_datetime, r.id
                        """);
    }

    /**
     * The reservations of one organization that started before a day of its time zone and still hold their place
     * when it begins (a party seated at 23:30 that stays past midnight), in start order and in short. Only the
     * statuses that hold a place or have been completed: the GiST index on the occupied range answers it without
     * scanning the organization's history.
     */
    List<ReservationBrief> continuingInto(UUID organizationId, LocalDate date) {
        return briefs(organizationId, date, """
                         cross join (select (cast(:date as date)::timestamp at time zone o.timezone) as day_start
                                       from organizations o where o.id = :org) d
                         where r.organization_id = :org
                           and r.status in ('held', 'pending', 'confirmed', 'seated', 'completed')
                           and tstzrange(r.occupied_from, r.occupied_until, '[)') @> d.day_start
                           and r.start_datetime < d.day_start
                           and r.end_datetime > d.day_start
                         order by r.start_datetime, r.id
                        """);
    }

    /**
     * A day's worth of reservations in short: only the columns a list or a timeline shows (a full row's custom
     * fields, hold and cancellation details and timestamps cost more to read than the rest of the day's answer).
     */
    private List<ReservationBrief> briefs(UUID organizationId, LocalDate date, String whereAndOrder) {
        return jdbc.sql("select r.id, r.service_id, r.contact_id, r.party_size, r.start_datetime, r.end_datetime,"
                        + " r.status, r.source, r.customer_notes, r.internal_notes, r.confirmation_code,"
                        + " r.is_override, c.id as contact_summary_id, c.first_name as contact_first_name,"
                        + " c.last_name as contact_last_name, c.email as contact_email, c.phone as contact_phone,"
                        + " r.guest_first_name, r.guest_last_name, r.guest_email, r.guest_phone,"
                        + " r.unverified_contact_id from " + FROM + whereAndOrder)
                .param("org", organizationId)
                .param("date", date)
                .query((rs, row) -> new ReservationBrief(
                        rs.getObject("id", UUID.class),
                        rs.getObject("service_id", UUID.class),
                        rs.getObject("contact_id", UUID.class),
                        contact(rs),
                        guest(rs),
                        rs.getInt("party_size"),
                        SqlTypes.instant(rs, "start_datetime"),
                        SqlTypes.instant(rs, "end_datetime"),
                        ReservationStatus.fromWire(rs.getString("status")),
                        ReservationSource.fromWire(rs.getString("source")),
                        rs.getString("customer_notes"),
                        rs.getString("internal_notes"),
                        List.of(),
                        rs.getString("confirmation_code"),
                        rs.getBoolean("is_override")))
                .list();
    }

    /**
     * The resources each of these reservations holds, by reservation: each resource once, in the order of
     * {@link #allocationsOf}. Reservations holding none are left out.
     */
    Map<UUID, List<UUID>> resourceIdsOf(UUID organizationId, Collection<UUID> reservationIds) {
        Map<UUID, List<UUID>> byReservation = new HashMap<>();
        if (reservationIds.isEmpty()) {
            return byReservation;
        }
        jdbc.sql("""
                        select reservation_id, resource_id
                          from reservation_allocations
                         where organization_id = :org and reservation_id in (:ids)
                         order by reservation_id, assignment_mode, resource_id, unit_index
                        """).param("org", organizationId).param("ids", reservationIds).query(rs -> {
            List<UUID> held =
                    byReservation.computeIfAbsent(rs.getObject("reservation_id", UUID.class), k -> new ArrayList<>(1));
            UUID resource = rs.getObject("resource_id", UUID.class);
            if (!held.contains(resource)) {
                held.add(resource);
            }
        });
        return byReservation;
    }

    /**
     * Inserts a reservation with its allocation rows in one statement (one round trip). Returns false, inserting
     * nothing, when the confirmation code is already taken in the organization: the caller draws another. The
     * exclusion constraint {@code reservation_allocations_no_overlap} is the final word on the allocations: a
     * unit already held over an overlapping interval fails the statement with SQLState 23P01.
     */
    boolean insertWithAllocations(ReservationRow row, List<AllocationRow> units) {
        Map<String, Object> parameters = parameters(row);
        parameters.put("units", unitsJson(units));
        return jdbc.sql("""
                        with inserted as (
                            insert into reservations (id, organization_id, service_id, contact_id, party_size,
                                start_datetime, end_datetime, occupied_from, occupied_until, status, source,
                                customer_notes, internal_notes, deal_id, company_id, preferred_resource_id,
                                seating_preference, seating_preference_met,
                                custom_fields_by_key, confirmation_code, hold_expires_at, cancelled_at,
                                cancelled_by, cancellation_reason, is_override, created_by_api_key_id, created_at,
                                updated_at, guest_first_name, guest_last_name, guest_email, guest_phone,
                                unverified_contact_id)
                            values (:id, :organization_id, :service_id, :contact_id, :party_size, :start_datetime,
                                :end_datetime, :occupied_from, :occupied_until, :status, :source, :customer_notes,
                                :internal_notes, :deal_id, :company_id, :preferred_resource_id,
                                :seating_preference, :seating_preference_met,
                                cast(:custom_fields as jsonb), :confirmation_code, :hold_expires_at, :cancelled_at,
                                :cancelled_by, :cancellation_reason, :is_override, :created_by_api_key_id,
                                :created_at, :updated_at, :guest_first_name, :guest_last_name, :guest_email,
                                :guest_phone, :unverified_contact_id)
                            on conflict (organization_id, confirmation_code) do nothing
                            returning id, organization_id
                        ), allocated as (
                            insert into reservation_allocations (organization_id, reservation_id, resource_id,
                                unit_index, assignment_mode, occupied)
                            select i.organization_id, i.id, u.resource_id, u.unit_index, u.assignment_mode,
                                   tstzrange(u.occupied_from, u.occupied_until, '[)')
                              from inserted i
                             cross join jsonb_to_recordset(cast(:units as jsonb)) as u(resource_id uuid,
                                   unit_index integer, assignment_mode text, occupied_from timestamptz,
                                   occupied_until timestamptz)
                        )
                        select count(*) from inserted
                        """).params(parameters).query(Integer.class).single() == 1;
    }

    void update(ReservationRow row) {
        jdbc.sql("""
                        update reservations set service_id = :service_id, contact_id = :contact_id,
                            party_size = :party_size, start_datetime = :start_datetime,
                            end_datetime = :end_datetime, occupied_from = :occupied_from,
                            occupied_until = :occupied_until, status = :status, customer_notes = :customer_notes,
                            internal_notes = :internal_notes, deal_id = :deal_id, company_id = :company_id,
                            preferred_resource_id = :preferred_resource_id,
                            seating_preference = :seating_preference,
                            seating_preference_met = :seating_preference_met,
                            custom_fields_by_key = cast(:custom_fields as jsonb), hold_expires_at = :hold_expires_at,
                            cancelled_at = :cancelled_at, cancelled_by = :cancelled_by,
                            cancellation_reason = :cancellation_reason, is_override = :is_override,
                            updated_at = :updated_at, guest_first_name = :guest_first_name,
                            guest_last_name = :guest_last_name, guest_email = :guest_email,
                            guest_phone = :guest_phone, unverified_contact_id = :unverified_contact_id
                        where id = :id and organization_id = :organization_id
                        """).params(parameters(row)).update();
    }

    /**
     * Inserts the allocation rows in one statement. The exclusion constraint
     * {@code reservation_allocations_no_overlap} is the final word: a unit already held over an overlapping
     * interval fails the statement with SQLState 23P01.
     */
    void insertAllocations(UUID organizationId, List<AllocationRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into reservation_allocations (organization_id, reservation_id, resource_id,
                            unit_index, assignment_mode, occupied)
                        select :org, u.reservation_id, u.resource_id, u.unit_index, u.assignment_mode,
                               tstzrange(u.occupied_from, u.occupied_until, '[)')
                          from jsonb_to_recordset(cast(:units as jsonb)) as u(reservation_id uuid, resource_id uuid,
                               unit_index integer, assignment_mode text, occupied_from timestamptz,
                               occupied_until timestamptz)
                        """)
                .param("org", organizationId)
                .param("units", unitsJson(rows))
                .update();
    }

    private String unitsJson(List<AllocationRow> rows) {
        return json.writeValueAsString(rows.stream()
                .map(row -> Map.of(
                        "reservation_id", row.reservationId().toString(),
                        "resource_id", row.resourceId().toString(),
                        "unit_index", row.unitIndex(),
                        "assignment_mode", row.assignmentMode(),
                        "occupied_from", row.occupiedFrom().toString(),
                        "occupied_until", row.occupiedUntil().toString()))
                .toList());
    }

    void deleteAllocations(UUID organizationId, UUID reservationId) {
        jdbc.sql("delete from reservation_allocations where organization_id = :org and reservation_id = :id")
                .param("org", organizationId)
                .param("id", reservationId)
                .update();
    }

    /** Hands a shared-seating allocation over to another party of the same start, so it keeps its room. */
    void moveAllocations(UUID organizationId, UUID from, UUID to) {
        jdbc.sql("update reservation_allocations set reservation_id = :to"
                        + " where organization_id = :org and reservation_id = :from")
                .param("org", organizationId)
                .param("from", from)
                .param("to", to)
                .update();
    }

    /** Ends the allocations at {@code until} when that is earlier: what a reservation completed early frees. */
    void shortenAllocations(UUID organizationId, UUID reservationId, Instant until) {
        jdbc.sql("""
                        update reservation_allocations
                           set occupied = tstzrange(lower(occupied), greatest(lower(occupied), :until), '[)')
                         where organization_id = :org and reservation_id = :id and upper(occupied) > :until
                        """)
                .param("org", organizationId)
                .param("id", reservationId)
                .param("until", SqlTypes.timestamptz(until))
                .update();
    }

    Map<UUID, List<AllocationRow>> allocationsOf(UUID organizationId, Collection<UUID> reservationIds) {
        Map<UUID, List<AllocationRow>> byReservation = new LinkedHashMap<>();
        if (reservationIds.isEmpty()) {
            return byReservation;
        }
        jdbc.sql("""
                        select reservation_id, resource_id as unit_resource_id, unit_index, assignment_mode,
                               lower(occupied) as unit_occupied_from, upper(occupied) as unit_occupied_until
                          from reservation_allocations
                         where organization_id = :org and reservation_id in (:ids)
                         order by reservation_id, assignment_mode, resource_id, unit_index
                        """)
                .param("org", organizationId)
                .param("ids", reservationIds)
                .query((rs, row) -> unit(rs, rs.getObject("reservation_id", UUID.class)))
                .list()
                .forEach(row -> byReservation
                        .computeIfAbsent(row.reservationId(), k -> new ArrayList<>())
                        .add(row));
        return byReservation;
    }

    /**
     * A unit of a reservation from its {@code unit_}-named columns, as {@link #allocationsOf} and
     * {@link #findWithAllocations} select them (the reservation's own row has {@code occupied_from} too).
     */
    private static AllocationRow unit(ResultSet rs, UUID reservationId) throws SQLException {
        return new AllocationRow(
                reservationId,
                rs.getObject("unit_resource_id", UUID.class),
                rs.getInt("unit_index"),
                rs.getString("assignment_mode"),
                SqlTypes.instant(rs, "unit_occupied_from"),
                SqlTypes.instant(rs, "unit_occupied_until"));
    }

    /** Another occupying party of the same shared start, to hand the allocation to. */
    Optional<UUID> otherPartyAtStart(UUID organizationId, UUID serviceId, Instant start, UUID except, Instant now) {
        return jdbc.sql("""
                        select id from reservations
                         where organization_id = :org and service_id = :service and start_datetime = :start
                           and id <> :except and status in ('held', 'pending', 'confirmed', 'seated')
                           and not (status = 'held' and hold_expires_at <= :now)
                         order by created_at limit 1
                        """)
                .param("org", organizationId)
                .param("service", serviceId)
                .param("start", SqlTypes.timestamptz(start))
                .param("except", except)
                .param("now", SqlTypes.timestamptz(now))
                .query(UUID.class)
                .optional();
    }

    /**
     * Marks the organization's lapsed holds expired and frees their allocations, so they cannot stand in the
     * way of the booking that follows in the same transaction. Returns the ids it expired.
     */
    List<UUID> expireLapsedHolds(UUID organizationId, Instant now) {
        List<UUID> expired = jdbc.sql("""
                        update reservations set status = 'expired', hold_expires_at = null, updated_at = :now
                         where organization_id = :org and status = 'held' and hold_expires_at <= :now
                        returning id
                        """)
                .param("org", organizationId)
                .param("now", SqlTypes.timestamptz(now))
                .query(UUID.class)
                .list();
        if (!expired.isEmpty()) {
            jdbc.sql("delete from reservation_allocations where organization_id = :org and reservation_id in (:ids)")
                    .param("org", organizationId)
                    .param("ids", expired)
                    .update();
        }
        return expired;
    }

    /** Organizations with lapsed holds, for the sweeper. */
    List<UUID> organizationsWithLapsedHolds(Instant now) {
        return jdbc.sql("select distinct organization_id from reservations where status = 'held'"
                        + " and hold_expires_at <= :now")
                .param("now", SqlTypes.timestamptz(now))
                .query(UUID.class)
                .list();
    }

    /**
     * Serializes bookings that count against one start of one service (slot capacity, shared seating): the
     * row lock is held until the booking transaction ends.
     */
    void lockSlot(UUID organizationId, UUID serviceId, Instant start) {
        jdbc.sql("""
                        insert into reservation_slot_locks (organization_id, service_id, start_datetime)
                        values (:org, :service, :start)
                        on conflict (organization_id, service_id, start_datetime)
                        do update set start_datetime = excluded.start_datetime
                        """)
                .param("org", organizationId)
                .param("service", serviceId)
                .param("start", SqlTypes.timestamptz(start))
                .update();
    }

    /**
     * What occupies the organization's resources over [from, to): one row per allocated unit, and one row
     * without a resource for a reservation that holds none (it still counts against slot capacity). Holds
     * that lapsed are left out even before the sweeper marks them.
     *
     * <p>The allocations are looked up per reservation through their primary key ({@code offset 0} keeps the
     * planner from turning this into a join over all of the organization's allocations, which it did for a
     * young organization whose statistics said "no rows": cost grew with every reservation ever made).
     */
    List<Occupancy> occupancies(UUID organizationId, Instant from, Instant to, Instant now) {
        return jdbc
                .sql("""
                        select r.id, r.service_id, a.resource_id, coalesce(a.unit_index, 0) as unit_index,
                               r.start_datetime, r.end_datetime,
                               coalesce(lower(a.occupied), r.occupied_from) as occupied_from,
                               coalesce(upper(a.occupied), r.occupied_until) as occupied_until, r.party_size
                          from reservations r
                          left join lateral (
                              select a.resource_id, a.unit_index, a.occupied
                                from reservation_allocations a
                               where a.organization_id = r.organization_id and a.reservation_id = r.id
                              offset 0
                          ) a on true
                         where r.organization_id = :org
                           and r.status in ('held', 'pending', 'confirmed', 'seated', 'completed')
                           and not (r.status = 'held' and r.hold_expires_at <= :now)
                           and tstzrange(r.occupied_from, r.occupied_until, '[)') && tstzrange(:from, :to, '[)')
                        """)
                .param("org", organizationId)
                .param("from", SqlTypes.timestamptz(from))
                .param("to", SqlTypes.timestamptz(to))
                .param("now", SqlTypes.timestamptz(now))
                .query((rs, row) -> occupancy(rs))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static Occupancy occupancy(ResultSet rs) throws SQLException {
        Instant start = SqlTypes.instant(rs, "start_datetime");
        Instant occupiedFrom = SqlTypes.instant(rs, "occupied_from");
        Instant occupiedUntil = SqlTypes.instant(rs, "occupied_until");
        // A reservation completed early occupies only until it was completed (plus its buffer).
        Instant end = SqlTypes.instant(rs, "end_datetime");
        Instant effectiveEnd = end.isAfter(occupiedUntil) ? occupiedUntil : end;
        if (!start.isBefore(effectiveEnd) || occupiedFrom.isAfter(start)) {
            return null;
        }
        return new Occupancy(
                rs.getObject("id", UUID.class),
                rs.getObject("service_id", UUID.class),
                rs.getObject("resource_id", UUID.class),
                rs.getInt("unit_index"),
                start,
                effectiveEnd,
                occupiedFrom,
                occupiedUntil,
                rs.getInt("party_size"));
    }

    private Map<String, Object> parameters(ReservationRow row) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", row.id());
        map.put("organization_id", row.organizationId());
        map.put("service_id", row.serviceId());
        map.put("contact_id", row.contactId());
        map.put("party_size", row.partySize());
        map.put("start_datetime", SqlTypes.timestamptz(row.startDatetime()));
        map.put("end_datetime", SqlTypes.timestamptz(row.endDatetime()));
        map.put("occupied_from", SqlTypes.timestamptz(row.occupiedFrom()));
        map.put("occupied_until", SqlTypes.timestamptz(row.occupiedUntil()));
        map.put("status", row.status().wire());
        map.put("source", row.source().wire());
        map.put("customer_notes", row.customerNotes());
        map.put("internal_notes", row.internalNotes());
        map.put("deal_id", row.dealId());
        map.put("company_id", row.companyId());
        map.put("preferred_resource_id", row.preferredResourceId());
        map.put("seating_preference", row.seatingPreference());
        map.put("seating_preference_met", row.seatingPreferenceMet());
        map.put("custom_fields", json.writeValueAsString(row.customFieldsByKey()));
        map.put("confirmation_code", row.confirmationCode());
        map.put("hold_expires_at", SqlTypes.timestamptz(row.holdExpiresAt()));
        map.put("cancelled_at", SqlTypes.timestamptz(row.cancelledAt()));
        map.put(
                "cancelled_by",
                row.cancelledBy() == null ? null : row.cancelledBy().wire());
        map.put("cancellation_reason", row.cancellationReason());
        map.put("is_override", row.isOverride());
        map.put("created_by_api_key_id", row.createdByApiKeyId());
        map.put("created_at", SqlTypes.timestamptz(row.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(row.updatedAt()));
        GuestDetails guest = row.guest();
        map.put("guest_first_name", guest == null ? null : guest.firstName());
        map.put("guest_last_name", guest == null ? null : guest.lastName());
        map.put("guest_email", guest == null ? null : guest.email());
        map.put("guest_phone", guest == null ? null : guest.phone());
        map.put("unverified_contact_id", guest == null ? null : guest.unverifiedContactId());
        return map;
    }

    private ReservationRow map(ResultSet rs, int row) throws SQLException {
        String cancelledBy = rs.getString("cancelled_by");
        return new ReservationRow(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("service_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getInt("party_size"),
                SqlTypes.instant(rs, "start_datetime"),
                SqlTypes.instant(rs, "end_datetime"),
                SqlTypes.instant(rs, "occupied_from"),
                SqlTypes.instant(rs, "occupied_until"),
                ReservationStatus.fromWire(rs.getString("status")),
                ReservationSource.fromWire(rs.getString("source")),
                rs.getString("customer_notes"),
                rs.getString("internal_notes"),
                rs.getObject("deal_id", UUID.class),
                rs.getObject("company_id", UUID.class),
                rs.getObject("preferred_resource_id", UUID.class),
                rs.getObject("seating_preference", UUID.class),
                rs.getObject("seating_preference_met", Boolean.class),
                json.readValue(rs.getString("custom_fields"), new TypeReference<Map<String, Object>>() {}),
                rs.getString("confirmation_code"),
                SqlTypes.instant(rs, "hold_expires_at"),
                SqlTypes.instant(rs, "cancelled_at"),
                cancelledBy == null ? null : CancelledBy.fromWire(cancelledBy),
                rs.getString("cancellation_reason"),
                rs.getBoolean("is_override"),
                rs.getObject("created_by_api_key_id", UUID.class),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"),
                contact(rs),
                guest(rs));
    }

    private static GuestDetails guest(ResultSet rs) throws SQLException {
        String firstName = rs.getString("guest_first_name");
        String lastName = rs.getString("guest_last_name");
        String email = rs.getString("guest_email");
        String phone = rs.getString("guest_phone");
        UUID unverified = rs.getObject("unverified_contact_id", UUID.class);
        return firstName == null && lastName == null && email == null && phone == null && unverified == null
                ? null
                : new GuestDetails(firstName, lastName, email, phone, unverified);
    }

    private static ContactSummary contact(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("contact_summary_id", UUID.class);
        return id == null
                ? null
                : new ContactSummary(
                        id,
                        rs.getString("contact_first_name"),
                        rs.getString("contact_last_name"),
                        rs.getString("contact_email"),
                        rs.getString("contact_phone"));
    }
}
