package io.reserva.tenancy;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two venues may share a name (each gets its own slug), but a client that names the slug gets exactly that one
 * or a 409: how a script avoids creating the same organization twice (docs/conventions.md, "Organizations").
 */
@IntegrationTest
class OrganizationSlugIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theSameNameTwiceGetsADerivedSlugWithASuffix() {
        TestApi api = new TestApi(port);
        String name = "Café Central " + UUID.randomUUID().toString().substring(0, 8);
        String base = "cafe-central-" + name.substring(name.length() - 8);

        var first = api.post(TestApi.PLATFORM_KEY, "/organizations", organization(name, null));
        var second = api.post(TestApi.PLATFORM_KEY, "/organizations", organization(name, null));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.get("slug")).isEqualTo(base);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.get("slug")).isEqualTo(base + "-2");
    }

    @Test
    void aSlugGivenTwiceIsRefusedTheSecondTime() {
        TestApi api = new TestApi(port);
        String slug = "sole-" + UUID.randomUUID().toString().substring(0, 8);

        var first = api.post(TestApi.PLATFORM_KEY, "/organizations", organization("Trattoria Sole", slug));
        var again = api.post(TestApi.PLATFORM_KEY, "/organizations", organization("Trattoria Sole", slug));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("conflict");
    }

    private static java.util.Map<String, Object> organization(String name, String slug) {
        return slug == null
                ? fields("name", name, "timezone", "Europe/Rome", "currency", "EUR")
                : fields("name", name, "slug", slug, "timezone", "Europe/Rome", "currency", "EUR");
    }
}
