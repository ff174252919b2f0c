package io.reserva.customfields;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Custom field definitions in PostgreSQL. */
@Repository
class CustomFieldRepository {

    private static final String COLUMNS = "id, organization_id, entity_type, key, label, field_type, options,"
            + " is_required, is_active, position, description, created_at, updated_at";

    /** A list travels as a JSON array and becomes text[] in SQL, which binds the same on every driver version. */
    private static final String OPTIONS_ARRAY = "case when cast(:options as jsonb) is null then null"
            + " else array(select jsonb_array_elements_text(cast(:options as jsonb))) end";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CustomFieldRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<CustomField> find(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from custom_fields where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(CustomFieldRepository::map)
                .optional();
    }

    /** For a platform key, which may see every organization: the caller checks what it found. */
    Optional<CustomField> findInAnyOrganization(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from custom_fields where id = :id")
                .param("id", id)
                .query(CustomFieldRepository::map)
                .optional();
    }

    /** Every definition, active or not, of one entity type of an organization. */
    List<CustomField> definitions(UUID organizationId, EntityType entityType) {
        return jdbc.sql("select " + COLUMNS + " from custom_fields where organization_id = :org"
                        + " and entity_type = :type order by position, id")
                .param("org", organizationId)
                .param("type", entityType.wire())
                .query(CustomFieldRepository::map)
                .list();
    }

    Page<CustomField> list(ListQuery query, UUID organizationId) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "custom_fields",
                "organization_id = :scope_org",
                Map.of("scope_org", organizationId),
                CustomFieldRepository::map);
    }

    int nextPosition(UUID organizationId, EntityType entityType) {
        return jdbc.sql("select coalesce(max(position) + 1, 0) from custom_fields where organization_id = :org"
                        + " and entity_type = :type")
                .param("org", organizationId)
                .param("type", entityType.wire())
                .query(Integer.class)
                .single();
    }

    void insert(CustomField field) {
        jdbc.sql("insert into custom_fields (" + COLUMNS + ") values (:id, :organization_id, :entity_type, :key,"
                        + " :label, :field_type, " + OPTIONS_ARRAY + ", :is_required, :is_active, :position,"
                        + " :description, :created_at, :updated_at)")
                .params(parameters(field))
                .update();
    }

    void update(CustomField field) {
        jdbc.sql("update custom_fields set label = :label, field_type = :field_type, options = " + OPTIONS_ARRAY
                        + ", is_required = :is_required, is_active = :is_active, position = :position,"
                        + " description = :description, updated_at = :updated_at"
                        + " where organization_id = :organization_id and id = :id")
                .params(parameters(field))
                .update();
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from custom_fields where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    private Map<String, Object> parameters(CustomField field) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", field.id());
        map.put("organization_id", field.organizationId());
        map.put("entity_type", field.entityType().wire());
        map.put("key", field.key());
        map.put("label", field.label());
        map.put("field_type", field.fieldType().wire());
        map.put("options", field.options() == null ? null : json.writeValueAsString(field.options()));
        map.put("is_required", field.isRequired());
        map.put("is_active", field.isActive());
        map.put("position", field.position());
        map.put("description", field.description());
        map.put("created_at", SqlTypes.timestamptz(field.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(field.updatedAt()));
        return map;
    }

    static CustomField map(ResultSet rs, int row) throws SQLException {
        Array options = rs.getArray("options");
        return new CustomField(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                EntityType.fromWire(rs.getString("entity_type")).orElseThrow(),
                rs.getString("key"),
                rs.getString("label"),
                CustomFieldType.fromWire(rs.getString("field_type")).orElseThrow(),
                options == null ? null : List.of((String[]) options.getArray()),
                rs.getBoolean("is_required"),
                rs.getBoolean("is_active"),
                rs.getInt("position"),
                rs.getString("description"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
