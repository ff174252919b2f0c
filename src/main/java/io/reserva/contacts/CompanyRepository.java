package io.reserva.contacts;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Companies in PostgreSQL. */
@Repository
class CompanyRepository {

    private static final String COLUMNS = "id, organization_id, name, domain, phone, notes, created_at, updated_at";

    private final JdbcClient jdbc;

    CompanyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Company> find(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from companies where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(CompanyRepository::map)
                .optional();
    }

    Optional<Company> findInAnyOrganization(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from companies where id = :id")
                .param("id", id)
                .query(CompanyRepository::map)
                .optional();
    }

    boolean exists(UUID organizationId, UUID id) {
        return jdbc.sql("select exists (select 1 from companies where organization_id = :org and id = :id)")
                .param("org", organizationId)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    Page<Company> list(ListQuery query, UUID organizationId) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "companies",
                "organization_id = :scope_org",
                Map.of("scope_org", organizationId),
                CompanyRepository::map);
    }

    void insert(Company company) {
        jdbc.sql("insert into companies (" + COLUMNS + ") values (:id, :organization_id, :name, :domain, :phone,"
                        + " :notes, :created_at, :updated_at)")
                .params(parameters(company))
                .update();
    }

    void update(Company company) {
        jdbc.sql("update companies set name = :name, domain = :domain, phone = :phone, notes = :notes,"
                        + " updated_at = :updated_at where organization_id = :organization_id and id = :id")
                .params(parameters(company))
                .update();
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from companies where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    private static Map<String, Object> parameters(Company c) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", c.id());
        map.put("organization_id", c.organizationId());
        map.put("name", c.name());
        map.put("domain", c.domain());
        map.put("phone", c.phone());
        map.put("notes", c.notes());
        map.put("created_at", SqlTypes.timestamptz(c.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(c.updatedAt()));
        return map;
    }

    static Company map(ResultSet rs, int row) throws SQLException {
        return new Company(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                rs.getString("domain"),
                rs.getString("phone"),
                rs.getString("notes"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
