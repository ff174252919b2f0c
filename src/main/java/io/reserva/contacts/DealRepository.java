package io.reserva.contacts;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deals in PostgreSQL. */
@Repository
class DealRepository {

    private static final String COLUMNS =
            "id, organization_id, name, company_id, contact_id, amount, currency, stage, created_at, updated_at";

    private final JdbcClient jdbc;

    DealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Deal> find(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from deals where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(DealRepository::map)
                .optional();
    }

    Optional<Deal> findInAnyOrganization(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from deals where id = :id")
                .param("id", id)
                .query(DealRepository::map)
                .optional();
    }

    Page<Deal> list(ListQuery query, UUID organizationId) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "deals",
                "organization_id = :scope_org",
                Map.of("scope_org", organizationId),
                DealRepository::map);
    }

    void insert(Deal deal) {
        jdbc.sql("insert into deals (" + COLUMNS + ") values (:id, :organization_id, :name, :company_id,"
                        + " :contact_id, :amount, :currency, :stage, :created_at, :updated_at)")
                .params(parameters(deal))
                .update();
    }

    void update(Deal deal) {
        jdbc.sql("update deals set name = :name, company_id = :company_id, contact_id = :contact_id,"
                        + " amount = :amount, currency = :currency, stage = :stage, updated_at = :updated_at"
                        + " where organization_id = :organization_id and id = :id")
                .params(parameters(deal))
                .update();
    }

    /** A deleted company or contact leaves its deals, without the reference. */
    void unlink(UUID organizationId, String column, UUID id, Instant now) {
        if (!column.equals("company_id") && !column.equals("contact_id")) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("update deals set " + column + " = null, updated_at = :now where organization_id = :org and " + column
                        + " = :id")
                .param("org", organizationId)
                .param("id", id)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from deals where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    private static Map<String, Object> parameters(Deal d) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", d.id());
        map.put("organization_id", d.organizationId());
        map.put("name", d.name());
        map.put("company_id", d.companyId());
        map.put("contact_id", d.contactId());
        map.put("amount", d.amount());
        map.put("currency", d.currency());
        map.put("stage", d.stage());
        map.put("created_at", SqlTypes.timestamptz(d.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(d.updatedAt()));
        return map;
    }

    static Deal map(ResultSet rs, int row) throws SQLException {
        return new Deal(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                rs.getObject("company_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("stage"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
