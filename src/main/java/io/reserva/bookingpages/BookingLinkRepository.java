package io.reserva.bookingpages;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Booking links and the manage tokens of their reservations, in PostgreSQL. */
@Repository
class BookingLinkRepository {

    private static final String COLUMNS =
            "id, organization_id, name, slug, mode, service_id, is_active, page_config::text as page_config,"
                    + " created_at, updated_at, " + areaIdsOf("reservation_booking_links");

    /** The areas a link offers, in its order, as a column {@code area_ids} of the link row named {@code link}. */
    private static String areaIdsOf(String link) {
        return "array(select a.area_id from booking_link_areas a where a.organization_id = " + link
                + ".organization_id and a.booking_link_id = " + link + ".id order by a.position) as area_ids";
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BookingLinkRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<BookingLink> find(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS
                        + " from reservation_booking_links where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(this::map)
                .optional();
    }

    Optional<BookingLink> findInAnyOrganization(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from reservation_booking_links where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    Optional<BookingLink> findBySlug(UUID organizationId, String slug) {
        return jdbc.sql("select " + COLUMNS
                        + " from reservation_booking_links where organization_id = :org and slug = :slug")
                .param("org", organizationId)
                .param("slug", slug)
                .query(this::map)
                .optional();
    }

    Page<BookingLink> list(ListQuery query, UUID organizationId) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "reservation_booking_links",
                "organization_id = :scope_org",
                Map.of("scope_org", organizationId),
                this::map);
    }

    void insert(BookingLink link) {
        jdbc.sql("""
                        insert into reservation_booking_links (id, organization_id, name, slug, mode, service_id,
                            is_active, page_config, created_at, updated_at)
                        values (:id, :organization_id, :name, :slug, :mode, :service_id, :is_active,
                            cast(:page_config as jsonb), :created_at, :updated_at)
                        """).params(parameters(link)).update();
        insertAreas(link);
    }

    void update(BookingLink link) {
        jdbc.sql("""
                        update reservation_booking_links set name = :name, slug = :slug, mode = :mode,
                            service_id = :service_id, is_active = :is_active, page_config = cast(:page_config as jsonb),
                            updated_at = :updated_at
                        where organization_id = :organization_id and id = :id
                        """).params(parameters(link)).update();
        jdbc.sql("delete from booking_link_areas where organization_id = :org and booking_link_id = :link")
                .param("org", link.organizationId())
                .param("link", link.id())
                .update();
        insertAreas(link);
    }

