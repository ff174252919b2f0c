package io.reserva.catalog;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Weekly windows in PostgreSQL; with neither a resource_id nor an area_id, the organization's business hours. */
@Repository
class AvailabilityRepository {

    private static final String COLUMNS =
            "id, organization_id, resource_id, area_id, day_of_week, start_time, end_time, created_at, updated_at";

    private final JdbcClient jdbc;

    AvailabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serializes the writers of one owner's week until the transaction ends, so the overlap check and the write
     * happen as one step (the exclusion constraint would otherwise turn a lost race into a bare 409).
     */
    void lockOwner(HoursOwner owner) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", owner.lockKey())
                .query()
                .singleRow();
    }

    Optional<AvailabilityWindow> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from reservation_resource_availability where id = :id")
                .param("id", id)
                .query(AvailabilityRepository::map)
                .optional();
    }

    List<AvailabilityWindow> ofOwner(HoursOwner owner) {
        return jdbc.sql("select " + COLUMNS + " from reservation_resource_availability where organization_id = :org"
                        + " and " + HoursOwner.ROWS + " order by day_of_week, start_time, id")
                .param("org", owner.organizationId())
                .param("resource", owner.resourceId())
                .param("area", owner.areaId())
                .query(AvailabilityRepository::map)
                .list();
    }

    List<AvailabilityWindow> allOf(UUID organizationId) {
        return jdbc.sql("select " + COLUMNS + " from reservation_resource_availability where organization_id = :org"
                        + " order by resource_id nulls first, area_id nulls first, day_of_week, start_time, id")
                .param("org", organizationId)
                .query(AvailabilityRepository::map)
                .list();
    }

    Page<AvailabilityWindow> list(ListQuery query, Optional<UUID> organization) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "reservation_resource_availability",
                organization.isPresent() ? "organization_id = :scope_org" : "true",
                organization.isPresent() ? Map.of("scope_org", organization.get()) : Map.of(),
                AvailabilityRepository::map);
    }

    void insert(AvailabilityWindow w) {
        jdbc.sql("insert into reservation_resource_availability (" + COLUMNS + ") values (:id, :organization_id,"
                        + " :resource_id, :area_id, :day_of_week, :start_time, :end_time, :created_at, :updated_at)")
                .params(parameters(w))
                .update();
    }

    void update(AvailabilityWindow w) {
        jdbc.sql("update reservation_resource_availability set day_of_week = :day_of_week,"
                        + " start_time = :start_time, end_time = :end_time, updated_at = :updated_at"
                        + " where organization_id = :organization_id and id = :id")
                .params(parameters(w))
                .update();
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from reservation_resource_availability where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    void deleteOwner(HoursOwner owner) {
        jdbc.sql("delete from reservation_resource_availability where organization_id = :org and " + HoursOwner.ROWS)
                .param("org", owner.organizationId())
                .param("resource", owner.resourceId())
                .param("area", owner.areaId())
                .update();
    }

    private static Map<String, Object> parameters(AvailabilityWindow w) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", w.id());
        map.put("organization_id", w.organizationId());
        map.put("resource_id", w.resourceId());
        map.put("area_id", w.areaId());
        map.put("day_of_week", w.dayOfWeek());
        map.put("start_time", w.startTime());
        map.put("end_time", w.endTime());
        map.put("created_at", SqlTypes.timestamptz(w.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(w.updatedAt()));
        return map;
    }

    static AvailabilityWindow map(ResultSet rs, int row) throws SQLException {
        return new AvailabilityWindow(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("resource_id", UUID.class),
                rs.getObject("area_id", UUID.class),
                rs.getInt("day_of_week"),
                rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
