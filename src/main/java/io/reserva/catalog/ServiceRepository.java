package io.reserva.catalog;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reservation services in PostgreSQL. */
@Repository
class ServiceRepository {

    private static final String COLUMNS = "id, organization_id, name, description, duration_minutes,"
            + " buffer_before_minutes, buffer_after_minutes, slot_interval, slot_capacity, max_party_size,"
            + " min_party_size, durations_by_party_size, seating, max_participants_per_slot, price, currency,"
            + " max_advance_days, min_advance_hours, requires_confirmation, allow_cancellation,"
            + " cancellation_deadline_hours, is_public, is_active, color, image_url, timezone, created_at, updated_at,"
            + " pacing_interval_minutes, pacing_max_covers, pacing_max_parties, pacing_max_seated_covers";

    /** The service's area pacing as one JSON array, read with the row (no second query per service). */
    private static final String SELECTED = COLUMNS + ", coalesce((select jsonb_agg(jsonb_build_object('area_id',"
            + " p.area_id, 'interval_minutes', p.interval_minutes, 'max_covers', p.max_covers, 'max_parties',"
            + " p.max_parties, 'max_seated_covers', p.max_seated_covers) order by p.area_id)"
            + " from service_area_pacing p where p.organization_id = reservation_services.organization_id"
            + " and p.service_id = reservation_services.id), '[]'::jsonb)::text as area_pacing";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ServiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReservationService> find(UUID id) {
        return jdbc.sql("select " + SELECTED + " from reservation_services where id = :id")
                .param("id", id)
                .query(ServiceRepository::map)
                .optional();
    }

