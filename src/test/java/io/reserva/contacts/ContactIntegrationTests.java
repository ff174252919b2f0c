package io.reserva.contacts;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The /contacts endpoints: round trips, normalization, validation, uniqueness, search and filters. */
@IntegrationTest
class ContactIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
    }

    private Response create(Object... body) {
        return api.post(tenant.adminKey(), "/contacts", fields(body));
    }

    private static List<String> errorFields(Response response) {
        return response.body().get("errors").findValuesAsString("field");
    }

    private int total(String query) {
        Response list = api.get(tenant.adminKey(), "/contacts" + query);
        TestApi.expect(list, 200);
        return list.body().get("total").asInt();
    }

    @Test
    void aContactMakesTheRoundTrip() {
        Response created = create(
                "first_name",
                " Ana ",
                "last_name",
                "García",
                "email",
                "Ana.Garcia@Example.COM",
                "phone",
                "030 1234567",
                "notes",
                "Prefers the terrace",
                "tags",
                List.of("VIP", "regular", "vip"),
                "marketing_opt_in",
                true);
        TestApi.expect(created, 201);
        JsonNode contact = created.body();
        assertThat(contact.get("first_name").asString()).isEqualTo("Ana");
        assertThat(contact.get("email").asString()).isEqualTo("ana.garcia@example.com");
        assertThat(contact.get("phone").asString()).isEqualTo("+49301234567");
        assertThat(contact.get("tags").findValuesAsString("tags")).isEmpty();
        assertThat(List.of(
                        contact.get("tags").get(0).asString(),
                        contact.get("tags").get(1).asString()))
                .containsExactly("vip", "regular");
        assertThat(contact.get("tags")).hasSize(2);
        assertThat(contact.get("marketing_opt_in").asBoolean()).isTrue();
        assertThat(contact.get("visit_count").asInt()).isZero();
        assertThat(contact.get("last_visit_at").isNull()).isTrue();
        assertThat(contact.get("custom_fields_by_key").isObject()).isTrue();
        assertThat(contact.get("organization_id").asString())
                .isEqualTo(tenant.id().toString());
        String id = contact.get("id").asString();

        assertThat(api.get(tenant.adminKey(), "/contacts/" + id).body()).isEqualTo(contact);

        Response changed =
                api.patch(tenant.adminKey(), "/contacts/" + id, fields("last_name", null, "phone", "+34 612 34 56 78"));
        TestApi.expect(changed, 200);
        assertThat(changed.body().get("last_name").isNull()).isTrue();
        assertThat(changed.get("phone")).isEqualTo("+34612345678");
        assertThat(changed.get("first_name")).isEqualTo("Ana");
        assertThat(changed.get("notes")).isEqualTo("Prefers the terrace");

        TestApi.expect(api.delete(tenant.adminKey(), "/contacts/" + id), 200);
        assertThat(api.get(tenant.adminKey(), "/contacts/" + id).status()).isEqualTo(404);
    }

    @Test
    void aContactNeedsANameAnEmailOrAPhone() {
        TestApi.expect(create("email", "only@example.com"), 201);
        TestApi.expect(create("phone", "+44 20 7946 0958"), 201);
        TestApi.expect(create("first_name", "Walk-in"), 201);
        Response nobody = create("last_name", "Nobody", "notes", "no way to reach them");
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(errorFields(nobody)).containsExactly("first_name");

        String id = create("first_name", "Ana", "email", "ana@example.com").get("id");
        Response clearingAll =
                api.patch(tenant.adminKey(), "/contacts/" + id, fields("first_name", null, "email", null));
        assertThat(clearingAll.status()).isEqualTo(422);
        assertThat(errorFields(clearingAll)).containsExactly("first_name");
        TestApi.expect(api.patch(tenant.adminKey(), "/contacts/" + id, fields("first_name", null)), 200);
    }

    @Test
    void invalidInputNamesEveryFieldAndChangesNothing() {
        Response bad = create(
                "first_name",
                "x".repeat(101),
                "email",
                "not-an-email",
                "phone",
                "call me maybe",
                "notes",
                "n".repeat(5001),
                "tags",
                List.of("ok", " ", "t".repeat(51)),
                "company_id",
                "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.code()).isEqualTo("validation_failed");
        assertThat(errorFields(bad))
                .containsExactlyInAnyOrder("first_name", "email", "phone", "notes", "tags[1]", "tags[2]", "company_id");

        Response unknown = create("first_name", "Ana", "favourite_colour", "red");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(errorFields(unknown)).containsExactly("favourite_colour");

        Response readOnlyField = create("first_name", "Ana", "visit_count", 99);
        assertThat(readOnlyField.status()).isEqualTo(422);
        assertThat(errorFields(readOnlyField)).containsExactly("visit_count");

        Response tooManyTags = create(
                "first_name",
                "Ana",
                "tags",
                java.util.stream.IntStream.range(0, 51).mapToObj(i -> "t" + i).toList());
        assertThat(errorFields(tooManyTags)).containsExactly("tags");

        assertThat(total("")).isZero();

        String id = create("first_name", "Ana", "phone", "030 1234567").get("id");
        Response badPatch =
                api.patch(tenant.adminKey(), "/contacts/" + id, fields("phone", "12", "marketing_opt_in", null));
        assertThat(errorFields(badPatch)).containsExactlyInAnyOrder("phone", "marketing_opt_in");
        assertThat(api.get(tenant.adminKey(), "/contacts/" + id).get("phone")).isEqualTo("+49301234567");
    }

    @Test
    void phonesAreReadWithTheOrganizationsCountry() {
        assertThat(create("first_name", "A", "phone", "030 1234567").get("phone"))
                .isEqualTo("+49301234567");
        assertThat(create("first_name", "B", "phone", "(0)89 1234567-0").get("phone"))
                .isEqualTo("+498912345670");
        assertThat(create("first_name", "C", "phone", "+34 612 345 678").get("phone"))
                .isEqualTo("+34612345678");
        assertThat(create("first_name", "D", "phone", "0049 40 1234567").get("phone"))
                .isEqualTo("+49401234567");
        Response unparseable = create("first_name", "E", "phone", "12");
        assertThat(unparseable.status()).isEqualTo(422);
        assertThat(errorFields(unparseable)).containsExactly("phone");
    }

    @Test
    void aSecondContactWithTheSameEmailOrPhoneIsAConflict() {
        TestApi.expect(create("first_name", "Ana", "email", "ana@example.com", "phone", "030 1234567"), 201);
        Response sameEmail = create("first_name", "Other", "email", "ANA@example.com");
        assertThat(sameEmail.status()).isEqualTo(409);
        assertThat(sameEmail.code()).isEqualTo("conflict");
        assertThat(errorFields(sameEmail)).containsExactly("email");
        Response samePhone = create("first_name", "Other", "phone", "+49 30 1234567");
        assertThat(samePhone.status()).isEqualTo(409);
        assertThat(errorFields(samePhone)).containsExactly("phone");

        String other = create("first_name", "Bea", "email", "bea@example.com").get("id");
        Response patched = api.patch(tenant.adminKey(), "/contacts/" + other, fields("email", "Ana@Example.com"));
        assertThat(patched.status()).isEqualTo(409);
        assertThat(api.get(tenant.adminKey(), "/contacts/" + other).get("email"))
                .isEqualTo("bea@example.com");

        // Another organization may have the same guest.
        Tenant elsewhere = api.newTenant();
        TestApi.expect(
                api.post(elsewhere.adminKey(), "/contacts", fields("first_name", "Ana", "email", "ana@example.com")),
                201);
        assertThat(total("")).isEqualTo(2);
    }

    @Test
    void searchTermLooksInNamesEmailAndPhone() {
        create("first_name", "Ana", "last_name", "García", "email", "ana@example.com");
        create("first_name", "Bruno", "last_name", "Díaz", "phone", "030 7654321");
        create("first_name", "Carla", "email", "carla@garcia-family.de");
        assertThat(names("?searchTerm=garc&$sort[first_name]=1")).containsExactly("Ana", "Carla");
        assertThat(names("?searchTerm=ana%20garc")).containsExactly("Ana");
        assertThat(names("?searchTerm=7654321")).containsExactly("Bruno");
        assertThat(names("?searchTerm=DÍAZ")).containsExactly("Bruno");
        assertThat(names("?searchTerm=nobody")).isEmpty();
    }

    @Test
    void filtersOnContactFieldsTagsAndStatistics() {
        create("first_name", "Ana", "email", "ana@example.com", "tags", List.of("vip", "regular"));
        create("first_name", "Bruno", "phone", "030 7654321", "tags", List.of("vip"), "marketing_opt_in", true);
        create("first_name", "Carla", "tags", List.of("blocked"));
        create("first_name", "Dario");

        assertThat(names("?email=ANA@example.com")).containsExactly("Ana");
        assertThat(names("?phone=030%207654321")).containsExactly("Bruno");
        assertThat(names("?phone=+49307654321")).containsExactly("Bruno");
        assertThat(names("?phone=%2B49307654321")).containsExactly("Bruno");
        assertThat(names("?email=null&$sort[first_name]=1")).containsExactly("Bruno", "Carla", "Dario");
        assertThat(names("?tags=vip&$sort[first_name]=1")).containsExactly("Ana", "Bruno");
        assertThat(names("?tags=vip&tags=regular")).containsExactly("Ana");
        assertThat(names("?tags[$in]=regular,blocked&$sort[first_name]=1")).containsExactly("Ana", "Carla");
        assertThat(names("?tags[$nin]=vip&$sort[first_name]=1")).containsExactly("Carla", "Dario");
        assertThat(names("?marketing_opt_in=true")).containsExactly("Bruno");
        assertThat(names("?visit_count[$gte]=1")).isEmpty();
        assertThat(total("?created_at[$gte]=2020-01-01T00:00:00Z")).isEqualTo(4);
        assertThat(total("?last_visit_at=null")).isEqualTo(4);
        assertThat(names("?$sort[first_name]=-1&$limit=2")).containsExactly("Dario", "Carla");

        Response badTags = api.get(tenant.adminKey(), "/contacts?tags[$gt]=a");
        assertThat(badTags.status()).isEqualTo(400);
        assertThat(errorFields(badTags)).containsExactly("tags[$gt]");
        Response badField = api.get(tenant.adminKey(), "/contacts?colour=red&visit_count[$gte]=many");
        assertThat(badField.status()).isEqualTo(400);
        assertThat(errorFields(badField)).containsExactlyInAnyOrder("colour", "visit_count[$gte]");
    }

    @Test
    void staffWriteContactsAndReadOnlyKeysOnlyRead() {
        String staff = api.newKey(tenant, "staff");
        String readOnly = api.newKey(tenant, "read_only");
        Response created = api.post(staff, "/contacts", fields("first_name", "Ana"));
        TestApi.expect(created, 201);
        String id = created.get("id");
        TestApi.expect(api.patch(staff, "/contacts/" + id, fields("notes", "Regular")), 200);
        assertThat(api.post(readOnly, "/contacts", fields("first_name", "Bea")).status())
                .isEqualTo(403);
        assertThat(api.patch(readOnly, "/contacts/" + id, fields("notes", "x")).status())
                .isEqualTo(403);
        assertThat(api.get(readOnly, "/contacts/" + id).get("notes")).isEqualTo("Regular");
        TestApi.expect(api.delete(staff, "/contacts/" + id), 200);
    }

    @Test
    void aContactMayBelongToACompanyOfTheSameOrganization() {
        String company = api.post(tenant.adminKey(), "/companies", fields("name", "Acme"))
                .get("id");
        Response created = create("first_name", "Ana", "company_id", company);
        TestApi.expect(created, 201);
        assertThat(created.get("company_id")).isEqualTo(company);
        assertThat(names("?company_id=" + company)).containsExactly("Ana");

        Tenant other = api.newTenant();
        String foreign = api.post(other.adminKey(), "/companies", fields("name", "Theirs"))
                .get("id");
        Response refused = create("first_name", "Bea", "company_id", foreign);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(errorFields(refused)).containsExactly("company_id");
        Response refusedPatch =
                api.patch(tenant.adminKey(), "/contacts/" + created.get("id"), fields("company_id", foreign));
        assertThat(errorFields(refusedPatch)).containsExactly("company_id");

        // Deleting the company keeps the contact, without it.
        TestApi.expect(api.delete(tenant.adminKey(), "/companies/" + company), 200);
        assertThat(api.get(tenant.adminKey(), "/contacts/" + created.get("id"))
                        .body()
                        .get("company_id")
                        .isNull())
                .isTrue();
    }

    @Test
    void customFieldsOnContactsAreValidatedRequiredAndMerged() {
        define("birthday", "date", "is_required", false);
        define("allergies", "multiselect", "options", List.of("nuts", "gluten", "dairy"));
        define("member_no", "number", "is_required", true);
        define("newsletter", "boolean");

        Response missing = create("first_name", "Ana", "custom_fields_by_key", fields("birthday", "1990-04-12"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(errorFields(missing)).containsExactly("custom_fields_by_key.member_no");
        Response noFields = create("first_name", "Ana");
        assertThat(errorFields(noFields)).containsExactly("custom_fields_by_key.member_no");

        Response wrong = create(
                "first_name",
                "Ana",
                "custom_fields_by_key",
                fields(
                        "birthday",
                        "12/04/1990",
                        "allergies",
                        List.of("nuts", "shellfish"),
                        "member_no",
                        "42",
                        "newsletter",
                        "yes",
                        "shoe_size",
                        44));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(errorFields(wrong))
                .containsExactly(
                        "custom_fields_by_key.allergies",
                        "custom_fields_by_key.birthday",
                        "custom_fields_by_key.member_no",
                        "custom_fields_by_key.newsletter",
                        "custom_fields_by_key.shoe_size");
        assertThat(total("")).isZero();

        Response created = create(
                "first_name",
                "Ana",
                "custom_fields_by_key",
                fields("birthday", "1990-04-12", "allergies", List.of("nuts"), "member_no", 42, "newsletter", false));
        TestApi.expect(created, 201);
        String id = created.get("id");
        JsonNode stored = created.body().get("custom_fields_by_key");
        assertThat(stored.get("member_no").asInt()).isEqualTo(42);
        assertThat(stored.get("newsletter").asBoolean()).isFalse();

        Response merged = api.patch(
                tenant.adminKey(),
                "/contacts/" + id,
                fields("custom_fields_by_key", fields("birthday", null, "allergies", List.of("gluten", "dairy"))));
        TestApi.expect(merged, 200);
        JsonNode after = merged.body().get("custom_fields_by_key");
        assertThat(after.has("birthday")).isFalse();
        assertThat(after.get("allergies")).hasSize(2);
        assertThat(after.get("member_no").asInt()).isEqualTo(42);
        assertThat(after.get("newsletter").asBoolean()).isFalse();

        Response removingRequired = api.patch(
                tenant.adminKey(), "/contacts/" + id, fields("custom_fields_by_key", fields("member_no", null)));
        assertThat(removingRequired.status()).isEqualTo(422);
        assertThat(errorFields(removingRequired)).containsExactly("custom_fields_by_key.member_no");

        // A PATCH that leaves custom fields out does not touch them.
        TestApi.expect(api.patch(tenant.adminKey(), "/contacts/" + id, fields("notes", "hi")), 200);
        assertThat(api.get(tenant.adminKey(), "/contacts/" + id)
                        .body()
                        .get("custom_fields_by_key")
                        .get("member_no")
                        .asInt())
                .isEqualTo(42);
    }

    private void define(String key, String type, Object... more) {
        Map<String, Object> body = fields("entity_type", "contact", "key", key, "label", key, "field_type", type);
        body.putAll(fields(more));
        TestApi.expect(api.post(tenant.adminKey(), "/custom-fields", body), 201);
    }

    private List<String> names(String query) {
        Response list = api.get(tenant.adminKey(), "/contacts" + query);
        TestApi.expect(list, 200);
        List<String> names = new ArrayList<>();
        list.body()
                .get("data")
                .forEach(contact -> names.add(contact.get("first_name").asString()));
        return names;
    }
}
