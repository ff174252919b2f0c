package io.reserva.assistants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The MCP server driven by the official Java SDK's client over Streamable HTTP, as an AI client would. */
@IntegrationTest
class McpServerIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    AssistantFixtures fixtures;
    AssistantFixtures.Assistant assistant;
    McpSyncClient client;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new AssistantFixtures(api);
        assistant = fixtures.assistant(AssistantFixtures.allTools());
        client = client(assistant.key());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    McpSyncClient client(String key) {
        var transport = HttpClientStreamableHttpTransport.builder(api.base())
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key))
                .build();
        return McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(30))
                .clientInfo(new McpSchema.Implementation("reserva-tests", "1.0"))
                .build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void initializeListFindSlotsBookRescheduleAndFind() {
        McpSchema.InitializeResult initialized = client.initialize();
        assertThat(initialized.serverInfo().name()).isEqualTo("reserva");
        assertThat(initialized.protocolVersion()).isEqualTo("2025-11-25");
        assertThat(initialized.capabilities().tools()).isNotNull();

        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyElementsOf(AssistantFixtures.allTools());
        McpSchema.Tool create = tool(tools, "create_reservation");
        assertThat((List<String>) create.inputSchema().get("required"))
                .contains("service_id", "party_size", "start_datetime");
        assertThat((Map<String, Object>) create.inputSchema().get("properties"))
                .containsKeys("contact", "idempotency_key")
                .doesNotContainKeys("override", "source", "organization_id", "assigned_resources");

        McpSchema.CallToolResult services = call("get_reservation_services", Map.of("is_active", true));
        assertThat(services.isError()).isFalse();
        assertThat(structured(services).get("total")).isEqualTo(1);

        McpSchema.CallToolResult slots = call(
                "get_available_slots",
                Map.of("service_id", fixtures.service, "date", AssistantFixtures.DAY.toString(), "party_size", 2));
        assertThat(slots.isError()).as(text(slots)).isFalse();
        List<Map<String, Object>> offered = list(structured(slots).get("slots"));
        assertThat(offered).isNotEmpty();
        String first = (String) offered.get(0).get("start_datetime");
        String second = (String) offered.get(1).get("start_datetime");
        assertThat(text(slots)).contains(first);

        McpSchema.CallToolResult booked = call(
                "create_reservation",
                Map.of(
                        "service_id",
                        fixtures.service,
                        "party_size",
                        2,
                        "start_datetime",
                        first,
                        "contact",
                        Map.of("first_name", "Ana", "email", "ana@example.com")));
        assertThat(booked.isError()).as(text(booked)).isFalse();
        Map<String, Object> reservation = structured(booked);
        assertThat(reservation.get("source")).isEqualTo("ai_assistant");
        assertThat(reservation.get("status")).isEqualTo("confirmed");
        String id = (String) reservation.get("id");

        McpSchema.CallToolResult moved =
                call("update_reservation", Map.of("id", id, "start_datetime", second, "customer_notes", "Window seat"));
        assertThat(moved.isError()).as(text(moved)).isFalse();
        assertThat(structured(moved).get("start_datetime")).isEqualTo(second);

        // An assistant finds a booking by its confirmation code, not by who made it, and a booking found shows
        // its place and state, not the guest's notes (docs/assistants.md, "No stored guest data").
        McpSchema.CallToolResult found = call(
                "find_reservations",
                Map.of(
                        "searchTerm",
                        reservation.get("confirmation_code"),
                        "start_datetime",
                        Map.of("$gte", first),
                        "$limit",
                        5));
        assertThat(found.isError()).as(text(found)).isFalse();
        List<Map<String, Object>> data = list(structured(found).get("data"));
        assertThat(data).singleElement().satisfies(r -> {
            assertThat(r.get("id")).isEqualTo(id);
            assertThat(r.get("start_datetime")).isEqualTo(second);
            assertThat(r.get("customer_notes")).isNull();
        });
        McpSchema.CallToolResult byEmail =
                call("find_reservations", Map.of("searchTerm", "ana@example.com", "$limit", 5));
        assertThat(byEmail.isError()).as(text(byEmail)).isFalse();
        assertThat(list(structured(byEmail).get("data"))).isEmpty();

        // The REST API sees the same booking, made by the assistant.
        Response rest = api.get(fixtures.tenant.adminKey(), "/reservations/" + id);
        assertThat(rest.get("source")).isEqualTo("ai_assistant");
        assertThat(rest.get("start_datetime")).isEqualTo(second);
    }

    @Test
    void enablingAndDisablingTakesEffectOnTheNextRequest() {
        client.initialize();
        fixtures.setTools(assistant.id(), List.of("get_reservation_services"));
        assertThat(client.listTools().tools())
                .extracting(McpSchema.Tool::name)
                .containsExactly("get_reservation_services");
        assertThatThrownBy(() -> call(
                        "get_available_slots",
                        Map.of("service_id", fixtures.service, "date", AssistantFixtures.DAY.toString())))
                .isInstanceOf(McpError.class)
                .hasMessageContaining("Unknown tool");

        fixtures.setTools(assistant.id(), List.of("get_reservation_services", "get_available_slots"));
        assertThat(client.listTools().tools())
                .extracting(McpSchema.Tool::name)
                .containsExactly("get_reservation_services", "get_available_slots");
        assertThat(call(
                                "get_available_slots",
                                Map.of("service_id", fixtures.service, "date", AssistantFixtures.DAY.toString()))
                        .isError())
                .isFalse();

        TestApi.expect(
                api.patch(fixtures.tenant.adminKey(), "/ai-assistants/" + assistant.id(), Map.of("is_active", false)),
                200);
        assertThat(client.listTools().tools()).isEmpty();
        assertThatThrownBy(() -> call("get_reservation_services", Map.of()))
                .isInstanceOf(McpError.class)
                .hasMessageContaining("Unknown tool");
    }

    @Test
    void badArgumentsAreToolErrorsThatNameTheField() {
        client.initialize();
        McpSchema.CallToolResult missing = call(
                "create_reservation",
                Map.of("service_id", fixtures.service, "party_size", 0, "start_datetime", "tomorrow"));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("start_datetime").contains("ISO 8601");

        McpSchema.CallToolResult tooSmall = call(
                "create_reservation",
                Map.of("service_id", fixtures.service, "party_size", 0, "start_datetime", "2027-03-08T18:00:00Z"));
        assertThat(tooSmall.isError()).isTrue();
        assertThat(text(tooSmall)).contains("validation_failed").contains("party_size");
        assertThat(structured(tooSmall).get("errors").toString()).contains("party_size");

        McpSchema.CallToolResult override = call(
                "create_reservation",
                Map.of(
                        "service_id",
                        fixtures.service,
                        "party_size",
                        2,
                        "start_datetime",
                        "2027-03-08T18:00:00Z",
                        "override",
                        true,
                        "source",
                        "api"));
        assertThat(override.isError()).isTrue();
        assertThat(text(override)).contains("override is not available to assistants");

        McpSchema.CallToolResult noDate = call("get_available_slots", Map.of("service_id", fixtures.service));
        assertThat(noDate.isError()).isTrue();
        assertThat(text(noDate)).contains("date is required");

        McpSchema.CallToolResult badFilter =
                call("find_reservations", Map.of("status", Map.of("$regex", "conf"), "colour", "red"));
        assertThat(badFilter.isError()).isTrue();
        assertThat(text(badFilter)).contains("colour");

        McpSchema.CallToolResult badQuery = call("find_reservations", Map.of("status", Map.of("$regex", "conf")));
        assertThat(badQuery.isError()).isTrue();
        assertThat(text(badQuery)).contains("status[$regex]").contains("unknown operator");

        // Another organization's service is not found, as on the REST API.
        AssistantFixtures other = new AssistantFixtures(api);
        McpSchema.CallToolResult foreign = call(
                "get_available_slots", Map.of("service_id", other.service, "date", AssistantFixtures.DAY.toString()));
        assertThat(foreign.isError()).isTrue();
        assertThat(text(foreign)).startsWith("not_found");
    }

    @Test
    void aTakenTimeIsAToolErrorWithTheNearestFreeStarts() {
        client.initialize();
        String start = "2027-03-08T18:00:00Z";
        Map<String, Object> booking = Map.of(
                "service_id",
                fixtures.service,
                "party_size",
                2,
                "start_datetime",
                start,
                "contact",
                Map.of("first_name", "Bo", "email", "bo@example.com"));
        assertThat(call("create_reservation", booking).isError()).isFalse();
        McpSchema.CallToolResult taken = call("create_reservation", booking);
        assertThat(taken.isError()).isTrue();
        assertThat(text(taken)).startsWith("slot_unavailable");
        assertThat(structured(taken)).containsKey("nearest_available_starts");
    }

    @Test
    void theSameIdempotencyKeyAnswersTheFirstBookingAgain() {
        client.initialize();
        Map<String, Object> booking = new java.util.LinkedHashMap<>(Map.of(
                "service_id",
                fixtures.service,
                "party_size",
                2,
                "start_datetime",
                "2027-03-08T19:00:00Z",
                "contact",
                Map.of("first_name", "Cy", "email", "cy@example.com"),
                "idempotency_key",
                "call-42"));
        McpSchema.CallToolResult first = call("create_reservation", booking);
        McpSchema.CallToolResult again = call("create_reservation", booking);
        assertThat(first.isError()).as(text(first)).isFalse();
        assertThat(again.isError()).as(text(again)).isFalse();
        assertThat(structured(again).get("id")).isEqualTo(structured(first).get("id"));
        Response all = api.get(fixtures.tenant.adminKey(), "/reservations");
        assertThat(all.body().get("total").asInt()).isEqualTo(1);

        booking.put("party_size", 3);
        McpSchema.CallToolResult conflict = call("create_reservation", booking);
        assertThat(conflict.isError()).isTrue();
        assertThat(text(conflict)).startsWith("idempotency_conflict");
    }

    @Test
    void onlyAnAssistantKeyIsServed() {
        try (McpSyncClient admin = client(fixtures.tenant.adminKey())) {
            assertThatThrownBy(admin::initialize).isInstanceOf(RuntimeException.class);
        }
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";
        Map<String, String> headers = Map.of("Accept", "application/json, text/event-stream");
        Response admin = api.send(fixtures.tenant.adminKey(), "POST", "/mcp", initialize, headers);
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.code()).isEqualTo("forbidden");
        Response staff = api.send(api.newKey(fixtures.tenant, "staff"), "POST", "/mcp", initialize, headers);
        assertThat(staff.status()).isEqualTo(403);
        Response anonymous = api.send(null, "POST", "/mcp", initialize, headers);
        assertThat(anonymous.status()).isEqualTo(401);
        Response stranger =
                api.send("rsv_not-a-key-at-all-0123456789abcdefghijklmno", "POST", "/mcp", initialize, headers);
        assertThat(stranger.status()).isEqualTo(401);
        Response served = api.send(assistant.key(), "POST", "/mcp", initialize, headers);
        assertThat(served.status()).as(served.text()).isEqualTo(200);
        assertThat(served.text()).contains("\"protocolVersion\":\"2025-11-25\"");
        // Stateless: no event stream to open.
        assertThat(api.send(assistant.key(), "GET", "/mcp", null, Map.of("Accept", "text/event-stream"))
                        .status())
                .isEqualTo(405);
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    static McpSchema.Tool tool(List<McpSchema.Tool> tools, String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(McpSchema.CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static String text(McpSchema.CallToolResult result) {
        return result.content().stream()
                .map(c -> c instanceof McpSchema.TextContent t ? t.text() : "")
                .reduce("", String::concat);
    }
}
