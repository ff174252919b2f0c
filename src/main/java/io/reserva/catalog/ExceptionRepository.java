package io.reserva.catalog;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Exceptions to the weekly hours in PostgreSQL; with neither a resource_id nor an area_id, the whole organization. */
@Repository
class ExceptionRepository {

    private static final String COLUMNS = "id, organization_id, resource_id, area_id, date, exception_type, start_time,"
            + " end_time, reason, is_recurring_yearly, created_at, updated_at";

    private final JdbcClient jdbc;

    ExceptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ResourceException> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from reservation_resource_exceptions where id = :id")
                .param("id", id)
                .query(ExceptionRepository::map)
                .optional();
    }

    List<ResourceException> allOf(UUID organizationId) {
        return jdbc.sql("select " + COLUMNS + " from reservation_resource_exceptions where organization_id = :org"
                        + " order by date, resource_id nulls first, area_id nulls first, start_time nulls first, id")
                .param("org", organizationId)
                .query(ExceptionRepository::map)
                .list();
    }

    Page<ResourceException> list(ListQuery query, Optional<UUID> organization) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "reservation_resource_exceptions",
                organization.isPresent() ? "organization_id = :scope_org" : "true",
                organization.isPresent() ? Map.of("scope_org", organization.get()) : Map.of(),
                ExceptionRepository::map);
    }

    void insert(ResourceException e) {
        jdbc.sql("insert into reservation_resource_exceptions (" + COLUMNS + ") values (:id, :organization_id,"
                        + " :resource_id, :area_id, :date, :exception_type, :start_time, :end_time, :reason,"
                        + " :is_recurring_yearly, :created_at, :updated_at)")
                .params(parameters(e))
                .update();
    }

    void update(ResourceException e) {
        jdbc.sql("update reservation_resource_exceptions set date = :date, exception_type = :exception_type,"
                        + " start_time = :start_time, end_time = :end_time, reason = :reason,"
                        + " is_recurring_yearly = :is_recurring_yearly, updated_at = :updated_at"
                        + " where organization_id = :organization_id and id = :id")
                .params(parameters(e))
                .update();
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from reservation_resource_exceptions where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    private static Map<String, Object> parameters(ResourceException e) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", e.id());
        map.put("organization_id", e.organizationId());
        map.put("resource_id", e.resourceId());
        map.put("area_id", e.areaId());
        map.put("date", e.date());
        map.put("exception_type", e.exceptionType().wire());
        map.put("start_time", e.startTime());
        map.put("end_time", e.endTime());
        map.put("reason", e.reason());
        map.put("is_recurring_yearly", e.isRecurringYearly());
        map.put("created_at", SqlTypes.timestamptz(e.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(e.updatedAt()));
        return map;
    }

    static ResourceException map(ResultSet rs, int row) throws SQLException {
        return new ResourceException(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("resource_id", UUID.class),
                rs.getObject("area_id", UUID.class),
                rs.getObject("date", LocalDate.class),
                ExceptionType.fromWire(rs.getString("exception_type")),
                rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class),
                rs.getString("reason"),
                rs.getBoolean("is_recurring_yearly"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
