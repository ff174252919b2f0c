package io.reserva.assistants;

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

/** Assistants in PostgreSQL. */
@Repository
class AiAssistantRepository {

    private static final String COLUMNS = "id, organization_id, name, instructions, tools, is_active,"
            + " credential_key_id, credential_prefix, created_at, updated_at";

    private final JdbcClient jdbc;

    AiAssistantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AiAssistant> find(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from ai_assistants where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .query(AiAssistantRepository::map)
                .optional();
    }

    Optional<AiAssistant> findInAnyOrganization(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from ai_assistants where id = :id")
                .param("id", id)
                .query(AiAssistantRepository::map)
                .optional();
    }

    Optional<AiAssistant> findByCredential(UUID organizationId, UUID apiKeyId) {
        return jdbc.sql("select " + COLUMNS
                        + " from ai_assistants where organization_id = :org and credential_key_id = :key")
                .param("org", organizationId)
                .param("key", apiKeyId)
                .query(AiAssistantRepository::map)
                .optional();
    }

    Page<AiAssistant> list(ListQuery query, Optional<UUID> organization) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "ai_assistants",
                organization.isPresent() ? "organization_id = :scope_org" : "true",
                organization.isPresent() ? Map.of("scope_org", organization.get()) : Map.of(),
                AiAssistantRepository::map);
    }

    void insert(AiAssistant assistant) {
        jdbc.sql("insert into ai_assistants (" + COLUMNS + ") values (:id, :organization_id, :name, :instructions,"
                        + " " + TOOLS_ARRAY + ", :is_active, :credential_key_id, :credential_prefix, :created_at,"
                        + " :updated_at)")
                .params(parameters(assistant))
                .update();
    }

    void update(AiAssistant assistant) {
        jdbc.sql("update ai_assistants set name = :name, instructions = :instructions, tools = " + TOOLS_ARRAY
                        + ", is_active = :is_active, credential_key_id = :credential_key_id,"
                        + " credential_prefix = :credential_prefix, updated_at = :updated_at"
                        + " where organization_id = :organization_id and id = :id")
                .params(parameters(assistant))
                .update();
    }

    /** Tool keys travel as a comma list (keys never hold commas) and become text[] in SQL. */
    private static final String TOOLS_ARRAY = "cast(string_to_array(:tools, ',') as text[])";

    private static Map<String, Object> parameters(AiAssistant a) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", a.id());
        map.put("organization_id", a.organizationId());
        map.put("name", a.name());
        map.put("instructions", a.instructions());
        map.put("tools", String.join(",", a.tools()));
        map.put("is_active", a.isActive());
        map.put(
                "credential_key_id",
                a.credential() == null ? null : a.credential().apiKeyId());
        map.put(
                "credential_prefix",
                a.credential() == null ? null : a.credential().keyPrefix());
        map.put("created_at", SqlTypes.timestamptz(a.createdAt()));
        map.put("updated_at", SqlTypes.timestamptz(a.updatedAt()));
        return map;
    }

    private static AiAssistant map(ResultSet rs, int row) throws SQLException {
        Array tools = rs.getArray("tools");
        UUID keyId = rs.getObject("credential_key_id", UUID.class);
        return new AiAssistant(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                rs.getString("instructions"),
                new InternalTools(List.of((String[]) tools.getArray())),
                rs.getBoolean("is_active"),
                keyId == null ? null : new AiAssistant.Credential(keyId, rs.getString("credential_prefix")),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
