package io.reserva.users;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.MutableClock;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * What depends on time or on the sign-in allowances: throttling, link expiry, idle and absolute timeouts, and
 * the Secure flag behind a trusted proxy. A clock of its own, so nothing waits.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "reserva.users.bcrypt-strength=4",
            "reserva.users.login-failures-per-account=3",
            "reserva.users.login-failures-per-address=8",
            "reserva.users.trusted-proxies=127.0.0.1,::1"
        })
class SessionTimeIntegrationTests {

    static final String PASSWORD = "violet tram under 7 lanterns";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    TestApi api;
    Tenant tenant;

    /** A signed-in browser: its cookie and the CSRF token its session was given. */
    record Browser(String cookie, String csrf, Response answer) {
        Map<String, String> headers() {
            return Map.of("Cookie", cookie, "X-CSRF-Token", csrf);
        }
    }

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        // Every test starts with full sign-in allowances (the buckets refill with the clock).
        clock.advance(Duration.ofMinutes(30));
    }

    String newEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A user of the tenant with a password, added by its admin key; answers the user's id. */
    String user(String email, String role) {
        Response created = api.post(
                tenant.adminKey(),
                "/users",
                fields("email", email, "name", "Marta Ruiz", "role", role, "password", PASSWORD));
        TestApi.expect(created, 201);
        return created.get("id");
    }

    Response signInRaw(String email, String password, Map<String, String> headers) {
        return api.send(null, "POST", "/sessions", TestApi.json(fields("email", email, "password", password)), headers);
    }

    Browser signIn(String email, String password) {
        Response answer = signInRaw(email, password, Map.of());
        TestApi.expect(answer, 201);
        return new Browser(sessionCookie(answer), answer.get("csrf_token"), answer);
    }

    static String setCookie(Response response) {
        return response.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream())
                .filter(v -> v.startsWith("reserva_session="))
                .findFirst()
                .orElse(null);
    }

    static String sessionCookie(Response response) {
        return setCookie(response).split(";", 2)[0];
    }

    Response as(Browser browser, String method, String path, Object body) {
        return api.send(null, method, path, TestApi.json(body), browser.headers());
    }

    Response withCookieOnly(Browser browser, String method, String path, Object body) {
        return api.send(null, method, path, TestApi.json(body), Map.of("Cookie", browser.cookie()));
    }

    @Test
    void theCookieIsSecureOnlyWhenATrustedProxySaysHttps() {
        String email = newEmail();
        user(email, "staff");
        Response viaProxy = signInRaw(email, PASSWORD, Map.of("X-Forwarded-Proto", "https"));
        assertThat(setCookie(viaProxy)).contains("Secure");
    }

    @Test
    void failedSignInsAreThrottledWithoutTellingWhetherTheEmailExists() {
        String email = newEmail();
        user(email, "staff");
        Response wrong = signInRaw(email, "not the right password", Map.of());
        Response unknown = signInRaw(newEmail(), "not the right password", Map.of());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("invalid_credentials");
        assertThat(unknown.code()).isEqualTo(wrong.code());
        assertThat(unknown.get("detail")).isEqualTo(wrong.get("detail"));

        signInRaw(email, "not the right password either", Map.of());
        signInRaw(email, "still not the right one", Map.of());
        Response throttled = signInRaw(email, PASSWORD, Map.of());
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("rate_limited");
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(throttled.get("detail")).contains("Too many failed sign-ins");

        clock.advance(Duration.ofMinutes(15));
        assertThat(signInRaw(email, PASSWORD, Map.of()).status()).isEqualTo(201);
    }

    @Test
    void anAdminsResetLinkWorksOnceEndsSessionsAndExpires() {
        String email = newEmail();
        String id = user(email, "staff");
        Browser before = signIn(email, PASSWORD);

        Response link = api.post(tenant.adminKey(), "/users/" + id + "/password-resets", Map.of());
        assertThat(link.status()).isEqualTo(201);
        String newPassword = "a brand new passphrase 42";
        assertThat(api.post(null, "/password-resets/" + link.get("token"), fields("password", newPassword))
                        .status())
                .isEqualTo(204);
        assertThat(withCookieOnly(before, "GET", "/contacts", null).status()).isEqualTo(401);
        assertThat(signInRaw(email, PASSWORD, Map.of()).status()).isEqualTo(401);
        signIn(email, newPassword);

        Response late = api.post(tenant.adminKey(), "/users/" + id + "/password-resets", Map.of());
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        Response expired = api.post(null, "/password-resets/" + late.get("token"), fields("password", PASSWORD));
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.code()).isEqualTo("invalid_token");
    }

    @Test
    void sessionsEndWhenIdleAndAtTheirAbsoluteEnd() {
        String email = newEmail();
        user(email, "staff");
        Browser idle = signIn(email, PASSWORD);
        clock.advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(withCookieOnly(idle, "GET", "/contacts", null).status()).isEqualTo(401);

        Browser busy = signIn(email, PASSWORD);
        for (int hour = 0; hour < 11; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(withCookieOnly(busy, "GET", "/contacts", null).status()).isEqualTo(200);
        }
        clock.advance(Duration.ofHours(1));
        Response ended = withCookieOnly(busy, "GET", "/contacts", null);
        assertThat(ended.status()).isEqualTo(401);
        assertThat(setCookie(ended)).contains("Max-Age=0");
    }
}
