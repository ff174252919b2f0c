package io.reserva.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser pointed at the server lands on a page that leads somewhere: docs, OpenAPI, health, booking pages. */
@IntegrationTest
class HomePageIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theRootIsASmallPageWhoseLinksAllWork() {
        TestApi api = new TestApi(port);
        var home = api.send(null, "GET", "/", null, Map.of("Accept", "text/html"));

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Content-Type")).startsWith("text/html");
        assertThat(home.header("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(home.text()).contains("/b/{organization_id}/{slug}", "no staff console yet");
        for (String link : List.of("/docs", "/openapi.json", "/health", "/problems")) {
            assertThat(home.text()).contains("href=\"" + link + "\"");
            assertThat(api.get(null, link).status()).as(link).isBetween(200, 399);
        }
    }
}
