package io.reserva.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = {"reserva.api.rate-limit-per-key=5", "reserva.api.rate-limit-per-ip=3"})
class RateLimitIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void eachKeyHasItsOwnBudgetAndEveryAnswerSaysWhereItStands() {
        TestApi api = new TestApi(port);
        Tenant tenant = api.newTenant();
        String key = api.newKey(tenant, "read_only");
        String other = api.newKey(tenant, "read_only");

        for (int i = 1; i <= 5; i++) {
            Response ok = api.get(key, "/organizations/" + tenant.id());
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("5");
            assertThat(ok.header("RateLimit-Remaining")).isEqualTo(Integer.toString(5 - i));
            assertThat(Integer.parseInt(ok.header("RateLimit-Reset"))).isBetween(1, 60);
        }
        Response refused = api.get(key, "/organizations/" + tenant.id());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");

        assertThat(api.get(other, "/organizations/" + tenant.id()).status()).isEqualTo(200);
    }

    @Test
    void anonymousCallsAreLimitedPerAddressButHealthProbesNever() {
        TestApi api = new TestApi(port);
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            Response response = api.get(null, "/problems/not_found");
            if (response.status() == 429) {
                refused++;
                assertThat(response.header("Retry-After")).isNotBlank();
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < 10; i++) {
            assertThat(api.get(null, "/health/liveness").status()).isEqualTo(200);
        }
    }
}
