package io.reserva.contacts;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The minimal CRM records: companies and deals, and the look-ups reservations use to check references. */
@IntegrationTest
class CompanyAndDealIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ContactDirectory directory;

    TestApi api;
    Tenant tenant;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
    }

    private static List<String> errorFields(Response response) {
        return response.body().get("errors").findValuesAsString("field");
    }

    @Test
    void aCompanyMakesTheRoundTrip() {
        Response created = api.post(
                tenant.adminKey(),
                "/companies",
                fields("name", " Acme Events ", "domain", "Acme-Events.de", "phone", "030 1234567", "notes", "Q"));
        TestApi.expect(created, 201);
        assertThat(created.get("name")).isEqualTo("Acme Events");
        assertThat(created.get("domain")).isEqualTo("acme-events.de");
        assertThat(created.get("phone")).isEqualTo("+49301234567");
        String id = created.get("id");
        assertThat(api.get(tenant.adminKey(), "/companies/" + id).body()).isEqualTo(created.body());

        Response changed = api.patch(tenant.adminKey(), "/companies/" + id, fields("domain", null, "notes", "R"));
        TestApi.expect(changed, 200);
        assertThat(changed.body().get("domain").isNull()).isTrue();
        assertThat(changed.get("name")).isEqualTo("Acme Events");

        assertThat(directory.findCompany(tenant.id(), UUID.fromString(id))).isPresent();
        TestApi.expect(api.delete(tenant.adminKey(), "/companies/" + id), 200);
        assertThat(api.get(tenant.adminKey(), "/companies/" + id).status()).isEqualTo(404);
        assertThat(directory.findCompany(tenant.id(), UUID.fromString(id))).isEmpty();
    }

    @Test
    void invalidCompaniesNameTheirFields() {
        Response bad = api.post(
                tenant.adminKey(),
                "/companies",
                fields("name", "", "domain", "https://acme.de/", "phone", "12", "notes", "n".repeat(5001)));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("name", "domain", "phone", "notes");
        String id = api.post(tenant.adminKey(), "/companies", fields("name", "Acme"))
                .get("id");
        Response cleared = api.patch(tenant.adminKey(), "/companies/" + id, fields("name", null));
        assertThat(errorFields(cleared)).containsExactly("name");
        assertThat(api.get(tenant.adminKey(), "/companies").body().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void companiesAreSearchedByNameAndDomain() {
        api.post(tenant.adminKey(), "/companies", fields("name", "Acme Events", "domain", "acme.de"));
        api.post(tenant.adminKey(), "/companies", fields("name", "Bistro Nord", "domain", "nord-catering.de"));
        api.post(tenant.adminKey(), "/companies", fields("name", "Catering Süd"));
        assertThat(names("/companies?searchTerm=catering&$sort[name]=1"))
                .containsExactly("Bistro Nord", "Catering Süd");
        assertThat(names("/companies?searchTerm=ACME")).containsExactly("Acme Events");
        assertThat(names("/companies?domain=null")).containsExactly("Catering Süd");
    }

    @Test
    void aDealMakesTheRoundTripWithTheOrganizationsCurrency() {
        String company = api.post(tenant.adminKey(), "/companies", fields("name", "Acme"))
                .get("id");
        String contact = api.post(tenant.adminKey(), "/contacts", fields("first_name", "Ana"))
                .get("id");
        Response created = api.post(
                tenant.adminKey(),
                "/deals",
                fields("name", "Summer party", "company_id", company, "contact_id", contact, "amount", 2400.5));
        TestApi.expect(created, 201);
        assertThat(created.get("currency")).isEqualTo("EUR");
        assertThat(created.get("stage")).isEqualTo("open");
        assertThat(created.body().get("amount").decimalValue()).isEqualByComparingTo("2400.50");
        String id = created.get("id");
        assertThat(api.get(tenant.adminKey(), "/deals/" + id).body()).isEqualTo(created.body());

        Response won =
                api.patch(tenant.adminKey(), "/deals/" + id, fields("stage", "won", "currency", "usd", "amount", 2650));
        TestApi.expect(won, 200);
        assertThat(won.get("stage")).isEqualTo("won");
        assertThat(won.get("currency")).isEqualTo("USD");
        assertThat(directory
                        .findDeal(tenant.id(), UUID.fromString(id))
                        .orElseThrow()
                        .amount())
                .isEqualByComparingTo(new BigDecimal("2650.00"));
        assertThat(names("/deals?stage=won")).containsExactly("Summer party");
        assertThat(names("/deals?amount[$gte]=2000&company_id=" + company)).containsExactly("Summer party");

        // Deleting the contact or the company keeps the deal, without the reference.
        TestApi.expect(api.delete(tenant.adminKey(), "/contacts/" + contact), 200);
        TestApi.expect(api.delete(tenant.adminKey(), "/companies/" + company), 200);
        Response after = api.get(tenant.adminKey(), "/deals/" + id);
        assertThat(after.body().get("contact_id").isNull()).isTrue();
        assertThat(after.body().get("company_id").isNull()).isTrue();

        TestApi.expect(api.delete(tenant.adminKey(), "/deals/" + id), 200);
        assertThat(directory.findDeal(tenant.id(), UUID.fromString(id))).isEmpty();
    }

    @Test
    void invalidDealsNameTheirFieldsAndChangeNothing() {
        Response bad = api.post(
                tenant.adminKey(),
                "/deals",
                fields(
                        "name",
                        " ",
                        "amount",
                        -1,
                        "currency",
                        "EURO",
                        "stage",
                        "s".repeat(51),
                        "company_id",
                        UUID.randomUUID(),
                        "contact_id",
                        UUID.randomUUID()));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(errorFields(bad))
                .containsExactlyInAnyOrder("name", "amount", "currency", "stage", "company_id", "contact_id");
        assertThat(errorFields(api.post(tenant.adminKey(), "/deals", fields("name", "x", "amount", 1.005))))
                .containsExactly("amount");
        assertThat(errorFields(api.post(tenant.adminKey(), "/deals", fields("name", "x", "amount", "1e13"))))
                .containsExactly("amount");
        assertThat(errorFields(api.post(tenant.adminKey(), "/deals", fields("name", "x", "amount", "lots"))))
                .containsExactly("amount");
        assertThat(api.get(tenant.adminKey(), "/deals").body().get("total").asInt())
                .isZero();
    }

    @Test
    void referencesToAnotherOrganizationAreRefused() {
        Tenant other = api.newTenant();
        String theirCompany = api.post(other.adminKey(), "/companies", fields("name", "Theirs"))
                .get("id");
        String theirContact = api.post(other.adminKey(), "/contacts", fields("first_name", "Theirs"))
                .get("id");
        Response refused = api.post(
                tenant.adminKey(),
                "/deals",
                fields("name", "Sneaky", "company_id", theirCompany, "contact_id", theirContact));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(errorFields(refused)).containsExactlyInAnyOrder("company_id", "contact_id");
        String mine =
                api.post(tenant.adminKey(), "/deals", fields("name", "Mine")).get("id");
        Response refusedPatch = api.patch(tenant.adminKey(), "/deals/" + mine, fields("company_id", theirCompany));
        assertThat(errorFields(refusedPatch)).containsExactly("company_id");
        assertThat(directory.findCompany(tenant.id(), UUID.fromString(theirCompany)))
                .isEmpty();
        assertThat(directory.findDeal(other.id(), UUID.fromString(mine))).isEmpty();
    }

    private List<String> names(String path) {
        Response list = api.get(tenant.adminKey(), path);
        TestApi.expect(list, 200);
        return list.body().get("data").findValuesAsString("name");
    }
}
