package io.reserva.customfields;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Custom field definitions over HTTP, and CustomFieldValues against them. */
@IntegrationTest
class CustomFieldIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CustomFieldValues values;

    TestApi api;
    Tenant tenant;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
    }

    private Response define(String entityType, String key, String fieldType, Object... more) {
        Map<String, Object> body = fields("entity_type", entityType, "key", key, "label", "Label of " + key);
        body.put("field_type", fieldType);
        body.putAll(fields(more));
        return api.post(tenant.adminKey(), "/custom-fields", body);
    }

    private static List<String> errorFields(Response response) {
        return response.body().get("errors").findValuesAsString("field");
    }

    @Test
    void aDefinitionMakesTheRoundTrip() {
        Response created = define(
                "reservation",
                "dietary_requirements",
                "multiselect",
                "options",
                List.of("vegetarian", "vegan"),
                "is_required",
                true,
                "description",
                "For the kitchen");
        TestApi.expect(created, 201);
        assertThat(created.get("entity_type")).isEqualTo("reservation");
        assertThat(created.get("field_type")).isEqualTo("multiselect");
        assertThat(created.body().get("is_required").asBoolean()).isTrue();
        assertThat(created.body().get("is_active").asBoolean()).isTrue();
        assertThat(created.body().get("position").asInt()).isZero();
        assertThat(created.get("organization_id")).isEqualTo(tenant.id().toString());
        String id = created.get("id");

        assertThat(api.get(tenant.adminKey(), "/custom-fields/" + id).body()).isEqualTo(created.body());

        Response changed = api.patch(
                tenant.adminKey(),
                "/custom-fields/" + id,
                fields("label", "Diet", "options", List.of("vegetarian", "vegan", "halal"), "is_required", false));
        TestApi.expect(changed, 200);
        assertThat(changed.get("label")).isEqualTo("Diet");
        assertThat(changed.body().get("options").findValuesAsString("options")).isEmpty();
        assertThat(changed.body().get("options")).hasSize(3);
        assertThat(changed.body().get("is_required").asBoolean()).isFalse();
        assertThat(changed.get("key")).isEqualTo("dietary_requirements");

        Response deleted = api.delete(tenant.adminKey(), "/custom-fields/" + id);
        TestApi.expect(deleted, 200);
        assertThat(api.get(tenant.adminKey(), "/custom-fields/" + id).status()).isEqualTo(404);
    }

    @Test
    void positionsDefaultToAfterTheLastOfTheSameEntityType() {
        TestApi.expect(define("contact", "a", "text", "position", 10), 201);
        assertThat(define("contact", "b", "text").body().get("position").asInt())
                .isEqualTo(11);
        assertThat(define("reservation", "c", "text").body().get("position").asInt())
                .isZero();
        Response list = api.get(tenant.adminKey(), "/custom-fields?entity_type=contact&$sort[position]=-1");
        assertThat(list.body().get("total").asInt()).isEqualTo(2);
        assertThat(list.body().get("data").findValuesAsString("key")).containsExactly("b", "a");
    }

    @Test
    void aKeyIsUniquePerOrganizationAndEntityType() {
        TestApi.expect(define("contact", "birthday", "date"), 201);
        Response duplicate = define("contact", "birthday", "text");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("conflict");
        assertThat(errorFields(duplicate)).containsExactly("key");
        TestApi.expect(define("reservation", "birthday", "date"), 201);
        Tenant other = api.newTenant();
        TestApi.expect(
                api.post(
                        other.adminKey(),
                        "/custom-fields",
                        fields("entity_type", "contact", "key", "birthday", "label", "Birthday", "field_type", "date")),
                201);
    }

    @Test
    void invalidDefinitionsNameEveryFieldAndChangeNothing() {
        Response bad = api.post(
                tenant.adminKey(),
                "/custom-fields",
                fields(
                        "entity_type",
                        "contact",
                        "key",
                        "Bad-Key",
                        "label",
                        " ",
                        "field_type",
                        "text",
                        "options",
                        List.of("a")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("key", "label", "options");

        Response noOptions = define("contact", "seat", "select");
        assertThat(noOptions.status()).isEqualTo(422);
        assertThat(errorFields(noOptions)).containsExactly("options");

        Response repeated = define("contact", "seat", "select", "options", List.of("bar", "bar"));
        assertThat(errorFields(repeated)).containsExactly("options[1]");

        Response unknownType = define("contact", "seat", "colour");
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(errorFields(unknownType)).containsExactly("field_type");

        Response unknownEntity = define("invoice", "seat", "text");
        assertThat(errorFields(unknownEntity)).containsExactly("entity_type");

        assertThat(api.get(tenant.adminKey(), "/custom-fields")
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void keyAndEntityTypeAreFixedButMayBeSentBackUnchanged() {
        Response created = define("contact", "seat", "select", "options", List.of("bar", "window"));
        String id = created.get("id");
        Response rename = api.patch(tenant.adminKey(), "/custom-fields/" + id, fields("key", "seating"));
        assertThat(rename.status()).isEqualTo(422);
        assertThat(errorFields(rename)).containsExactly("key");
        Response move = api.patch(tenant.adminKey(), "/custom-fields/" + id, fields("entity_type", "reservation"));
        assertThat(errorFields(move)).containsExactly("entity_type");
        Response echo = api.patch(
                tenant.adminKey(),
                "/custom-fields/" + id,
                fields("key", "seat", "entity_type", "contact", "label", "Seat"));
        TestApi.expect(echo, 200);
        Response toText = api.patch(tenant.adminKey(), "/custom-fields/" + id, fields("field_type", "text"));
        assertThat(errorFields(toText)).containsExactly("options");
        Response cleared = api.patch(tenant.adminKey(), "/custom-fields/" + id, fields("label", null));
        assertThat(errorFields(cleared)).containsExactly("label");
        TestApi.expect(
                api.patch(tenant.adminKey(), "/custom-fields/" + id, fields("field_type", "text", "options", null)),
                200);
    }

    @Test
    void onlyAdminKeysWriteAndEveryKeyReads() {
        String id = define("contact", "seat", "text").get("id");
        String staff = api.newKey(tenant, "staff");
        String readOnly = api.newKey(tenant, "read_only");
        Response staffCreates = api.post(
                staff,
                "/custom-fields",
                fields("entity_type", "contact", "key", "x", "label", "X", "field_type", "text"));
        assertThat(staffCreates.status()).isEqualTo(403);
        assertThat(api.patch(staff, "/custom-fields/" + id, fields("label", "Y"))
                        .status())
                .isEqualTo(403);
        assertThat(api.delete(staff, "/custom-fields/" + id).status()).isEqualTo(403);
        assertThat(api.delete(readOnly, "/custom-fields/" + id).status()).isEqualTo(403);
        assertThat(api.get(staff, "/custom-fields/" + id).status()).isEqualTo(200);
        assertThat(api.get(readOnly, "/custom-fields").body().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void anotherOrganizationsDefinitionsAreNotFound() {
        String id = define("contact", "seat", "text").get("id");
        Tenant other = api.newTenant();
        assertThat(api.get(other.adminKey(), "/custom-fields/" + id).status()).isEqualTo(404);
        assertThat(api.patch(other.adminKey(), "/custom-fields/" + id, fields("label", "Hijacked"))
                        .status())
                .isEqualTo(404);
        assertThat(api.delete(other.adminKey(), "/custom-fields/" + id).status())
                .isEqualTo(404);
        assertThat(api.get(other.adminKey(), "/custom-fields")
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.get(other.adminKey(), "/custom-fields?organization_id=" + tenant.id())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(tenant.adminKey(), "/custom-fields/" + id).get("label"))
                .isEqualTo("Label of seat");
    }

    @Test
    void listsFilterByActiveKeyAndEntityType() {
        define("contact", "a", "text");
        define("contact", "b", "text", "is_active", false);
        define("reservation", "a", "text");
        assertThat(api.get(tenant.adminKey(), "/custom-fields?is_active=true&entity_type=contact")
                        .body()
                        .get("data")
                        .findValuesAsString("key"))
                .containsExactly("a");
        assertThat(api.get(tenant.adminKey(), "/custom-fields?key=a")
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get(tenant.adminKey(), "/custom-fields?$limit=500")
                        .body()
                        .get("limit")
                        .asInt())
                .isEqualTo(50);
        assertThat(api.get(tenant.adminKey(), "/custom-fields?colour=red").status())
                .isEqualTo(400);
    }

    @Test
    void valuesAreCheckedForTheRightEntityTypeAndMerged() {
        define("reservation", "occasion", "select", "options", List.of("birthday", "anniversary"), "is_required", true);
        define("reservation", "guests_note", "text");
        define("contact", "birthday", "date");
        UUID org = tenant.id();

        Map<String, Object> created =
                values.validate(org, EntityType.RESERVATION, fields("occasion", "birthday", "guests_note", "hi"), null);
        assertThat(created).containsEntry("occasion", "birthday").containsEntry("guests_note", "hi");

        assertThat(errors(() -> values.validate(org, EntityType.RESERVATION, fields("birthday", "2027-01-01"), null)))
                .containsExactly(
                        new FieldError(
                                "custom_fields_by_key.birthday",
                                "is not a custom field of this organization's reservations"),
                        new FieldError("custom_fields_by_key.occasion", "is required"));

        Map<String, Object> merged = values.validate(org, EntityType.RESERVATION, fields("guests_note", null), created);
        assertThat(merged).containsOnlyKeys("occasion");
        assertThat(errors(() -> values.validate(org, EntityType.RESERVATION, fields("occasion", null), created)))
                .extracting(FieldError::field)
                .containsExactly("custom_fields_by_key.occasion");
        assertThat(errors(() -> values.validate(org, EntityType.RESERVATION, fields("occasion", ""), created)))
                .extracting(FieldError::field)
                .containsExactly("custom_fields_by_key.occasion");
        assertThat(values.validate(org, EntityType.RESERVATION, Map.of(), created))
                .isEqualTo(created);
    }

    @Test
    void inactiveFieldsKeepTheirValuesButTakeNoNewOnesAndAreNotRequired() {
        String id =
                define("reservation", "table_pref", "text", "is_required", true).get("id");
        Map<String, Object> stored =
                values.validate(tenant.id(), EntityType.RESERVATION, fields("table_pref", "window"), null);
        TestApi.expect(api.patch(tenant.adminKey(), "/custom-fields/" + id, fields("is_active", false)), 200);

        assertThat(values.validate(tenant.id(), EntityType.RESERVATION, Map.of(), null))
                .isEmpty();
        assertThat(values.validate(tenant.id(), EntityType.RESERVATION, Map.of(), stored))
                .containsEntry("table_pref", "window");
        assertThat(values.validate(tenant.id(), EntityType.RESERVATION, fields("table_pref", "window"), stored))
                .containsEntry("table_pref", "window");
        assertThat(errors(() ->
                        values.validate(tenant.id(), EntityType.RESERVATION, fields("table_pref", "terrace"), stored)))
                .extracting(FieldError::field)
                .containsExactly("custom_fields_by_key.table_pref");
    }

    private static List<FieldError> errors(Runnable call) {
        try {
            call.run();
        } catch (ReservaException e) {
            assertThat(e.code().code()).isEqualTo("validation_failed");
            return e.errors();
        }
        assertThatThrownBy(() -> {}).as("expected a validation failure");
        throw new AssertionError("expected a validation failure");
    }
}
