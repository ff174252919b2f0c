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

/** Links between services and resources in PostgreSQL. */
@Repository
class LinkRepository {

    private static final String COLUMNS =
            "id, organization_id, service_id, resource_id, assignment_mode, quantity, created_at, updated_at";

    private final JdbcClient jdbc;

    LinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ServiceResourceLink> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from reservation_service_resources where id = :id")
                .param("id", id)
                .query(LinkRepository::map)
                .optional();
    }

    Optional<ServiceResourceLink> find(UUID organizationId, UUID serviceId, UUID resourceId) {
        return jdbc.sql("select " + COLUMNS + " from reservation_service_resources where organization_id = :org"
                        + " and service_id = :service and resource_id = :resource")
                .param("org", organizationId)
                .param("service", serviceId)
                .param("resource", resourceId)
                .query(LinkRepository::map)
                .optional();
    }

    List<ServiceResourceLink> ofService(UUID organizationId, UUID serviceId) {
        return jdbc.sql("select " + COLUMNS + " from reservation_service_resources"
                        + " where organization_id = :org and service_id = :service order by created_at, id")
                .param("org", organizationId)
                .param("service", serviceId)
                .query(LinkRepository::map)
                .list();
    }

    List<ServiceResourceLink> ofResource(UUID organizationId, UUID resourceId) {
        return jdbc.sql("select " + COLUMNS + " from reservation_service_resources"
                        + " where organization_id = :org and resource_id = :resource order by created_at, id")
                .param("org", organizationId)
                .param("resource", resourceId)
                .query(LinkRepository::map)
                .list();
    }

    /**
     * Whether the service has an any_available link, other than {@code exceptLink}, whose resource is of this type:
     * such a link already stands for every resource of the type.
     */
    boolean anyAvailableTypeTaken(UUID organizationId, UUID serviceId, String resourceType, UUID exceptLink) {
        return jdbc.sql("select exists (select 1 from reservation_service_resources l"
                        + " join reservation_resources r on r.organization_id = l.organization_id and r.id = l.resource_id"
                        + " where l.organization_id = :org and l.service_id = :service"
                        + " and l.assignment_mode = 'any_available' and r.resource_type = :type"
                        + " and l.id is distinct from cast(:except as uuid))")
                .param("org", organizationId)
                .param("service", serviceId)
                .param("type", resourceType)
                .param("except", exceptLink)
                .query(Boolean.class)
                .single();
    }

    List<ServiceResourceLink> allOf(UUID organizationId) {
        return jdbc.sql("select " + COLUMNS
                        + " from reservation_service_resources where organization_id = :org order by created_at, id")
                .param("org", organizationId)
                .query(LinkRepository::map)
                .list();
    }

    Page<ServiceResourceLink> list(ListQuery query, Optional<UUID> organization) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "reservation_service_resources",
                organization.isPresent() ? "organization_id = :scope_org" : "true",
                organization.isPresent() ? Map.of("scope_org", organization.get()) : Map.of(),
                LinkRepository::map);
    }

    void insert(ServiceResourceLink l) {
        jdbc.sql("insert into reservation_service_resources (" + COLUMNS + ") values (:id, :organization_id,"
                        + " :service_id, :resource_id, :assignment_mode, :quantity, :created_at, :updated_at)")
                .params(parameters(l))
                .update();
    }

    void update(ServiceResourceLink l) {
        jdbc.sql("update reservation_service_resources set assignment_mode = :assignment_mode, quantity = :quantity,"
                        + " updated_at = :updated_at where organization_id = :organization_id and id = :id")
                .params(parameters(l))
                .update();
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from reservation_service_resources where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    private static Map<String, Object> parameters(ServiceResourceLink l) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", l.id());
        map.put("organization_id", l.organizationId());
        map.put("service_id", l.serviceId());
        map.put("resource_id", l.resourceId());
        map.put("assignment_mode", l.assignmentMode().wire());
        map.put("quantity", l.quantity());
        map.put("created_at", SqlTypes.timestamptz(l.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(l.updatedAt()));
        return map;
    }

    static ServiceResourceLink map(ResultSet rs, int row) throws SQLException {
        return new ServiceResourceLink(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("service_id", UUID.class),
                rs.getObject("resource_id", UUID.class),
                AssignmentMode.fromWire(rs.getString("assignment_mode")),
                rs.getInt("quantity"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