    private void insertAreas(BookingLink link) {
        for (int i = 0; i < link.areaIds().size(); i++) {
            jdbc.sql("""
                            insert into booking_link_areas (organization_id, booking_link_id, area_id, position)
                            values (:org, :link, :area, :position)
                            """)
                    .param("org", link.organizationId())
                    .param("link", link.id())
                    .param("area", link.areaIds().get(i))
                    .param("position", i)
                    .update();
        }
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from reservation_booking_links where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    void insertManageToken(UUID organizationId, UUID reservationId, UUID linkId, byte[] tokenHash, Instant now) {
        jdbc.sql("""
                        insert into booking_page_reservations (organization_id, reservation_id, booking_link_id,
                            token_hash, created_at)
                        values (:org, :reservation, :link, :hash, :now)
                        """)
                .param("org", organizationId)
                .param("reservation", reservationId)
                .param("link", linkId)
                .param("hash", tokenHash)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    void insertWaitlistToken(UUID organizationId, UUID entryId, UUID linkId, byte[] tokenHash, Instant now) {
        jdbc.sql("""
                        insert into booking_page_waitlist_entries (organization_id, waitlist_entry_id, booking_link_id,
                            token_hash, created_at)
                        values (:org, :entry, :link, :hash, :now)
                        """)
                .param("org", organizationId)
                .param("entry", entryId)
                .param("link", linkId)
                .param("hash", tokenHash)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /**
     * The waitlist entry a status token opens: the page's own token (which does not expire, {@code expiresAt} null),
     * or an offer email's that has not expired by {@code now}.
     */
    record WaitlistToken(UUID entryId, Instant expiresAt) {}

    /** The waitlist entry behind a status token, if the token belongs to this link and has not expired. */
    Optional<WaitlistToken> waitlistEntryOfToken(UUID organizationId, UUID linkId, byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                        select waitlist_entry_id, null::timestamptz as expires_at from booking_page_waitlist_entries
                         where organization_id = :org and booking_link_id = :link and token_hash = :hash
                        union all
                        select waitlist_entry_id, expires_at from booking_page_waitlist_message_tokens
                         where organization_id = :org and booking_link_id = :link and token_hash = :hash
                           and expires_at > :now
                        limit 1
                        """)
                .param("org", organizationId)
                .param("link", linkId)
                .param("hash", tokenHash)
                .param("now", SqlTypes.timestamptz(now))
                .query((rs, n) -> new WaitlistToken(
                        rs.getObject("waitlist_entry_id", UUID.class), SqlTypes.instant(rs, "expires_at")))
                .optional();
    }

    /** The link a guest joined the waitlist on, if they joined on a booking page. */
    Optional<BookingLink> linkOfWaitlistEntry(UUID organizationId, UUID entryId) {
        return jdbc.sql("""
                        select l.id, l.organization_id, l.name, l.slug, l.mode, l.service_id, l.is_active,
                               l.page_config::text as page_config, l.created_at, l.updated_at, """ + areaIdsOf("l") + """
                          from booking_page_waitlist_entries w
                          join reservation_booking_links l
                            on l.organization_id = w.organization_id and l.id = w.booking_link_id
                         where w.organization_id = :org and w.waitlist_entry_id = :entry
                        """)
                .param("org", organizationId)
                .param("entry", entryId)
                .query(this::map)
                .optional();
    }

    /** Stores an offer email's own status token (its hash), which works until {@code expiresAt}. */
    void insertWaitlistMessageToken(
            UUID organizationId, UUID entryId, UUID linkId, byte[] tokenHash, Instant expiresAt, Instant now) {
        jdbc.sql("""
                        insert into booking_page_waitlist_message_tokens (organization_id, waitlist_entry_id,
                            booking_link_id, token_hash, expires_at, created_at)
                        values (:org, :entry, :link, :hash, :expires_at, :now)
                        """)
                .param("org", organizationId)
                .param("entry", entryId)
                .param("link", linkId)
                .param("hash", tokenHash)
                .param("expires_at", SqlTypes.timestamptz(expiresAt))
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /**
     * The reservation behind a manage token, if the token belongs to this link: the one the page showed when the
     * guest held, or one a message carried that has not expired by {@code now}.
     */
    Optional<UUID> reservationOfToken(UUID organizationId, UUID linkId, byte[] tokenHash, Instant now) {
        return jdbc.sql("""
                        select reservation_id from booking_page_reservations
                         where organization_id = :org and booking_link_id = :link and token_hash = :hash
                        union all
                        select reservation_id from booking_page_message_tokens
                         where organization_id = :org and booking_link_id = :link and token_hash = :hash
                           and expires_at > :now
                        limit 1
                        """)
                .param("org", organizationId)
                .param("link", linkId)
                .param("hash", tokenHash)
                .param("now", SqlTypes.timestamptz(now))
                .query(UUID.class)
                .optional();
    }

    /** The link a reservation was booked through ({@code bookedThere}), else one a message token of it opens. */
    record ReservationLink(UUID reservationId, boolean bookedThere, BookingLink link) {}

    /**
     * The booking links of many reservations of one organization, in one query: the page each was booked on, else one
     * a message token of it opens (a waitlist offer accepted through the offer email's link); reservations with
     * neither are left out.
     */
    List<ReservationLink> linksOfReservations(UUID organizationId, Collection<UUID> reservationIds) {
        if (reservationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct on (r.reservation_id) r.reservation_id, r.rank,
                               l.id, l.organization_id, l.name, l.slug, l.mode, l.service_id, l.is_active,
                               l.page_config::text as page_config, l.created_at, l.updated_at, """ + areaIdsOf("l") + """
                          from (select reservation_id, booking_link_id, 0 as rank from booking_page_reservations
                                 where organization_id = :org and reservation_id in (:reservations)
                                union all
                                select reservation_id, booking_link_id, 1 as rank from booking_page_message_tokens
                                 where organization_id = :org and reservation_id in (:reservations)) r
                          join reservation_booking_links l
                            on l.organization_id = :org and l.id = r.booking_link_id
                         order by r.reservation_id, r.rank
                        """)
                .param("org", organizationId)
                .param("reservations", List.copyOf(reservationIds))
                .query((rs, row) -> new ReservationLink(
                        rs.getObject("reservation_id", UUID.class), rs.getInt("rank") == 0, map(rs, row)))
                .list();
    }

    /** The organization's first active booking link, whose look stands for the venue's when a booking has none. */
    Optional<BookingLink> firstActiveLink(UUID organizationId) {
        return jdbc.sql("select " + COLUMNS + """
                         from reservation_booking_links
                        where organization_id = :org and is_active
                        order by created_at, id
                        limit 1
                        """)
                .param("org", organizationId)
                .query(this::map)
                .optional();
    }

    /** Stores a message's own manage token (its hash), which works until {@code expiresAt}. */
    void insertMessageToken(
            UUID organizationId, UUID reservationId, UUID linkId, byte[] tokenHash, Instant expiresAt, Instant now) {
        jdbc.sql("""
                        insert into booking_page_message_tokens (organization_id, reservation_id, booking_link_id,
                            token_hash, expires_at, created_at)
                        values (:org, :reservation, :link, :hash, :expires_at, :now)
                        """)
                .param("org", organizationId)
                .param("reservation", reservationId)
                .param("link", linkId)
                .param("hash", tokenHash)
                .param("expires_at", SqlTypes.timestamptz(expiresAt))
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /** A message's manage token to store: its hash, which works until {@code expiresAt}. */
    record MessageToken(UUID reservationId, UUID linkId, byte[] tokenHash, Instant expiresAt) {}

    /** Stores many messages' manage tokens of one organization in one statement, as {@link #insertMessageToken}. */
    void insertMessageTokens(UUID organizationId, List<MessageToken> tokens, Instant now) {
        if (tokens.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(tokens.size());
        for (MessageToken token : tokens) {
            rows.add(new Object[] {
                token.reservationId(), token.linkId(), token.tokenHash(), SqlTypes.timestamptz(token.expiresAt())
            });
        }
        jdbc.sql("""
                        insert into booking_page_message_tokens (organization_id, reservation_id, booking_link_id,
                            token_hash, expires_at, created_at)
                        select :org, t.reservation_id, t.booking_link_id, t.token_hash, t.expires_at, :now
                          from (values :rows) as t(reservation_id, booking_link_id, token_hash, expires_at)
                        """)
                .param("org", organizationId)
                .param("rows", rows)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    private Map<String, Object> parameters(BookingLink link) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", link.id());
        map.put("organization_id", link.organizationId());
        map.put("name", link.name());
        map.put("slug", link.slug());
        map.put("mode", link.mode().wire());
        map.put("service_id", link.serviceId());
        map.put("is_active", link.isActive());
        map.put("page_config", json.writeValueAsString(link.pageConfig()));
        map.put("created_at", SqlTypes.timestamptz(link.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(link.updatedAt()));
        return map;
    }

    private BookingLink map(ResultSet rs, int row) throws SQLException {
        UUID organizationId = rs.getObject("organization_id", UUID.class);
        String slug = rs.getString("slug");
        return new BookingLink(
                rs.getObject("id", UUID.class),
                organizationId,
                rs.getString("name"),
                slug,
                BookingLinkMode.fromWire(rs.getString("mode")),
                rs.getObject("service_id", UUID.class),
                rs.getBoolean("is_active"),
                List.of((UUID[]) rs.getArray("area_ids").getArray()),
                json.readValue(rs.getString("page_config"), PageConfig.class),
                BookingLink.pathOf(organizationId, slug),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
