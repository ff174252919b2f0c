package io.reserva.catalog;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table combinations and their tables in PostgreSQL; a combination is read with its tables in one statement. */
@Repository
class CombinationRepository {

    private static final String COLUMNS = "c.id, c.organization_id, c.name, c.min_party_size, c.max_party_size,"
            + " c.created_at, c.updated_at, array(select t.resource_id from reservation_resource_combination_tables t"
            + " where t.organization_id = c.organization_id and t.combination_id = c.id order by t.position)"
            + " as resource_ids";

    private static final String FROM = "reservation_resource_combinations c";

    private final JdbcClient jdbc;

    CombinationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ResourceCombination> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where c.id = :id")
                .param("id", id)
                .query(CombinationRepository::map)
                .optional();
    }

    /** The combination, locked against concurrent changes until the transaction ends. */
    Optional<ResourceCombination> lock(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM
                        + " where c.organization_id = :org and c.id = :id for update of c")
                .param("org", organizationId)
                .param("id", id)
                .query(CombinationRepository::map)
                .optional();
    }

    List<ResourceCombination> allOf(UUID organizationId) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where c.organization_id = :org order by c.name, c.id")
                .param("org", organizationId)
                .query(CombinationRepository::map)
                .list();
    }

    /** The combinations that name this table, by name. */
    List<ResourceCombination> naming(UUID organizationId, UUID resourceId) {
        return jdbc.sql("select " + COLUMNS + " from " + FROM + " where c.organization_id = :org and exists (select 1"
                        + " from reservation_resource_combination_tables t where t.organization_id = c.organization_id"
                        + " and t.combination_id = c.id and t.resource_id = :resource) order by c.name, c.id")
                .param("org", organizationId)
                .param("resource", resourceId)
                .query(CombinationRepository::map)
                .list();
    }

    Page<ResourceCombination> list(ListQuery query, Optional<UUID> organization) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                FROM,
                organization.isPresent() ? "c.organization_id = :scope_org" : "true",
                organization.isPresent() ? Map.of("scope_org", organization.get()) : Map.of(),
                CombinationRepository::map);
    }

    void insert(ResourceCombination c) {
        jdbc.sql("insert into reservation_resource_combinations (id, organization_id, name, min_party_size,"
                        + " max_party_size, created_at, updated_at) values (:id, :organization_id, :name,"
                        + " :min_party_size, :max_party_size, :created_at, :updated_at)")
                .params(parameters(c))
                .update();
        insertTables(c);
    }

    void update(ResourceCombination c) {
        jdbc.sql("update reservation_resource_combinations set name = :name, min_party_size = :min_party_size,"
                        + " max_party_size = :max_party_size, updated_at = :updated_at"
                        + " where organization_id = :organization_id and id = :id")
                .params(parameters(c))
                .update();
        jdbc.sql("delete from reservation_resource_combination_tables where organization_id = :org"
                        + " and combination_id = :id")
                .param("org", c.organizationId())
                .param("id", c.id())
                .update();
        insertTables(c);
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from reservation_resource_combinations where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    private void insertTables(ResourceCombination c) {
        jdbc.sql(
                        "insert into reservation_resource_combination_tables (organization_id, combination_id, resource_id,"
                                + " position) select :org, :id, t.resource_id, t.position - 1"
                                + " from unnest(cast(cast(:resources as text[]) as uuid[])) with ordinality as t(resource_id, position)")
                .param("org", c.organizationId())
                .param("id", c.id())
                .param("resources", c.resourceIds().stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    private static Map<String, Object> parameters(ResourceCombination c) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", c.id());
        map.put("organization_id", c.organizationId());
        map.put("name", c.name());
        map.put("min_party_size", c.minPartySize());
        map.put("max_party_size", c.maxPartySize());
        map.put("created_at", SqlTypes.timestamptz(c.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(c.updatedAt()));
        return map;
    }

    static ResourceCombination map(ResultSet rs, int row) throws SQLException {
        Array tables = rs.getArray("resource_ids");
        List<UUID> resourceIds = Arrays.asList((UUID[]) tables.getArray());
        return new ResourceCombination(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                resourceIds,
                rs.getInt("min_party_size"),
                rs.getInt("max_party_size"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
