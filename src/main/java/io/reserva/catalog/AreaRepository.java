package io.reserva.catalog;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Areas of the floor in PostgreSQL. */
@Repository
class AreaRepository {

    private static final String COLUMNS = "id, organization_id, name, description, created_at, updated_at";

    private final JdbcClient jdbc;

    AreaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReservationArea> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from reservation_areas where id = :id")
                .param("id", id)
                .query(AreaRepository::map)
                .optional();
    }

    /**
     * The area of this organization, locked until the transaction ends: {@code share} while a resource is put in
     * it (so it is not deleted meanwhile), {@code update} while it changes or is deleted.
     */
    Optional<ReservationArea> lock(UUID organizationId, UUID id, boolean exclusive) {
        return jdbc.sql("select " + COLUMNS + " from reservation_areas where organization_id = :org and id = :id"
                        + (exclusive ? " for update" : " for share"))
                .param("org", organizationId)
                .param("id", id)
                .query(AreaRepository::map)
                .optional();
    }

    List<ReservationArea> allOf(UUID organizationId) {
        return jdbc.sql("select " + COLUMNS + " from reservation_areas where organization_id = :org order by name, id")
                .param("org", organizationId)
                .query(AreaRepository::map)
                .list();
    }

    Page<ReservationArea> list(ListQuery query, Optional<UUID> organization) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "reservation_areas",
                organization.isPresent() ? "organization_id = :scope_org" : "true",
                organization.isPresent() ? Map.of("scope_org", organization.get()) : Map.of(),
                AreaRepository::map);
    }

    /** The names of the resources that stand in the area, by name. */
    List<String> resourcesIn(UUID organizationId, UUID areaId) {
        return jdbc.sql("select name from reservation_resources where organization_id = :org and area_id = :area"
                        + " order by name, id")
                .param("org", organizationId)
                .param("area", areaId)
                .query(String.class)
                .list();
    }

    void insert(ReservationArea a) {
        jdbc.sql("insert into reservation_areas (" + COLUMNS + ") values (:id, :organization_id, :name,"
                        + " :description, :created_at, :updated_at)")
                .params(parameters(a))
                .update();
    }

    void update(ReservationArea a) {
        jdbc.sql("update reservation_areas set name = :name, description = :description, updated_at = :updated_at"
                        + " where organization_id = :organization_id and id = :id")
                .params(parameters(a))
                .update();
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from reservation_areas where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    private static Map<String, Object> parameters(ReservationArea a) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", a.id());
        map.put("organization_id", a.organizationId());
        map.put("name", a.name());
        map.put("description", a.description());
        map.put("created_at", SqlTypes.timestamptz(a.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(a.updatedAt()));
        return map;
    }

    static ReservationArea map(ResultSet rs, int row) throws SQLException {
        return new ReservationArea(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
