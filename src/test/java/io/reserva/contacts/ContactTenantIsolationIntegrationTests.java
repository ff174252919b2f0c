package io.reserva.contacts;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** On /contacts, /companies and /deals a key never reads or changes another organization's rows. */
@IntegrationTest
class ContactTenantIsolationIntegrationTests {

    private static final Map<String, Map<String, Object>> BODIES = Map.of(
            "contacts", fields("first_name", "Ana", "email", "ana@example.com"),
            "companies", fields("name", "Acme"),
            "deals", fields("name", "Summer party"));

    @LocalServerPort
    int port;

    TestApi api;
    Tenant mine;
    Tenant theirs;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        mine = api.newTenant();
        theirs = api.newTenant();
    }

    @Test
    void anotherOrganizationsRowsAreNotFoundOnEveryEndpoint() {
        for (String resource : BODIES.keySet()) {
            Response theirRow = api.post(theirs.adminKey(), "/" + resource, BODIES.get(resource));
            TestApi.expect(theirRow, 201);
            TestApi.expect(api.post(mine.adminKey(), "/" + resource, BODIES.get(resource)), 201);
            String path = "/" + resource + "/" + theirRow.get("id");

            Response read = api.get(mine.adminKey(), path);
            assertThat(read.status()).as(resource).isEqualTo(404);
            assertThat(read.code()).isEqualTo("not_found");
            assertThat(api.patch(mine.adminKey(), path, BODIES.get(resource)).status())
                    .as(resource)
                    .isEqualTo(404);
            assertThat(api.delete(mine.adminKey(), path).status()).as(resource).isEqualTo(404);
            assertThat(api.get(theirs.adminKey(), path).body()).as(resource).isEqualTo(theirRow.body());

            Response list = api.get(mine.adminKey(), "/" + resource);
            assertThat(list.body().get("total").asInt()).as(resource).isEqualTo(1);
            assertThat(list.body().get("data").get(0).get("organization_id").asString())
                    .isEqualTo(mine.id().toString());
            assertThat(api.get(mine.adminKey(), "/" + resource + "?organization_id=" + theirs.id())
                            .status())
                    .as(resource)
                    .isEqualTo(404);
            assertThat(api.post(mine.adminKey(), "/" + resource, withOrganization(BODIES.get(resource), theirs))
                            .status())
                    .as(resource)
                    .isEqualTo(404);
            Response export = api.get(mine.adminKey(), "/" + resource + "?$cursor=*");
            assertThat(export.body().get("data")).as(resource).hasSize(1);
        }
        assertThat(api.get(theirs.adminKey(), "/contacts").body().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void aPlatformKeyNamesTheOrganizationAndSeesOnlyIt() {
        Response created = api.post(TestApi.PLATFORM_KEY, "/contacts", withOrganization(BODIES.get("contacts"), mine));
        TestApi.expect(created, 201);
        assertThat(created.get("organization_id")).isEqualTo(mine.id().toString());
        Response withoutOrganization = api.get(TestApi.PLATFORM_KEY, "/contacts");
        assertThat(withoutOrganization.status()).isEqualTo(422);
        assertThat(withoutOrganization.body().get("errors").get(0).get("field").asString())
                .isEqualTo("organization_id");
        assertThat(api.get(TestApi.PLATFORM_KEY, "/contacts?organization_id=" + theirs.id())
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.get(TestApi.PLATFORM_KEY, "/contacts/" + created.get("id"))
                        .status())
                .isEqualTo(200);
    }

    private static Map<String, Object> withOrganization(Map<String, Object> body, Tenant tenant) {
        Map<String, Object> copy = fields("organization_id", tenant.id());
        copy.putAll(body);
        return copy;
    }
}
