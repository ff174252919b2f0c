package io.reserva.tenancy;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organizations in PostgreSQL. */
@Repository
class OrganizationRepository {

    private static final String COLUMNS =
            "id, name, slug, timezone, currency, locale, country, email, phone, website, address, created_at, updated_at";

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organization> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from organizations where id = :id")
                .param("id", id)
                .query(OrganizationRepository::map)
                .optional();
    }

    boolean slugTaken(String slug, UUID exceptId) {
        return jdbc.sql("select exists (select 1 from organizations where slug = :slug and id is distinct from :id)")
                .param("slug", slug)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    Page<Organization> list(ListQuery query, Optional<UUID> visibleOrganization) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "organizations",
                visibleOrganization.isPresent() ? "id = :scope_org" : "true",
                visibleOrganization.isPresent() ? Map.of("scope_org", visibleOrganization.get()) : Map.of(),
                OrganizationRepository::map);
    }

    void insert(Organization o) {
        jdbc.sql("insert into organizations (" + COLUMNS + ") values (:id, :name, :slug, :timezone, :currency,"
                        + " :locale, :country, :email, :phone, :website, :address, :created_at, :updated_at)")
                .params(parameters(o))
                .update();
    }

    void update(Organization o) {
        jdbc.sql("update organizations set name = :name, slug = :slug, timezone = :timezone, currency = :currency,"
                        + " locale = :locale, country = :country, email = :email, phone = :phone,"
                        + " website = :website, address = :address, updated_at = :updated_at where id = :id")
                .params(parameters(o))
                .update();
    }

    private static Map<String, Object> parameters(Organization o) {
        var map = new java.util.HashMap<String, Object>();
        map.put("id", o.id());
        map.put("name", o.name());
        map.put("slug", o.slug());
        map.put("timezone", o.timezone());
        map.put("currency", o.currency());
        map.put("locale", o.locale());
        map.put("country", o.country());
        map.put("email", o.email());
        map.put("phone", o.phone());
        map.put("website", o.website());
        map.put("address", o.address());
        map.put("created_at", SqlTypes.timestamptz(o.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(o.updatedAt()));
        return map;
    }

    static Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("slug"),
                rs.getString("timezone"),
                rs.getString("currency"),
                rs.getString("locale"),
                rs.getString("country"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("website"),
                rs.getString("address"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
