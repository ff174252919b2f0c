package io.reserva.assistants;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What /mcp answers to requests it cannot serve: the status the Streamable HTTP transport asks for and a
 * JSON-RPC error object, never a Java exception, a class name or a stack frame.
 */
@IntegrationTest
class McpJsonRpcErrorsIntegrationTests {

    static final String BOTH = "application/json, text/event-stream";
    static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    /** What Java leaks when it leaks: package-qualified names, exceptions, stack frames. */
    static final String JAVA =
            "(?s).*(\\b(java|jakarta|tools\\.jackson|io\\.modelcontextprotocol|reactor|org\\.springframework)\\."
                    + "|Exception|\\bat [a-z]+\\.[a-z]|\\.java:\\d).*";

    @LocalServerPort
    int port;

    TestApi api;
    String admin;
    String assistantId;
    String key;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        admin = api.newTenant().adminKey();
        Response created = api.post(
                admin,
                "/ai-assistants",
                fields("name", "Concierge", "internal_tools", fields("tools", List.of("get_reservation_services"))));
        TestApi.expect(created, 201);
        key = created.get("secret");
        assistantId = created.get("id");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("malformed JSON", "{\"jsonrpc\": \"2.0\", \"id\": 1,", Map.of(), 400, -32700),
                refusal("an empty body", "", Map.of(), 400, -32700),
                refusal("something after the message", PING + " []", Map.of(), 400, -32700),
                refusal(
                        "a key twice",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}",
                        Map.of(),
                        400,
                        -32700),
                refusal("a batch", "[" + PING + "]", Map.of(), 400, -32600),
                refusal("a string, not a message", "\"ping\"", Map.of(), 400, -32600),
                refusal("no jsonrpc", "{\"id\":1,\"method\":\"ping\"}", Map.of(), 400, -32600),
                refusal("jsonrpc 1.0", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", Map.of(), 400, -32600),
                refusal("jsonrpc as a number", "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}", Map.of(), 400, -32600),
                refusal(
                        "an object id",
                        "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}",
                        Map.of(),
                        400,
                        -32600),
                refusal(
                        "a fractional id",
                        "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}",
                        Map.of(),
                        400,
                        -32600),
                refusal("no method", "{\"jsonrpc\":\"2.0\",\"id\":1}", Map.of(), 400, -32600),
                refusal(
                        "a method that is not a string",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}",
                        Map.of(),
                        400,
                        -32600),
                refusal(
                        "params as a string",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":\"x\"}",
                        Map.of(),
                        200,
                        -32602),
                refusal("arguments as a string", call("\"get_reservation_services\"", "\"x\""), Map.of(), 200, -32602),
                refusal("arguments as an array", call("\"get_reservation_services\"", "[1]"), Map.of(), 200, -32602),
                refusal("a tool name that is not a string", call("42", "{}"), Map.of(), 200, -32602),
                refusal(
                        "initialize params of the wrong shape",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":{},"
                                + "\"capabilities\":[],\"clientInfo\":7}}",
                        Map.of(),
                        200,
                        -32602),
                refusal(
                        "initialize without params",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}",
                        Map.of(),
                        200,
                        -32602),
                refusal(
                        "an unknown method",
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/delete\"}",
                        Map.of(),
                        200,
                        -32601),
                refusal("an unknown tool", call("\"drop_tables\"", "{}"), Map.of(), 200, -32602),
                refusal("a disabled tool", call("\"find_reservations\"", "{}"), Map.of(), 200, -32602),
                refusal("Accept without text/event-stream", PING, Map.of("Accept", "application/json"), 406, -32600),
                refusal("Accept of HTML only", PING, Map.of("Accept", "text/html"), 406, -32600),
                refusal("an Accept that does not parse", PING, Map.of("Accept", "no/such/type;;"), 406, -32600),
                refusal("a text body", PING, Map.of("Content-Type", "text/plain"), 415, -32600),
                refusal("a form body", PING, Map.of("Content-Type", "application/x-www-form-urlencoded"), 415, -32600),
                refusal(
                        "an unsupported MCP-Protocol-Version",
                        PING,
                        Map.of("MCP-Protocol-Version", "1900-01-01"),
                        400,
                        -32600),
                refusal(
                        "a malformed MCP-Protocol-Version",
                        PING,
                        Map.of("MCP-Protocol-Version", "not-a-version"),
                        400,
                        -32600));
    }

    static String call(String name, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":" + name
                + ",\"arguments\":" + arguments + "}}";
    }

    static Arguments refusal(String what, String body, Map<String, String> headers, int status, int code) {
        return Arguments.of(what, body, headers, status, code);
    }

    @ParameterizedTest(name = "{0}: {3} {4}")
    @MethodSource("refusals")
    void eachRefusalIsAJsonRpcErrorWithTheRightStatus(
            String what, String body, Map<String, String> headers, int status, int code) {
        Response response = post(body, headers);
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.text()).doesNotMatch(JAVA);
        JsonNode error = response.body().get("error");
        assertThat(response.body().get("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(response.body().has("id"))
                .as("id is always there, null when unknown")
                .isTrue();
        assertThat(error.get("code").asInt()).as(response.text()).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank();
    }

    @Test
    void anUnknownToolSaysSoByNameAndIsAudited() {
        Response unknown = post(call("\"drop\\u0000tables\"", "{\"why\":\"\\u0000\"}"), Map.of());
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body().get("id").asInt()).isEqualTo(1);
        assertThat(unknown.body().get("error").get("message").asString()).isEqualTo("Unknown tool: drop\u0000tables");

        Response disabled = post(call("\"find_reservations\"", "{}"), Map.of());
        assertThat(disabled.body().get("error").get("message").asString()).isEqualTo("Unknown tool: find_reservations");

        JsonNode rows = api.get(admin, "/ai-assistants/" + assistantId + "/tool-calls")
                .body()
                .get("data");
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("channel").asString()).isEqualTo("mcp");
            assertThat(row.get("error_code").asString()).isEqualTo("not_found");
        });
        assertThat(rows.get(0).get("tool").asString()).isEqualTo("find_reservations");
        assertThat(rows.get(1).get("tool").asString()).isEqualTo("drop\\u0000tables");
        assertThat(rows.get(1).get("arguments").get("why").asString()).isEqualTo("\\u0000");
    }

    @Test
    void aRequestWithAValidIdKeepsItInItsError() {
        Response response =
                post("{\"jsonrpc\":\"2.0\",\"id\":\"req-7\",\"method\":\"tools/list\",\"params\":5}", Map.of());
        assertThat(response.body().get("id").asString()).isEqualTo("req-7");
        Response noMethod = post("{\"jsonrpc\":\"2.0\",\"id\":\"req-8\"}", Map.of());
        assertThat(noMethod.body().get("id").asString()).isEqualTo("req-8");
        Response objectId = post("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", Map.of());
        assertThat(objectId.body().get("id").isNull()).isTrue();
    }

    @Test
    void notificationsAndClientAnswersAreAcceptedWithoutABody() {
        Response initialized = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Map.of());
        assertThat(initialized.status()).isEqualTo(202);
        assertThat(initialized.text()).isEmpty();
        Response answer = post("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}", Map.of());
        assertThat(answer.status()).isEqualTo(202);
    }

    @Test
    void theSupportedWaysInStillWork() {
        Response ping = post(PING, Map.of("MCP-Protocol-Version", "2025-11-25"));
        assertThat(ping.status()).as(ping.text()).isEqualTo(200);
        assertThat(ping.body().get("result").isObject()).isTrue();
        Response anyType = post(PING, Map.of("Accept", "*/*", "Content-Type", "application/json; charset=utf-8"));
        assertThat(anyType.status()).as(anyType.text()).isEqualTo(200);
        Response list = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}", Map.of());
        JsonNode tools = list.body().get("result").get("tools");
        assertThat(tools).hasSize(1);
        assertThat(tools.get(0).get("name").asString()).isEqualTo("get_reservation_services");
        Response get = api.send(key, "GET", "/mcp", null, Map.of("Accept", "text/event-stream"));
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST");
        assertThat(get.text()).doesNotMatch(JAVA);
    }

    Response post(String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", BOTH);
        all.putAll(headers);
        return api.send(key, "POST", "/mcp", body, all);
    }
}
