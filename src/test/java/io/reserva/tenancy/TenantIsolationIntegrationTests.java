package io.reserva.tenancy;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A key of one organization never reads or changes another's data, and cannot tell that it exists. */
@IntegrationTest
class TenantIsolationIntegrationTests {

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
    void anotherOrganizationIsNotFound() {
        var read = api.get(mine.adminKey(), "/organizations/" + theirs.id());
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("not_found");

        var change = api.patch(mine.adminKey(), "/organizations/" + theirs.id(), fields("name", "Hijacked"));
        assertThat(change.status()).isEqualTo(404);
        assertThat(api.get(theirs.adminKey(), "/organizations/" + theirs.id()).get("name"))
                .isEqualTo(theirs.organization().get("name").asString());
    }

    @Test
    void aMissingOrganizationLooksTheSameAsAForeignOne() {
        var missing = api.get(mine.adminKey(), "/organizations/0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b");
        var foreign = api.get(mine.adminKey(), "/organizations/" + theirs.id());
        assertThat(missing.status()).isEqualTo(foreign.status()).isEqualTo(404);
        assertThat(missing.get("title")).isEqualTo(foreign.get("title"));
    }

    @Test
    void listingOrganizationsShowsOnlyYourOwn() {
        var list = api.get(mine.adminKey(), "/organizations?$limit=50");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("total").asLong()).isEqualTo(1);
        assertThat(list.body().get("data").get(0).get("id").asString())
                .isEqualTo(mine.id().toString());
    }

    @Test
    void anotherOrganizationsKeysAreNotFound() {
        String theirKeyId = api.get(theirs.adminKey(), "/api-keys")
                .body()
                .get("data")
                .get(0)
                .get("id")
                .asString();

        assertThat(api.get(mine.adminKey(), "/api-keys/" + theirKeyId).status()).isEqualTo(404);
        assertThat(api.patch(mine.adminKey(), "/api-keys/" + theirKeyId, fields("name", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(api.delete(mine.adminKey(), "/api-keys/" + theirKeyId).status())
                .isEqualTo(404);
        assertThat(api.get(mine.adminKey(), "/api-keys?organization_id=" + theirs.id())
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                mine.adminKey(),
                                "/api-keys",
                                fields("organization_id", theirs.id(), "name", "sneaky", "role", "admin"))
                        .status())
                .isEqualTo(404);
        // Their key still works: nothing was revoked.
        assertThat(api.get(theirs.adminKey(), "/organizations/" + theirs.id()).status())
                .isEqualTo(200);
    }

    @Test
    void listingKeysShowsOnlyYourOwnAndOrganizationIdMayBeLeftOut() {
        var implicit = api.get(mine.adminKey(), "/api-keys");
        var explicit = api.get(mine.adminKey(), "/api-keys?organization_id=" + mine.id());
        assertThat(implicit.body().get("total").asLong()).isEqualTo(1);
        assertThat(explicit.body().get("data")).isEqualTo(implicit.body().get("data"));
        assertThat(implicit.body().get("data").get(0).get("organization_id").asString())
                .isEqualTo(mine.id().toString());
    }

    @Test
    void aPlatformKeyMustSayWhichOrganizationWhenCreatingAnOrganizationKey() {
        var response = api.post(TestApi.PLATFORM_KEY, "/api-keys", fields("name", "x", "role", "staff"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("organization_id");
    }

    @Test
    void onlyThePlatformCreatesOrganizations() {
        var response = api.post(
                mine.adminKey(),
                "/organizations",
                fields("name", "Side business", "timezone", "UTC", "currency", "EUR"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
    }
}
