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

/** Reservation resources in PostgreSQL. */
@Repository
class ResourceRepository {

    private static final String COLUMNS = "id, organization_id, name, description, resource_type, capacity,"
            + " min_party_size, units, user_id, timezone, area_id, is_active, created_at, updated_at";

    private final JdbcClient jdbc;

    ResourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReservationResource> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from reservation_resources where id = :id")
                .param("id", id)
                .query(ResourceRepository::map)
                .optional();
    }

    /**
     * The resource of this organization, locked against changes until the transaction ends: {@code share} while
     * something is attached to it, {@code update} while it changes itself.
     */
    Optional<ReservationResource> lock(UUID organizationId, UUID id, boolean exclusive) {
        return jdbc.sql("select " + COLUMNS + " from reservation_resources where organization_id = :org and id = :id"
                        + (exclusive ? " for update" : " for share"))
                .param("org", organizationId)
                .param("id", id)
                .query(ResourceRepository::map)
                .optional();
    }

    List<ReservationResource> allOf(UUID organizationId) {
        return jdbc.sql("select " + COLUMNS
                        + " from reservation_resources where organization_id = :org order by name, id")
                .param("org", organizationId)
                .query(ResourceRepository::map)
                .list();
    }

    Page<ReservationResource> list(ListQuery query, Optional<UUID> organization) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "reservation_resources",
                organization.isPresent() ? "organization_id = :scope_org" : "true",
                organization.isPresent() ? Map.of("scope_org", organization.get()) : Map.of(),
                ResourceRepository::map);
    }

    void insert(ReservationResource r) {
        jdbc.sql("insert into reservation_resources (" + COLUMNS + ") values (:id, :organization_id, :name,"
                        + " :description, :resource_type, :capacity, :min_party_size, :units, :user_id, :timezone, :area_id,"
                        + " :is_active, :created_at, :updated_at)")
                .params(parameters(r))
                .update();
    }

    void update(ReservationResource r) {
        jdbc.sql("update reservation_resources set name = :name, description = :description,"
                        + " resource_type = :resource_type, capacity = :capacity, min_party_size = :min_party_size,"
                        + " units = :units, user_id = :user_id, timezone = :timezone, area_id = :area_id,"
                        + " is_active = :is_active,"
                        + " updated_at = :updated_at where organization_id = :organization_id and id = :id")
                .params(parameters(r))
                .update();
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from reservation_resources where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    private static Map<String, Object> parameters(ReservationResource r) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", r.id());
        map.put("organization_id", r.organizationId());
        map.put("name", r.name());
        map.put("description", r.description());
        map.put("resource_type", r.resourceType());
        map.put("capacity", r.capacity());
        map.put("min_party_size", r.minPartySize());
        map.put("units", r.units());
        map.put("user_id", r.userId());
        map.put("timezone", r.timezone());
        map.put("area_id", r.areaId());
        map.put("is_active", r.isActive());
        map.put("created_at", SqlTypes.timestamptz(r.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(r.updatedAt()));
        return map;
    }

    static ReservationResource map(ResultSet rs, int row) throws SQLException {
        return new ReservationResource(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("resource_type"),
                rs.getObject("capacity", Integer.class),
                rs.getObject("min_party_size", Integer.class),
                rs.getInt("units"),
                rs.getObject("user_id", UUID.class),
                rs.getString("timezone"),
                rs.getObject("area_id", UUID.class),
                rs.getBoolean("is_active"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
