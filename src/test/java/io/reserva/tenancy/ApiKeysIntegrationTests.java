package io.reserva.tenancy;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ApiKeysIntegrationTests {

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
    void theSecretIsShownOnceAndNeverListed() {
        var created = api.post(tenant.adminKey(), "/api-keys", fields("name", "Front desk", "role", "staff"));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.get("secret");
        assertThat(secret).startsWith("rsv_").hasSizeGreaterThan(40);
        assertThat(created.get("key_prefix")).isEqualTo(secret.substring(0, 10));

        var read = api.get(tenant.adminKey(), "/api-keys/" + created.get("id"));
        assertThat(read.body().has("secret")).isFalse();
        assertThat(api.get(tenant.adminKey(), "/api-keys").text()).doesNotContain(secret);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        var created = api.post(tenant.adminKey(), "/api-keys", fields("name", "Temp", "role", "staff"));
        String secret = created.get("secret");
        assertThat(api.get(secret, "/organizations/" + tenant.id()).status()).isEqualTo(200);

        var revoked = api.delete(tenant.adminKey(), "/api-keys/" + created.get("id"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("revoked_at").isNull()).isFalse();
        assertThat(revoked.body().get("is_active").asBoolean()).isFalse();

        var refused = api.get(secret, "/organizations/" + tenant.id());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unauthorized");
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void anExpiredKeyIsRefusedAndAPastExpiryIsInvalid() {
        var past = api.post(
                tenant.adminKey(),
                "/api-keys",
                fields("name", "Old", "role", "staff", "expires_at", "2020-01-01T00:00:00Z"));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.body().get("errors").get(0).get("field").asString()).isEqualTo("expires_at");
    }

    @Test
    void lastUseIsRecorded() {
        var created = api.post(tenant.adminKey(), "/api-keys", fields("name", "Used", "role", "read_only"));
        assertThat(created.body().get("last_used_at").isNull()).isTrue();
        api.get(created.get("secret"), "/organizations/" + tenant.id());
        var read = api.get(tenant.adminKey(), "/api-keys/" + created.get("id"));
        assertThat(read.body().get("last_used_at").isNull()).isFalse();
    }

    @Test
    void readOnlyKeysOnlyRead() {
        String readOnly = api.newKey(tenant, "read_only");
        assertThat(api.get(readOnly, "/organizations/" + tenant.id()).status()).isEqualTo(200);
        var write = api.patch(readOnly, "/organizations/" + tenant.id(), fields("name", "Renamed"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.code()).isEqualTo("forbidden");
    }

    @Test
    void staffKeysCannotManageKeysOrSettings() {
        String staff = api.newKey(tenant, "staff");
        assertThat(api.post(staff, "/api-keys", fields("name", "x", "role", "admin"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(staff, "/api-keys").status()).isEqualTo(403);
        assertThat(api.patch(staff, "/organizations/" + tenant.id(), fields("name", "x"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anOrganizationAdminCannotMintPlatformKeys() {
        var response = api.post(tenant.adminKey(), "/api-keys", fields("name", "escalate", "role", "platform_admin"));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void anUnknownRoleIsNamed() {
        var response = api.post(tenant.adminKey(), "/api-keys", fields("name", "x", "role", "superuser"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("role");
        assertThat(response.body().get("errors").get(0).get("message").asString())
                .as("only the roles an organization's admin may grant")
                .isEqualTo("must be one of admin, staff, read_only");

        var platform = api.post(TestApi.PLATFORM_KEY, "/api-keys", fields("name", "x", "role", "owner"));
        assertThat(platform.status()).isEqualTo(422);
        assertThat(platform.body().get("errors").get(0).get("message").asString())
                .isEqualTo("must be one of platform_admin, admin, staff, read_only");
    }

    @Test
    void platformKeysCanBeIssuedButTheLastOneCannotBeRevoked() {
        var second = api.post(TestApi.PLATFORM_KEY, "/api-keys", fields("name", "Ops", "role", "platform_admin"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().get("organization_id").isNull()).isTrue();
        assertThat(api.get(second.get("secret"), "/organizations/" + tenant.id())
                        .status())
                .isEqualTo(200);

        String bootstrapId = null;
        var active = api.get(TestApi.PLATFORM_KEY, "/api-keys?role=platform_admin&revoked_at=null&$limit=50");
        for (var key : active.body().get("data")) {
            if (key.get("key_prefix").asString().equals(TestApi.PLATFORM_KEY.substring(0, 10))) {
                bootstrapId = key.get("id").asString();
            } else {
                assertThat(api.delete(
                                        TestApi.PLATFORM_KEY,
                                        "/api-keys/" + key.get("id").asString())
                                .status())
                        .isEqualTo(200);
            }
        }
        assertThat(api.get(second.get("secret"), "/organizations/" + tenant.id())
                        .status())
                .isEqualTo(401);

        var refused = api.delete(TestApi.PLATFORM_KEY, "/api-keys/" + bootstrapId);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.get(TestApi.PLATFORM_KEY, "/organizations/" + tenant.id())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void garbageCredentialsAreRefused() {
        assertThat(api.get("rsv_not-a-real-key", "/organizations").status()).isEqualTo(401);
        var basic =
                api.send(null, "GET", "/organizations", null, java.util.Map.of("Authorization", "Basic dXNlcjpwYXNz"));
        assertThat(basic.status()).isEqualTo(401);
        assertThat(api.get(null, "/organizations").status()).isEqualTo(401);
    }
}
