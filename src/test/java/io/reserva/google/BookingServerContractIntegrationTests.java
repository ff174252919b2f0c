package io.reserva.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the request/response pairs in {@code src/test/resources/google/} (written from the samples and message
 * definitions of Google's booking server v3 reference) against one venue, every RPC in turn, and compares each
 * answer exactly: field names, values and JSON types (64-bit integers as strings).
 */
@IntegrationTest
class BookingServerContractIntegrationTests {

    static final List<String> FILES = List.of(
            "1_health_check.json",
            "2_check_availability.json",
            "3_batch_availability_lookup.json",
            "4_create_booking.json",
            "5_get_booking_status.json",
            "6_list_bookings.json",
            "7_update_booking.json",
            "8_set_marketing_preference.json");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void everyRpcAnswersAsTheReferenceSays() throws IOException {
        GoogleFixture google = new GoogleFixture(new TestApi(port));
        long start = GoogleFixture.startSec(3, "19:00");
        String user = "u" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> variables = new HashMap<>();
        variables.put("merchant_id", google.merchantId);
        variables.put("start_sec", Long.toString(start));
        variables.put("half_hour_later_sec", Long.toString(start + 1_800));
        variables.put("later_sec", Long.toString(start + 3_600));
        variables.put("off_grid_sec", Long.toString(start + 600));
        variables.put("deadline_sec", Long.toString(start - 7_200));
        variables.put("user_id", user);
        variables.put("email", user + "@example.com");
        variables.put("token", UUID.randomUUID().toString());
        replay(google, FILES, variables);
    }

    /** Replays each file's exchanges in order; variables bound by one answer hold for the files after it. */
    static void replay(GoogleFixture google, List<String> files, Map<String, String> variables) throws IOException {
        for (String file : files) {
            JsonNode contract = JSON.readTree(substitute(read(file), variables));
            String rpc = contract.get("rpc").asString();
            String method = contract.has("method") ? contract.get("method").asString() : "POST";
            for (JsonNode exchange : contract.get("exchanges")) {
                String name = file + " / " + exchange.get("name").asString();
                JsonNode request = exchange.get("request");
                String body = request == null
                        ? null
                        : request.isString() ? request.asString() : JSON.writeValueAsString(request);
                Response response = google.api.send(
                        null, method, "/google/v3/" + rpc, body, Map.of("Authorization", google.authorization));
                assertThat(response.status())
                        .as(name + ": " + response.text())
                        .isEqualTo(exchange.get("status").asInt());
                if (exchange.has("code")) {
                    assertThat(response.header("Content-Type")).as(name).startsWith("application/problem+json");
                    assertThat(response.code())
                            .as(name)
                            .isEqualTo(exchange.get("code").asString());
                } else {
                    assertThat(response.header("Content-Type")).as(name).startsWith("application/json");
                    matches(name, "$", exchange.get("response"), response.body(), variables);
                }
            }
        }
    }

    /** Exact comparison, where a string "{{name}}" is that variable, or binds it when it has no value yet. */
    private static void matches(
            String name, String path, JsonNode expected, JsonNode actual, Map<String, String> variables) {
        assertThat(actual).as(name + " " + path + " is missing").isNotNull();
        if (expected.isString()) {
            Matcher variable = VARIABLE.matcher(expected.asString());
            if (variable.matches()) {
                assertThat(actual.isString())
                        .as(name + " " + path + " is a string: " + actual)
                        .isTrue();
                String bound = variables.putIfAbsent(variable.group(1), actual.asString());
                if (bound != null) {
                    assertThat(actual.asString()).as(name + " " + path).isEqualTo(bound);
                }
                return;
            }
        }
        if (expected.isObject()) {
            assertThat(actual.isObject())
                    .as(name + " " + path + " is an object: " + actual)
                    .isTrue();
            assertThat(names(actual))
                    .as(name + " " + path + " fields")
                    .containsExactlyInAnyOrderElementsOf(names(expected));
            for (String field : names(expected)) {
                matches(name, path + "." + field, expected.get(field), actual.get(field), variables);
            }
            return;
        }
        if (expected.isArray()) {
            assertThat(actual.isArray())
                    .as(name + " " + path + " is an array: " + actual)
                    .isTrue();
            assertThat(actual.size()).as(name + " " + path + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                matches(name, path + "[" + i + "]", expected.get(i), actual.get(i), variables);
            }
            return;
        }
        assertThat(actual).as(name + " " + path).isEqualTo(expected);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        Iterator<String> it = node.propertyNames().iterator();
        it.forEachRemaining(names::add);
        return names;
    }

    private static String substitute(String text, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String read(String file) throws IOException {
        try (InputStream in = BookingServerContractIntegrationTests.class.getResourceAsStream("/google/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
