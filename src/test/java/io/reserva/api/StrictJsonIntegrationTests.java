package io.reserva.api;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bodies are read exactly as written: no value changes type on the way in, and no key counts twice. Each refusal
 * is a {@code 422 validation_failed} naming the field, and stores nothing.
 */
@IntegrationTest
class StrictJsonIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
    }

    @Test
    void aStringIsNotANumber() {
        assertRefusedAndNothingStored(
                "/reservation-services", fields("name", "Cut", "duration_minutes", "45"), "duration_minutes");
    }

    @Test
    void aNumberIsNotAString() {
        assertRefusedAndNothingStored("/reservation-services", fields("name", 123, "duration_minutes", 45), "name");
        assertRefusedAndNothingStored("/contacts", fields("first_name", 12.5), "first_name");
    }

    @Test
    void onlyTrueAndFalseAreBooleans() {
        assertRefusedAndNothingStored(
                "/reservation-services",
                fields("name", "Cut", "duration_minutes", 45, "is_public", "true"),
                "is_public");
        assertRefusedAndNothingStored(
                "/reservation-services", fields("name", "Cut", "duration_minutes", 45, "is_public", 1), "is_public");
    }

    @Test
    void aWholeNumberWrittenWithADecimalPointIsNotAnInteger() {
        assertRefusedAndNothingStored(
                "/reservation-services", "{\"name\": \"Cut\", \"duration_minutes\": 45.0}", "duration_minutes");
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertRefusedAndNothingStored("/contacts", "{\"first_name\": \"Ana\", \"first_name\": \"Eva\"}", "first_name");
        assertRefusedAndNothingStored(
                "/reservation-services",
                "{\"name\": \"Cut\", \"duration_minutes\": 45, \"duration_minutes\": 90}",
                "duration_minutes");
    }

    @Test
    void textWithTheNulCharacterIsRefusedNamingTheField() {
        assertRefusedAndNothingStored("/contacts", fields("first_name", "An\u0000a"), "first_name");
        assertRefusedAndNothingStored(
                "/reservation-services",
                fields("name", "Cut", "duration_minutes", 45, "description", "\u0000"),
                "description");

        Response query = api.get(tenant.adminKey(), "/contacts?first_name=An%00a");
        assertThat(query.status()).as(query.text()).isEqualTo(400);
        assertThat(query.code()).isEqualTo("invalid_query");
        assertThat(query.body().get("errors").get(0).get("field").asString()).isEqualTo("first_name");
    }

    @Test
    void aDateBeyondTheSupportedYearsIsRefusedNamingTheField() {
        String service = api.post(
                        tenant.adminKey(), "/reservation-services", fields("name", "Cut", "duration_minutes", 45))
                .get("id");
        for (String far :
                java.util.List.of("+999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z")) {
            assertRefusedAndNothingStored(
                    "/reservations",
                    fields("service_id", service, "party_size", 2, "start_datetime", far),
                    "start_datetime");
        }
        Response response = api.post(
                tenant.adminKey(),
                "/reservations",
                fields("service_id", service, "party_size", 2, "start_datetime", "+999999-01-01T00:00:00Z"));
        assertThat(response.body().get("errors").get(0).get("message").asString())
                .contains("1 to 9999");
        assertRefusedAndNothingStored(
                "/reservation-resource-exceptions",
                fields("date", "+999999-01-01", "exception_type", "blocked"),
                "date");
    }

    @Test
    void aPartialUpdateIsJustAsStrict() {
        String path = "/organizations/" + tenant.id();
        String before = api.get(tenant.adminKey(), path).text();

        assertProblem(api.patch(tenant.adminKey(), path, fields("name", 42)), "name");
        assertProblem(api.patch(tenant.adminKey(), path, "{\"name\": \"A\", \"name\": \"B\"}"), "name");

        assertThat(api.get(tenant.adminKey(), path).text()).isEqualTo(before);
    }

    @Test
    void correctlyTypedBodiesStillPass() {
        Response created = api.post(
                tenant.adminKey(),
                "/reservation-services",
                fields("name", "Cut", "duration_minutes", 45, "is_public", true));
        TestApi.expect(created, 201);
        assertThat(created.body().get("duration_minutes").asInt()).isEqualTo(45);
        assertThat(total("/reservation-services")).isEqualTo(1);
    }

    private void assertRefusedAndNothingStored(String path, Object body, String field) {
        int before = total(path);
        assertProblem(api.post(tenant.adminKey(), path, body), field);
        assertThat(total(path)).as("rows in %s", path).isEqualTo(before);
    }

    private static void assertProblem(Response response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("validation_failed");
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private int total(String path) {
        Response list = api.get(tenant.adminKey(), path + "?$limit=1");
        TestApi.expect(list, 200);
        return list.body().get("total").asInt();
    }
}
