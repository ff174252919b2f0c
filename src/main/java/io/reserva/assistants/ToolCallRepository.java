package io.reserva.assistants;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail of tool calls, and the idempotency records of create_reservation. */
@Repository
class ToolCallRepository {

    private static final String COLUMNS = "id, organization_id, assistant_id, tool, channel, arguments, outcome,"
            + " error_code, error_message, duration_ms, created_at";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ToolCallRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(ToolCall call) {
        Map<String, Object> map = new HashMap<>();
        map.put("id", call.id());
        map.put("organization_id", call.organizationId());
        map.put("assistant_id", call.assistantId());
        map.put("tool", call.tool());
        map.put("channel", call.channel());
        map.put("arguments", json.writeValueAsString(call.arguments()));
        map.put("outcome", call.outcome());
        map.put("error_code", call.errorCode());
        map.put("error_message", call.errorMessage());
        map.put("duration_ms", call.durationMs());
        map.put("created_at", SqlTypes.timestamptz(call.createdAt()));
        jdbc.sql("insert into ai_assistant_tool_calls (" + COLUMNS + ") values (:id, :organization_id, :assistant_id,"
                        + " :tool, :channel, cast(:arguments as jsonb), :outcome, :error_code, :error_message,"
                        + " :duration_ms, :created_at)")
                .params(map)
                .update();
    }

    Page<ToolCall> list(ListQuery query, UUID organizationId, UUID assistantId) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "ai_assistant_tool_calls",
                "organization_id = :scope_org and assistant_id = :scope_assistant",
                Map.of("scope_org", organizationId, "scope_assistant", assistantId),
                this::map);
    }

    private ToolCall map(ResultSet rs, int row) throws SQLException {
        return new ToolCall(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("assistant_id", UUID.class),
                rs.getString("tool"),
                rs.getString("channel"),
                json.readValue(rs.getString("arguments"), OBJECT),
                rs.getString("outcome"),
                rs.getString("error_code"),
                rs.getString("error_message"),
                rs.getInt("duration_ms"),
                SqlTypes.instant(rs, "created_at"));
    }
}
