package io.reserva.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser pointed at the server is led to the console's sign-in, whose page still leads to docs, OpenAPI,
 * health and error codes; an API client asking for JSON is not redirected.
 */
@IntegrationTest
class HomePageIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aBrowserAtTheRootIsLedToTheConsoleSignInWhoseLinksAllWork() {
        TestApi api = new TestApi(port);
        var home = api.send(null, "GET", "/", null, Map.of("Accept", "text/html"));
        assertThat(home.status()).isEqualTo(303);
        assertThat(home.header("Location")).isEqualTo("/console/sign-in");

        var signIn = api.send(null, "GET", "/console/sign-in", null, Map.of("Accept", "text/html"));
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.header("Content-Type")).startsWith("text/html");
        assertThat(signIn.header("Content-Security-Policy")).startsWith("default-src 'none'; script-src 'self'");
        assertThat(signIn.text()).contains("/b/{organization_id}/{slug}");
        for (String link : List.of("/docs", "/openapi.json", "/health", "/problems")) {
            assertThat(signIn.text()).contains("href=\"" + link + "\"");
            assertThat(api.get(null, link).status()).as(link).isBetween(200, 399);
        }
    }

    @Test
    void anApiClientAtTheRootIsNotRedirected() {
        var json = new TestApi(port).send(null, "GET", "/", null, Map.of("Accept", "application/json"));
        assertThat(json.status()).isNotEqualTo(303);
        assertThat(json.header("Location")).isNull();
    }
}