    /** Locks the service row, so links of one service are checked and written one at a time. */
    boolean lock(UUID organizationId, UUID id) {
        return jdbc.sql("select id from reservation_services where organization_id = :org and id = :id for update")
                .param("org", organizationId)
                .param("id", id)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    List<ReservationService> allOf(UUID organizationId) {
        return jdbc.sql("select " + SELECTED
                        + " from reservation_services where organization_id = :org order by name, id")
                .param("org", organizationId)
                .query(ServiceRepository::map)
                .list();
    }

    Page<ReservationService> list(ListQuery query, Optional<UUID> organization) {
        return ListQueries.run(
                jdbc,
                query,
                SELECTED,
                "reservation_services",
                organization.isPresent() ? "organization_id = :scope_org" : "true",
                organization.isPresent() ? Map.of("scope_org", organization.get()) : Map.of(),
                ServiceRepository::map);
    }

    void insert(ReservationService s) {
        jdbc.sql("insert into reservation_services (" + COLUMNS + ") values (:id, :organization_id, :name,"
                        + " :description, :duration_minutes, :buffer_before_minutes, :buffer_after_minutes,"
                        + " :slot_interval, :slot_capacity, :max_party_size, :min_party_size,"
                        + " cast(:durations_by_party_size as jsonb), :seating, :max_participants_per_slot, :price,"
                        + " :currency, :max_advance_days, :min_advance_hours, :requires_confirmation,"
                        + " :allow_cancellation, :cancellation_deadline_hours, :is_public, :is_active, :color,"
                        + " :image_url, :timezone, :created_at, :updated_at, :pacing_interval_minutes,"
                        + " :pacing_max_covers, :pacing_max_parties, :pacing_max_seated_covers)")
                .params(parameters(s))
                .update();
        writeAreaPacing(s);
    }

    /** Replaces the service's area pacing rows with what the service now says. */
    private void writeAreaPacing(ReservationService s) {
        jdbc.sql("delete from service_area_pacing where organization_id = :org and service_id = :id")
                .param("org", s.organizationId())
                .param("id", s.id())
                .update();
        for (ServiceAreaPacing area : s.areaPacing()) {
            jdbc.sql("insert into service_area_pacing (organization_id, service_id, area_id, interval_minutes,"
                            + " max_covers, max_parties, max_seated_covers) values (:org, :id, :area, :interval,"
                            + " :covers, :parties, :seated)")
                    .param("org", s.organizationId())
                    .param("id", s.id())
                    .param("area", area.areaId())
                    .param("interval", area.intervalMinutes())
                    .param("covers", area.maxCovers())
                    .param("parties", area.maxParties())
                    .param("seated", area.maxSeatedCovers())
                    .update();
        }
    }

    void update(ReservationService s) {
        jdbc.sql("update reservation_services set name = :name, description = :description,"
                        + " duration_minutes = :duration_minutes, buffer_before_minutes = :buffer_before_minutes,"
                        + " buffer_after_minutes = :buffer_after_minutes, slot_interval = :slot_interval,"
                        + " slot_capacity = :slot_capacity, max_party_size = :max_party_size,"
                        + " min_party_size = :min_party_size,"
                        + " durations_by_party_size = cast(:durations_by_party_size as jsonb), seating = :seating,"
                        + " max_participants_per_slot = :max_participants_per_slot, price = :price,"
                        + " currency = :currency, max_advance_days = :max_advance_days,"
                        + " min_advance_hours = :min_advance_hours, requires_confirmation = :requires_confirmation,"
                        + " allow_cancellation = :allow_cancellation,"
                        + " cancellation_deadline_hours = :cancellation_deadline_hours, is_public = :is_public,"
                        + " is_active = :is_active, color = :color, image_url = :image_url, timezone = :timezone,"
                        + " pacing_interval_minutes = :pacing_interval_minutes, pacing_max_covers = :pacing_max_covers,"
                        + " pacing_max_parties = :pacing_max_parties,"
                        + " pacing_max_seated_covers = :pacing_max_seated_covers,"
                        + " updated_at = :updated_at where organization_id = :organization_id and id = :id")
                .params(parameters(s))
                .update();
        writeAreaPacing(s);
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from reservation_services where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    private static Map<String, Object> parameters(ReservationService s) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", s.id());
        map.put("organization_id", s.organizationId());
        map.put("name", s.name());
        map.put("description", s.description());
        map.put("duration_minutes", s.durationMinutes());
        map.put("buffer_before_minutes", s.bufferBeforeMinutes());
        map.put("buffer_after_minutes", s.bufferAfterMinutes());
        map.put("slot_interval", s.slotInterval());
        map.put("slot_capacity", s.slotCapacity());
        map.put("max_party_size", s.maxPartySize());
        map.put("min_party_size", s.minPartySize());
        map.put("durations_by_party_size", durationsJson(s.durationsByPartySize()));
        map.put("seating", s.seating().wire());
        map.put("max_participants_per_slot", s.maxParticipantsPerSlot());
        map.put("price", s.price());
        map.put("currency", s.currency());
        map.put("max_advance_days", s.maxAdvanceDays());
        map.put("min_advance_hours", s.minAdvanceHours());
        map.put("requires_confirmation", s.requiresConfirmation());
        map.put("allow_cancellation", s.allowCancellation());
        map.put("cancellation_deadline_hours", s.cancellationDeadlineHours());
        map.put("is_public", s.isPublic());
        map.put("is_active", s.isActive());
        map.put("color", s.color());
        map.put("image_url", s.imageUrl());
        map.put("timezone", s.timezone());
        map.put("created_at", SqlTypes.timestamptz(s.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(s.updatedAt()));
        ServicePacing pacing = s.pacing();
        map.put("pacing_interval_minutes", pacing == null ? null : pacing.intervalMinutes());
        map.put("pacing_max_covers", pacing == null ? null : pacing.maxCovers());
        map.put("pacing_max_parties", pacing == null ? null : pacing.maxParties());
        map.put("pacing_max_seated_covers", pacing == null ? null : pacing.maxSeatedCovers());
        return map;
    }

    private static String durationsJson(List<PartySizeDuration> durations) {
        var array = JSON.createArrayNode();
        for (PartySizeDuration entry : durations) {
            array.addObject()
                    .put("max_party_size", entry.maxPartySize())
                    .put("duration_minutes", entry.durationMinutes());
        }
        return JSON.writeValueAsString(array);
    }

    private static List<PartySizeDuration> durations(String json) {
        List<PartySizeDuration> durations = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(json)) {
            durations.add(new PartySizeDuration(
                    entry.get("max_party_size").asInt(),
                    entry.get("duration_minutes").asInt()));
        }
        durations.sort(Comparator.comparingInt(PartySizeDuration::maxPartySize));
        return durations;
    }

    private static ServicePacing pacing(ResultSet rs) throws SQLException {
        ServicePacing pacing = new ServicePacing(
                rs.getObject("pacing_interval_minutes", Integer.class),
                rs.getObject("pacing_max_covers", Integer.class),
                rs.getObject("pacing_max_parties", Integer.class),
                rs.getObject("pacing_max_seated_covers", Integer.class));
        return pacing.limitsNothing() ? null : pacing;
    }

    private static List<ServiceAreaPacing> areaPacing(String json) {
        List<ServiceAreaPacing> areas = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(json)) {
            areas.add(new ServiceAreaPacing(
                    UUID.fromString(entry.get("area_id").asText()),
                    integer(entry, "interval_minutes"),
                    integer(entry, "max_covers"),
                    integer(entry, "max_parties"),
                    integer(entry, "max_seated_covers")));
        }
        return areas;
    }

    private static Integer integer(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    static ReservationService map(ResultSet rs, int row) throws SQLException {
        return new ReservationService(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getInt("duration_minutes"),
                rs.getInt("buffer_before_minutes"),
                rs.getInt("buffer_after_minutes"),
                rs.getObject("slot_interval", Integer.class),
                rs.getObject("slot_capacity", Integer.class),
                rs.getObject("max_party_size", Integer.class),
                rs.getInt("min_party_size"),
                durations(rs.getString("durations_by_party_size")),
                Seating.fromWire(rs.getString("seating")),
                rs.getObject("max_participants_per_slot", Integer.class),
                rs.getBigDecimal("price"),
                rs.getString("currency"),
                rs.getObject("max_advance_days", Integer.class),
                rs.getInt("min_advance_hours"),
                rs.getBoolean("requires_confirmation"),
                rs.getBoolean("allow_cancellation"),
                rs.getObject("cancellation_deadline_hours", Integer.class),
                rs.getBoolean("is_public"),
                rs.getBoolean("is_active"),
                rs.getString("color"),
                rs.getString("image_url"),
                rs.getString("timezone"),
                pacing(rs),
                areaPacing(rs.getString("area_pacing")),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
