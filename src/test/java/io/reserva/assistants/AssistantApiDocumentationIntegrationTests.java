package io.reserva.assistants;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The assistant endpoints are in /openapi.json with examples, and the slot tool takes the slots endpoint's names. */
@IntegrationTest
class AssistantApiDocumentationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AssistantTools tools;

    @Test
    void theEndpointsAreDocumentedWithExamples() {
        JsonNode document = new TestApi(port).get(null, "/openapi.json").body();
        JsonNode paths = document.get("paths");
        assertThat(paths.get("/ai-assistants").has("get")).isTrue();
        assertThat(paths.get("/ai-assistants").has("post")).isTrue();
        assertThat(paths.get("/ai-assistants/{id}").has("patch")).isTrue();
        assertThat(paths.get("/ai-assistants/{id}/credential").has("post")).isTrue();
        assertThat(paths.get("/ai-assistants/{id}/credential").has("delete")).isTrue();
        assertThat(paths.get("/ai-assistants/{id}/tool-calls").has("get")).isTrue();
        assertThat(paths.get("/ai-assistants/{id}/tools").has("get")).isTrue();
        assertThat(paths.get("/ai-assistants/{id}/tools/{tool}").get("post").toString())
                .contains("get_available_slots");
        assertThat(paths.get("/mcp").get("post").toString()).contains("tools/call");
        JsonNode schemas = document.get("components").get("schemas");
        assertThat(schemas.get("AiAssistant")
                        .get("properties")
                        .get("name")
                        .get("example")
                        .asString())
                .isEqualTo("Phone concierge");
        assertThat(schemas.get("InternalTools").toString()).contains("create_reservation");
        assertThat(schemas.get("ToolCall").get("properties").has("error_code")).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSlotToolTakesTheParametersOfTheSlotsEndpoint() {
        JsonNode document = new TestApi(port).get(null, "/openapi.json").body();
        List<String> endpoint = new ArrayList<>(document.get("paths")
                .get("/reservation-available-slots")
                .get("get")
                .get("parameters")
                .findValuesAsString("name"));
        endpoint.remove("organization_id");
        Map<String, Object> schema =
                tools.definition(AssistantTool.GET_AVAILABLE_SLOTS).inputSchema();
        assertThat(((Map<String, Object>) schema.get("properties")).keySet())
                .containsExactlyInAnyOrderElementsOf(endpoint);
    }
}
