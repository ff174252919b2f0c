package io.reserva.assistants;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Managing assistants, their credentials, the REST face of their tools, and the audit trail. */
@IntegrationTest
class AiAssistantIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    AssistantFixtures fixtures;
    String admin;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        fixtures = new AssistantFixtures(api);
        admin = fixtures.tenant.adminKey();
    }

    @Test
    void createGetListAndPatch() {
        Response created = api.post(
                admin,
                "/ai-assistants",
                fields(
                        "name",
                        " Phone concierge ",
                        "instructions",
                        "Confirm the time back",
                        "internal_tools",
                        fields("tools", List.of("get_available_slots", "find_reservations", "find_reservations"))));
        TestApi.expect(created, 201);
        assertThat(created.get("name")).isEqualTo("Phone concierge");
        assertThat(created.get("secret")).startsWith("rsv_");
        assertThat(created.body().get("is_active").asBoolean()).isTrue();
        // Canonical order, each once.
        assertThat(created.body().get("internal_tools").get("tools").toString())
                .isEqualTo("[\"find_reservations\",\"get_available_slots\"]");
        String id = created.get("id");
        String keyId = created.body().get("credential").get("api_key_id").asString();

        Response got = api.get(admin, "/ai-assistants/" + id);
        TestApi.expect(got, 200);
        assertThat(got.body().has("secret")).isFalse();
        assertThat(got.body().get("credential").get("key_prefix").asString())
                .isEqualTo(created.get("secret").substring(0, 10));

        // The credential is an API key of role assistant, listed with the others.
        Response key = api.get(admin, "/api-keys/" + keyId);
        assertThat(key.get("role")).isEqualTo("assistant");

        Response patched = api.patch(
                admin,
                "/ai-assistants/" + id,
                fields("internal_tools", fields("tools", List.of("create_reservation")), "is_active", false));
        TestApi.expect(patched, 200);
        assertThat(patched.body().get("internal_tools").get("tools").toString()).isEqualTo("[\"create_reservation\"]");
        assertThat(patched.body().get("is_active").asBoolean()).isFalse();
        assertThat(patched.get("instructions")).isEqualTo("Confirm the time back");

        Response listed = api.get(admin, "/ai-assistants?is_active=false&searchTerm=concierge");
        TestApi.expect(listed, 200);
        assertThat(listed.body().get("total").asInt()).isEqualTo(1);
        assertThat(listed.body().get("data").get(0).get("id").asString()).isEqualTo(id);
        assertThat(api.get(admin, "/ai-assistants?colour=red").status()).isEqualTo(400);
    }

    @Test
    void anUnknownToolKeyIsRefusedByNameAndChangesNothing() {
        AssistantFixtures.Assistant assistant = fixtures.assistant(List.of("find_reservations"));
        Response refused = api.patch(
                admin,
                "/ai-assistants/" + assistant.id(),
                fields("internal_tools", fields("tools", List.of("find_reservations", "delete_everything"))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("internal_tools.tools[1]");
        assertThat(refused.body().get("errors").get(0).get("message").asString())
                .contains("delete_everything");
        assertThat(api.get(admin, "/ai-assistants/" + assistant.id())
                        .body()
                        .get("internal_tools")
                        .get("tools")
                        .toString())
                .isEqualTo("[\"find_reservations\"]");

        Response onCreate = api.post(
                admin, "/ai-assistants", fields("name", "X", "internal_tools", fields("tools", List.of("nope"))));
        assertThat(onCreate.status()).isEqualTo(422);
        assertThat(onCreate.body().get("errors").get(0).get("field").asString()).isEqualTo("internal_tools.tools[0]");

        Response cleared = api.patch(admin, "/ai-assistants/" + assistant.id(), fields("internal_tools", null));
        assertThat(cleared.status()).isEqualTo(422);
        Response noName = api.post(admin, "/ai-assistants", fields("name", " "));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.body().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void onlyAdminsManageAssistants() {
        AssistantFixtures.Assistant assistant = fixtures.assistant(List.of("find_reservations"));
        for (String role : List.of("staff", "read_only")) {
            String key = api.newKey(fixtures.tenant, role);
            assertThat(api.get(key, "/ai-assistants").status()).as(role).isEqualTo(403);
            assertThat(api.get(key, "/ai-assistants/" + assistant.id()).status())
                    .as(role)
                    .isEqualTo(403);
            assertThat(api.post(key, "/ai-assistants", fields("name", "X")).status())
                    .as(role)
                    .isEqualTo(403);
            assertThat(api.get(key, "/ai-assistants/" + assistant.id() + "/tools")
                            .status())
                    .as(role)
                    .isEqualTo(403);
        }
        // The platform key acts for the organization it names.
        Response platform = api.post(
                TestApi.PLATFORM_KEY,
                "/ai-assistants",
                fields("organization_id", fixtures.tenant.id(), "name", "Made by the platform"));
        TestApi.expect(platform, 201);
        assertThat(platform.get("organization_id"))
                .isEqualTo(fixtures.tenant.id().toString());
    }

    @Test
    void assistantKeysAreNotIssuedNorRevokedThroughApiKeys() {
        Response refused = api.post(admin, "/api-keys", fields("name", "sneaky", "role", "assistant"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("role");

        Response created = api.post(
                admin, "/ai-assistants", fields("name", "Keeper", "internal_tools", fields("tools", List.of())));
        TestApi.expect(created, 201);
        String keyId = created.body().get("credential").get("api_key_id").asString();
        Response revoke = api.delete(admin, "/api-keys/" + keyId);
        assertThat(revoke.status()).as(revoke.text()).isEqualTo(409);
        assertThat(revoke.text()).contains("/ai-assistants/{id}/credential");
        assertThat(api.get(admin, "/api-keys/" + keyId).body().get("is_active").asBoolean())
                .as("still working, as its assistant shows")
                .isTrue();
    }

    @Test
    void anotherOrganizationsAssistantIsNotFound() {
        AssistantFixtures.Assistant assistant = fixtures.assistant(AssistantFixtures.allTools());
        AssistantFixtures other = new AssistantFixtures(api);
        String stranger = other.tenant.adminKey();
        String path = "/ai-assistants/" + assistant.id();
        assertThat(api.get(stranger, path).code()).isEqualTo("not_found");
        assertThat(api.patch(stranger, path, fields("name", "Mine")).status()).isEqualTo(404);
        assertThat(api.post(stranger, path + "/credential", null).status()).isEqualTo(404);
        assertThat(api.delete(stranger, path + "/credential").status()).isEqualTo(404);
        assertThat(api.get(stranger, path + "/tool-calls").status()).isEqualTo(404);
        assertThat(api.get(stranger, path + "/tools").status()).isEqualTo(404);
        assertThat(api.post(stranger, path + "/tools/get_reservation_services", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(stranger, "/ai-assistants").body().get("total").asInt())
                .isZero();
        assertThat(api.get(admin, path).get("name")).isEqualTo("Concierge");

        // An assistant key with another assistant's id, even of its own organization, is not found either.
        AssistantFixtures.Assistant sibling = fixtures.assistant(AssistantFixtures.allTools());
        assertThat(api.get(assistant.key(), "/ai-assistants/" + sibling.id() + "/tools")
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                assistant.key(),
                                "/ai-assistants/" + sibling.id() + "/tools/get_reservation_services",
                                Map.of())
                        .status())
                .isEqualTo(404);
        // Its tools see only its own organization: another's reservation is not found.
        Response foreignBooking = api.post(
                other.tenant.adminKey(),
                "/reservations",
                fields(
                        "service_id",
                        other.service,
                        "party_size",
                        2,
                        "start_datetime",
                        "2027-03-08T18:00:00Z",
                        "contact",
                        fields("first_name", "Dee", "email", "dee@example.com")));
        TestApi.expect(foreignBooking, 201);
        Response update = api.post(
                assistant.key(),
                "/ai-assistants/" + assistant.id() + "/tools/update_reservation",
                fields("id", foreignBooking.get("id"), "customer_notes", "hijacked"));
        assertThat(update.status()).isEqualTo(404);
        assertThat(api.get(other.tenant.adminKey(), "/reservations/" + foreignBooking.get("id"))
                        .body()
                        .get("customer_notes")
                        .isNull())
                .isTrue();
    }

    @Test
    void theRestFaceListsTheSameSchemasAndCallsTheSameTools() {
        AssistantFixtures.Assistant assistant =
                fixtures.assistant(List.of("get_available_slots", "create_reservation"));
        String tools = "/ai-assistants/" + assistant.id() + "/tools";
        Response listed = api.get(assistant.key(), tools);
        TestApi.expect(listed, 200);
        JsonNode data = listed.body().get("data");
        assertThat(data.findValuesAsString("name")).containsExactly("create_reservation", "get_available_slots");
        JsonNode parameters = data.get(0).get("parameters");
        assertThat(parameters.get("type").asString()).isEqualTo("object");
        assertThat(parameters.get("properties").get("party_size").get("minimum").asInt())
                .isEqualTo(1);
        assertThat(parameters.get("additionalProperties").asBoolean()).isFalse();
        // Admins see the same list.
        assertThat(api.get(admin, tools).body().get("data")).isEqualTo(data);

        Response slots = api.post(
                assistant.key(),
                tools + "/get_available_slots",
                fields("service_id", fixtures.service, "date", AssistantFixtures.DAY.toString(), "party_size", 2));
        TestApi.expect(slots, 200);
        String start = slots.body().get("slots").get(0).get("start_datetime").asString();

        Response booked = api.post(
                admin,
                tools + "/create_reservation",
                fields(
                        "service_id",
                        fixtures.service,
                        "party_size",
                        2,
                        "start_datetime",
                        start,
                        "contact",
                        fields("first_name", "Eva", "phone", "+49 30 1234567")));
        TestApi.expect(booked, 200);
        assertThat(booked.get("source")).isEqualTo("ai_assistant");

        Response bad = api.post(
                assistant.key(),
                tools + "/create_reservation",
                fields("service_id", fixtures.service, "party_size", 0, "start_datetime", start));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors").findValuesAsString("field")).contains("party_size");

        Response disabled = api.post(assistant.key(), tools + "/find_reservations", Map.of());
        assertThat(disabled.status()).isEqualTo(404);
        Response unknown = api.post(assistant.key(), tools + "/drop_tables", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void anAssistantNeverSeesTheStoredContactOfAReservation() {
        // Staff know this guest; a caller of the assistant only knows the contact's id, if anything.
        Response guest = api.post(
                admin,
                "/contacts",
                fields("first_name", "Private", "last_name", "Person", "email", "private@example.com"));
        TestApi.expect(guest, 201);
        String contactId = guest.get("id");
        Response staffBooking = api.post(
                admin,
                "/reservations",
                fields(
                        "service_id",
                        fixtures.service,
                        "party_size",
                        2,
                        "start_datetime",
                        "2027-03-08T17:00:00Z",
                        "contact_id",
                        contactId));
        TestApi.expect(staffBooking, 201);
        assertThat(staffBooking.body().get("contact").get("email").asString()).isEqualTo("private@example.com");

        AssistantFixtures.Assistant assistant = fixtures.assistant(List.of("find_reservations", "create_reservation"));
        String tools = "/ai-assistants/" + assistant.id() + "/tools";
        Response found = api.post(assistant.key(), tools + "/find_reservations", Map.of());
        TestApi.expect(found, 200);
        assertThat(found.body().get("data")).hasSize(1);
        // Not even the contact's id: with it, a list filtered by contact_id would show the guest's other bookings.
        assertThat(found.body().get("data").get(0).get("contact_id").isNull()).isTrue();
        assertNoStoredContact(found.body().get("data").get(0), found.text());

        Map<String, Object> booking = fields(
                "service_id",
                fixtures.service,
                "party_size",
                2,
                "start_datetime",
                "2027-03-08T19:00:00Z",
                "contact_id",
                contactId,
                "idempotency_key",
                "private-1");
        Response created = api.post(assistant.key(), tools + "/create_reservation", booking);
        TestApi.expect(created, 200);
        assertThat(created.body().get("contact_id").isNull()).isTrue();
        assertNoStoredContact(created.body(), created.text());
        Response replayed = api.post(assistant.key(), tools + "/create_reservation", booking);
        TestApi.expect(replayed, 200);
        assertThat(replayed.get("id")).isEqualTo(created.get("id"));
        assertNoStoredContact(replayed.body(), replayed.text());
    }

    private static void assertNoStoredContact(JsonNode reservation, String text) {
        assertThat(reservation.path("contact").isNull()
                        || reservation.path("contact").isMissingNode())
                .as(text)
                .isTrue();
        assertThat(text).doesNotContain("private@example.com", "Private", "Person");
    }

    @Test
    void concurrentRetriesUnderOneIdempotencyKeyBookOnce() throws Exception {
        AssistantFixtures.Assistant assistant = fixtures.assistant(List.of("create_reservation"));
        String call = "/ai-assistants/" + assistant.id() + "/tools/create_reservation";
        Map<String, Object> arguments = fields(
                "service_id",
                fixtures.service,
                "party_size",
                2,
                "start_datetime",
                "2027-03-08T20:00:00Z",
                "contact",
                fields("first_name", "Flo", "email", "flo@example.com"),
                "idempotency_key",
                "retry-7");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> api.post(assistant.key(), call, arguments)));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                Response response = answer.get();
                // A duplicate that arrives while the first still runs is told to retry; none books twice.
                assertThat(response.status()).as(response.text()).isIn(200, 409);
                if (response.status() == 200) {
                    ids.add(response.get("id"));
                } else {
                    assertThat(response.code()).isEqualTo("idempotency_in_progress");
                }
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        Response retried = api.post(assistant.key(), call, arguments);
        TestApi.expect(retried, 200);
        assertThat(api.get(admin, "/reservations").body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void theAuditTrailListsEveryCall() {
        AssistantFixtures.Assistant assistant = fixtures.assistant(List.of("get_available_slots"));
        String tools = "/ai-assistants/" + assistant.id() + "/tools";
        TestApi.expect(
                api.post(
                        assistant.key(),
                        tools + "/get_available_slots",
                        fields("service_id", fixtures.service, "date", AssistantFixtures.DAY.toString())),
                200);
        assertThat(api.post(assistant.key(), tools + "/get_available_slots", fields("service_id", "nope"))
                        .status())
                .isEqualTo(422);
        assertThat(api.post(assistant.key(), tools + "/create_reservation", Map.of())
                        .status())
                .isEqualTo(404);

        Response calls = api.get(admin, "/ai-assistants/" + assistant.id() + "/tool-calls");
        TestApi.expect(calls, 200);
        assertThat(calls.body().get("total").asInt()).isEqualTo(3);
        JsonNode newest = calls.body().get("data").get(0);
        assertThat(newest.get("tool").asString()).isEqualTo("create_reservation");
        assertThat(newest.get("outcome").asString()).isEqualTo("error");
        assertThat(newest.get("error_code").asString()).isEqualTo("not_found");
        assertThat(newest.get("channel").asString()).isEqualTo("rest");
        JsonNode invalid = calls.body().get("data").get(1);
        assertThat(invalid.get("error_code").asString()).isEqualTo("validation_failed");
        assertThat(invalid.get("error_message").asString()).contains("service_id");
        assertThat(invalid.get("arguments").get("service_id").asString()).isEqualTo("nope");
        JsonNode ok = calls.body().get("data").get(2);
        assertThat(ok.get("outcome").asString()).isEqualTo("ok");
        assertThat(ok.get("duration_ms").asInt()).isGreaterThanOrEqualTo(0);

        Response errorsOnly = api.get(admin, "/ai-assistants/" + assistant.id() + "/tool-calls?outcome=error");
        assertThat(errorsOnly.body().get("total").asInt()).isEqualTo(2);
        // The assistant cannot read its own audit trail.
        assertThat(api.get(assistant.key(), "/ai-assistants/" + assistant.id() + "/tool-calls")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aTextWithNulIsAToolErrorNamingTheFieldAndTheCallIsStillAudited() {
        AssistantFixtures.Assistant assistant = fixtures.assistant(List.of("create_reservation"));
        Response refused = api.post(
                assistant.key(),
                "/ai-assistants/" + assistant.id() + "/tools/create_reservation",
                fields(
                        "service_id",
                        fixtures.service,
                        "party_size",
                        2,
                        "start_datetime",
                        "2027-03-08T18:00:00Z",
                        "customer_notes",
                        "by the window\u0000",
                        "contact",
                        fields("first_name", "Nu\u0000l", "email", "nul@example.com")));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("validation_failed");
        assertThat(refused.body().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("customer_notes", "contact.first_name");
        assertThat(api.get(admin, "/reservations").body().get("total").asInt()).isZero();

        JsonNode rows = api.get(admin, "/ai-assistants/" + assistant.id() + "/tool-calls")
                .body()
                .get("data");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("error_code").asString()).isEqualTo("validation_failed");
        assertThat(rows.get(0).get("arguments").get("customer_notes").asString())
                .isEqualTo("by the window\\u0000");
        assertThat(rows.get(0).get("error_message").asString()).contains("customer_notes");
    }

    @Test
    void rotatingAndRevokingTheCredential() {
        AssistantFixtures.Assistant assistant = fixtures.assistant(List.of("get_reservation_services"));
        String call = "/ai-assistants/" + assistant.id() + "/tools/get_reservation_services";
        TestApi.expect(api.post(assistant.key(), call, Map.of()), 200);

        Response rotated = api.post(admin, "/ai-assistants/" + assistant.id() + "/credential", null);
        TestApi.expect(rotated, 201);
        String fresh = rotated.get("secret");
        assertThat(fresh).isNotEqualTo(assistant.key());
        assertThat(api.post(assistant.key(), call, Map.of()).status()).isEqualTo(401);
        TestApi.expect(api.post(fresh, call, Map.of()), 200);

        Response revoked = api.delete(admin, "/ai-assistants/" + assistant.id() + "/credential");
        TestApi.expect(revoked, 200);
        assertThat(revoked.body().get("credential").isNull()).isTrue();
        assertThat(api.post(fresh, call, Map.of()).status()).isEqualTo(401);
        // Still there for its admins.
        TestApi.expect(api.get(admin, "/ai-assistants/" + assistant.id()), 200);
    }

    @Test
    void aBrowserOriginNotOnTheAllowListIsRefused() {
        AssistantFixtures.Assistant assistant = fixtures.assistant(List.of("get_reservation_services"));
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"page\",\"version\":\"1\"}}}";
        Response refused = api.send(
                assistant.key(),
                "POST",
                "/mcp",
                initialize,
                Map.of("Accept", "application/json, text/event-stream", "Origin", "http://evil.example"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
        assertThat(refused.body().get("detail").asString()).contains("http://evil.example");
        // Refused before authentication: a foreign page cannot even probe keys.
        assertThat(api.send(null, "POST", "/mcp", initialize, Map.of("Origin", "http://evil.example"))
                        .status())
                .isEqualTo(403);
        Response withoutOrigin = api.send(
                assistant.key(), "POST", "/mcp", initialize, Map.of("Accept", "application/json, text/event-stream"));
        assertThat(withoutOrigin.status()).isEqualTo(200);
    }

    @Test
    void anAssistantKeyIsRefusedOnEveryOtherEndpoint() {
        AssistantFixtures.Assistant assistant = fixtures.assistant(AssistantFixtures.allTools());
        JsonNode paths = api.get(null, "/openapi.json").body().get("paths");
        int checked = 0;
        for (var path : paths.properties()) {
            String template = path.getKey();
            if (template.equals("/mcp") || template.startsWith("/ai-assistants/{id}/tools")) {
                continue;
            }
            String concrete = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String body = List.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
                // Twilio's callbacks take forms: sent as one, so the refusal tested is the key's, not a
                // 415 for the body.
                Map<String, String> headers = body != null && template.startsWith("/sms/twilio/")
                        ? Map.of("Content-Type", "application/x-www-form-urlencoded")
                        : Map.of();
                Response answer = api.send(assistant.key(), method, concrete, body, headers);
                if (template.startsWith("/google/v3/")) {
                    // Google's booking server knows only partner credentials (HTTP Basic): any API key is unknown.
                    assertThat(answer.status()).as(method + " " + concrete).isEqualTo(401);
                    checked++;
                    continue;
                }
                assertThat(answer.status()).as(method + " " + concrete).isEqualTo(403);
                assertThat(answer.code()).as(method + " " + concrete).isEqualTo("forbidden");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
        // Also outside the documented API: the document itself, unknown paths.
        assertThat(api.get(assistant.key(), "/openapi.json").status()).isEqualTo(403);
        assertThat(api.get(assistant.key(), "/no-such-path").status()).isEqualTo(403);
        assertThat(api.get(assistant.key(), "/problems").status()).isEqualTo(403);
    }
}
