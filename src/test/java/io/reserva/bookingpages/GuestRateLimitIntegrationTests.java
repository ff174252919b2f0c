package io.reserva.bookingpages;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The public booking API and pages are anonymous, so the per-address limit of the API applies to them. */
@IntegrationTest
@TestPropertySource(properties = {"reserva.api.rate-limit-per-key=5", "reserva.api.rate-limit-per-ip=3"})
class GuestRateLimitIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aFloodFromOneAddressIsRefused() {
        TestApi api = new TestApi(port);
        Tenant tenant = api.newTenant();
        TestApi.expect(
                api.post(tenant.adminKey(), "/reservation-booking-links", fields("name", "A", "slug", "a")), 201);
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            String path = i % 2 == 0 ? "/public/booking-links/" + tenant.id() + "/a" : "/b/" + tenant.id() + "/a";
            Response response = api.get(null, path);
            assertThat(response.header("RateLimit-Limit")).isEqualTo("3");
            if (response.status() == 429) {
                refused++;
                assertThat(response.code()).isEqualTo("rate_limited");
                assertThat(response.header("Retry-After")).isNotBlank();
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theWaitlistPathsAreLimitedLikeTheRest() {
        TestApi api = new TestApi(port);
        Tenant tenant = api.newTenant();
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservation-booking-links",
                        fields("name", "W", "slug", "w", "page_config", fields("waitlist", "later"))),
                201);
        String base = "/public/booking-links/" + tenant.id() + "/w/waitlist";
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            Response response = i % 2 == 0
                    ? api.post(null, base, fields("party_size", 2))
                    : api.get(null, base + "/" + "A".repeat(43));
            assertThat(response.header("RateLimit-Limit")).isEqualTo("3");
            if (response.status() == 429) {
                refused++;
                assertThat(response.code()).isEqualTo("rate_limited");
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(3);
    }
}
