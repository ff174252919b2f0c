package io.reserva.users;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The HTTP contract of staff accounts: sign-in, the cookie, the session as a caller, CSRF, ending sessions. */
@IntegrationTest
class UsersAndSessionsIntegrationTests {

    static final String PASSWORD = "violet tram under 7 lanterns";

    @LocalServerPort
    int port;

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
    void signInSetsAFreshHttpOnlyLaxCookieAndTheSessionActsLikeAKeyOfItsRole() {
        String email = newEmail();
        user(email, "admin");
        Browser browser = signIn(email, PASSWORD);

        String cookie = setCookie(browser.answer());
        assertThat(cookie).startsWith("reserva_session=rss_").contains("HttpOnly", "SameSite=Lax", "Path=/");
        assertThat(cookie).doesNotContain("Secure");
        assertThat(browser.answer().get("organization_id"))
                .isEqualTo(tenant.id().toString());
        assertThat(browser.answer().get("role")).isEqualTo("admin");
        assertThat(browser.answer().body().get("organizations")).hasSize(1);

        Response current = as(browser, "GET", "/sessions/current", null);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.get("email")).isEqualTo(email);
        assertThat(current.get("csrf_token")).isEqualTo(browser.csrf());

        Response organizations = as(browser, "GET", "/organizations", null);
        assertThat(organizations.status()).isEqualTo(200);
        assertThat(organizations.body().get("total").asInt()).isEqualTo(1);
        Response key = as(browser, "POST", "/api-keys", fields("name", "From the console", "role", "staff"));
        assertThat(key.status()).isEqualTo(201);

        // The id is new at every sign-in, whatever cookie the browser already had.
        Response again = signInRaw(email, PASSWORD, Map.of("Cookie", browser.cookie()));
        assertThat(again.status()).isEqualTo(201);
        assertThat(sessionCookie(again)).isNotEqualTo(browser.cookie());
        assertThat(again.get("csrf_token")).isNotEqualTo(browser.csrf());
    }

    @Test
    void aStateChangingRequestWithOnlyTheCookieIsRefusedButAnApiKeyNeedsNoToken() {
        String email = newEmail();
        user(email, "admin");
        Browser browser = signIn(email, PASSWORD);

        Response refused = withCookieOnly(browser, "POST", "/contacts", fields("first_name", "Ana"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("csrf_token_invalid");
        Response wrong = api.send(
                null,
                "DELETE",
                "/sessions/current",
                null,
                Map.of("Cookie", browser.cookie(), "X-CSRF-Token", "not-the-token"));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(as(browser, "GET", "/contacts", null).status()).isEqualTo(200);
        // Public handlers act for nobody, so a signed-in browser needs no token there (a guest's booking page).
        Response publicPost =
                withCookieOnly(browser, "POST", "/password-resets/pwt_unknown", fields("password", PASSWORD));
        assertThat(publicPost.code()).isEqualTo("invalid_token");

        // With a key in the header the cookie is not looked at, and no token is asked for.
        Response withKey = api.send(
                tenant.adminKey(),
                "POST",
                "/contacts",
                TestApi.json(fields("first_name", "Ana")),
                Map.of("Cookie", browser.cookie()));
        assertThat(withKey.status()).isEqualTo(201);
        Response contacts = as(browser, "GET", "/contacts?first_name=Ana", null);
        assertThat(contacts.body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void eachRoleMayDoWhatAKeyOfThatRoleMay() {
        String staffEmail = newEmail();
        user(staffEmail, "staff");
        Browser staff = signIn(staffEmail, PASSWORD);
        assertThat(as(staff, "POST", "/contacts", fields("first_name", "Luis")).status())
                .isEqualTo(201);
        Response noKeys = as(staff, "POST", "/api-keys", fields("name", "x", "role", "staff"));
        assertThat(noKeys.status()).isEqualTo(403);
        assertThat(as(staff, "GET", "/users", null).status()).isEqualTo(403);

        String readerEmail = newEmail();
        user(readerEmail, "read_only");
        Browser reader = signIn(readerEmail, PASSWORD);
        assertThat(as(reader, "GET", "/contacts", null).status()).isEqualTo(200);
        Response write = as(reader, "POST", "/contacts", fields("first_name", "Eva"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.code()).isEqualTo("forbidden");
        // Signing out is open to every role.
        assertThat(as(reader, "DELETE", "/sessions/current", null).status()).isEqualTo(204);
    }

    @Test
    void aSessionNeverSeesAnotherOrganization() {
        Tenant other = api.newTenant();
        String theirContact = api.post(other.adminKey(), "/contacts", fields("first_name", "Hidden"))
                .get("id");
        String email = newEmail();
        user(email, "admin");
        Browser browser = signIn(email, PASSWORD);

        assertThat(as(browser, "GET", "/organizations/" + other.id(), null).status())
                .isEqualTo(404);
        assertThat(as(browser, "GET", "/contacts/" + theirContact, null).status())
                .isEqualTo(404);
        Response create =
                as(browser, "POST", "/contacts", fields("organization_id", other.id(), "first_name", "Intruder"));
        assertThat(create.status()).isEqualTo(404);
        Response switched = as(browser, "PATCH", "/sessions/current", fields("organization_id", other.id()));
        assertThat(switched.status()).isEqualTo(422);
        assertThat(api.get(other.adminKey(), "/contacts").body().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void signOutEndsTheSessionAtOnce() {
        String email = newEmail();
        user(email, "staff");
        Browser browser = signIn(email, PASSWORD);
        Response out = as(browser, "DELETE", "/sessions/current", null);
        assertThat(out.status()).isEqualTo(204);
        assertThat(setCookie(out)).startsWith("reserva_session=;").contains("Max-Age=0");

        Response after = withCookieOnly(browser, "GET", "/contacts", null);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("unauthorized");
    }

    @Test
    void anAdminsRevokeAndRemovingTheUserEndSessionsAtOnce() {
        String email = newEmail();
        String id = user(email, "staff");
        Browser first = signIn(email, PASSWORD);
        Browser second = signIn(email, PASSWORD);

        Response revoked = api.delete(tenant.adminKey(), "/users/" + id + "/sessions");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("ended").asInt()).isEqualTo(2);
        assertThat(withCookieOnly(first, "GET", "/contacts", null).status()).isEqualTo(401);
        assertThat(withCookieOnly(second, "GET", "/contacts", null).status()).isEqualTo(401);

        Browser third = signIn(email, PASSWORD);
        assertThat(api.delete(tenant.adminKey(), "/users/" + id).status()).isEqualTo(200);
        assertThat(withCookieOnly(third, "GET", "/contacts", null).status()).isEqualTo(401);
        assertThat(api.get(tenant.adminKey(), "/users/" + id).status()).isEqualTo(404);
    }

    @Test
    void aRoleChangeAppliesToTheNextRequest() {
        String email = newEmail();
        String id = user(email, "staff");
        Browser browser = signIn(email, PASSWORD);
        assertThat(api.patch(tenant.adminKey(), "/users/" + id, fields("role", "read_only"))
                        .status())
                .isEqualTo(200);
        assertThat(as(browser, "POST", "/contacts", fields("first_name", "Ana")).status())
                .isEqualTo(403);
    }

    @Test
    void anInvitedUserSetsThePasswordThroughTheOneTimeLink() {
        String email = newEmail();
        Response invited = api.post(
                tenant.adminKey(), "/users", fields("email", email.toUpperCase(), "name", "Pau", "role", "staff"));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.get("email")).isEqualTo(email);
        assertThat(invited.get("status")).isEqualTo("invited");
        String token = invited.body().get("password_setup").get("token").asString();
        assertThat(invited.body().get("password_setup").get("path").asString()).isEqualTo("/password-resets/" + token);

        assertThat(signInRaw(email, PASSWORD, Map.of()).status()).isEqualTo(401);
        Response weak = api.post(null, "/password-resets/" + token, fields("password", "password1234"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(api.post(null, "/password-resets/" + token, fields("password", PASSWORD))
                        .status())
                .isEqualTo(204);
        Response reused = api.post(null, "/password-resets/" + token, fields("password", PASSWORD + "!"));
        assertThat(reused.status()).isEqualTo(404);
        assertThat(reused.code()).isEqualTo("invalid_token");
        signIn(email, PASSWORD);
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        String email = newEmail();
        user(email, "read_only");
        Browser phone = signIn(email, PASSWORD);
        Browser laptop = signIn(email, PASSWORD);

        Response wrong = as(
                laptop,
                "POST",
                "/sessions/current/password",
                fields("current_password", "not it at all", "new_password", "another fine passphrase"));
        assertThat(wrong.status()).isEqualTo(422);
        Response changed = as(
                laptop,
                "POST",
                "/sessions/current/password",
                fields("current_password", PASSWORD, "new_password", "another fine passphrase"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(withCookieOnly(phone, "GET", "/contacts", null).status()).isEqualTo(401);
        assertThat(withCookieOnly(laptop, "GET", "/contacts", null).status()).isEqualTo(401);
        Map<String, String> renewed = Map.of("Cookie", sessionCookie(changed));
        assertThat(api.send(null, "GET", "/contacts", null, renewed).status()).isEqualTo(200);
    }

    @Test
    void aUserOfSeveralOrganizationsSwitchesBetweenThem() {
        Tenant second = api.newTenant();
        String email = newEmail();
        user(email, "staff");
        Response added =
                api.post(second.adminKey(), "/users", fields("email", email, "name", "M. Ruiz", "role", "admin"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().get("password_setup").isNull()).isTrue();

        Browser browser = signIn(email, PASSWORD);
        assertThat(browser.answer().get("organization_id"))
                .isEqualTo(tenant.id().toString());
        assertThat(browser.answer().body().get("organizations")).hasSize(2);
        Response switched = as(browser, "PATCH", "/sessions/current", fields("organization_id", second.id()));
        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.get("role")).isEqualTo("admin");
        assertThat(switched.get("name")).isEqualTo("M. Ruiz");
        assertThat(withCookieOnly(browser, "GET", "/contacts", null).status()).isEqualTo(401);
        Map<String, String> now = Map.of("Cookie", sessionCookie(switched));
        assertThat(api.send(null, "GET", "/organizations", null, now)
                        .body()
                        .get("data")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(second.id().toString());

        // One venue's admin cannot reset a password another venue relies on.
        Response reset =
                api.post(second.adminKey(), "/users/" + browser.answer().get("user_id") + "/password-resets", Map.of());
        assertThat(reset.status()).isEqualTo(409);
        Response platformReset = api.post(
                TestApi.PLATFORM_KEY,
                "/users/" + browser.answer().get("user_id") + "/password-resets?organization_id=" + second.id(),
                Map.of());
        assertThat(platformReset.status()).isEqualTo(201);
    }

    @Test
    void aPlatformKeyCreatesTheFirstAdminOfAnOrganization() {
        String email = newEmail();
        Response missingOrganization =
                api.post(TestApi.PLATFORM_KEY, "/users", fields("email", email, "name", "Owner", "role", "admin"));
        assertThat(missingOrganization.status()).isEqualTo(422);
        Response created = api.post(
                TestApi.PLATFORM_KEY,
                "/users",
                fields(
                        "organization_id",
                        tenant.id(),
                        "email",
                        email,
                        "name",
                        "Owner",
                        "role",
                        "admin",
                        "password",
                        PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("status")).isEqualTo("active");
        assertThat(created.text()).doesNotContain(PASSWORD).doesNotContain("password_hash");
        Browser owner = signIn(email, PASSWORD);
        Response listed = as(owner, "GET", "/users?role=admin&$sort[email]=1", null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().get("total").asInt()).isEqualTo(1);
        assertThat(as(owner, "GET", "/users?password_hash=x", null).status()).isEqualTo(400);
    }

    @Test
    void badInputIsRefusedWithTheFieldAtFault() {
        String email = newEmail();
        user(email, "staff");
        Map<String, Object> valid = fields("email", newEmail(), "name", "Ana", "role", "staff", "password", PASSWORD);
        assertField(with(valid, "password", "Sunshine2024!"), 422, "password");
        assertField(with(valid, "password", "short"), 422, "password");
        assertField(with(valid, "email", "not-an-email"), 422, "email");
        assertField(with(valid, "role", "platform_admin"), 422, "role");
        assertField(with(valid, "role", "owner"), 422, "role");
        String elsewhere = newEmail();
        api.post(api.newTenant().adminKey(), "/users", with(valid, "email", elsewhere));
        assertField(with(valid, "email", elsewhere), 422, "password");
        assertThat(api.post(tenant.adminKey(), "/users", fields("email", email, "name", "Again", "role", "staff"))
                        .status())
                .isEqualTo(409);
        Tenant other = api.newTenant();
        assertThat(api.post(tenant.adminKey(), "/users", with(valid, "organization_id", other.id()))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(api.newKey(tenant, "staff"), "/users", valid).status())
                .isEqualTo(403);
        assertThat(api.get(other.adminKey(), "/users/" + UUID.randomUUID()).status())
                .isEqualTo(404);

        Response noPassword = api.post(null, "/sessions", fields("email", email));
        assertThat(noPassword.status()).isEqualTo(422);
        Response noSession = api.get(tenant.adminKey(), "/sessions/current");
        assertThat(noSession.status()).isEqualTo(401);
        Response anonymous = api.get(null, "/sessions/current");
        assertThat(anonymous.status()).isEqualTo(401);
        Response bogusCookie = api.send(null, "GET", "/users", null, Map.of("Cookie", "reserva_session=rss_forged"));
        assertThat(bogusCookie.status()).isEqualTo(401);
    }

    @Test
    void aPersonResourceMayNameOnlyAUserOfItsOrganization() {
        String id = user(newEmail(), "staff");
        Tenant other = api.newTenant();
        String outsider = api.post(
                        other.adminKey(),
                        "/users",
                        fields("email", newEmail(), "name", "Elsewhere", "role", "staff", "password", PASSWORD))
                .get("id");
        Map<String, Object> person =
                fields("name", "Marta", "resource_type", "person", "timezone", "Europe/Berlin", "user_id", outsider);
        Response refused = api.post(tenant.adminKey(), "/reservation-resources", person);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("user_id");

        Response created = api.post(tenant.adminKey(), "/reservation-resources", with(person, "user_id", id));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("user_id")).isEqualTo(id);
        String resource = "/reservation-resources/" + created.get("id");
        assertThat(api.patch(tenant.adminKey(), resource, fields("user_id", outsider))
                        .status())
                .isEqualTo(422);
        assertThat(api.patch(tenant.adminKey(), resource, fields("user_id", null))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anOpenLinkDiesWhenAnotherOrganizationAddsTheAccount() {
        String email = newEmail();
        Response invited =
                api.post(tenant.adminKey(), "/users", fields("email", email, "name", "Pau", "role", "staff"));
        String token = invited.body().get("password_setup").get("token").asString();
        Tenant second = api.newTenant();
        assertThat(api.post(second.adminKey(), "/users", fields("email", email, "name", "Pau", "role", "admin"))
                        .status())
                .isEqualTo(201);
        Response late = api.post(null, "/password-resets/" + token, fields("password", PASSWORD));
        assertThat(late.status()).isEqualTo(404);
        assertThat(late.code()).isEqualTo("invalid_token");
    }

    void assertField(Map<String, Object> body, int status, String field) {
        Response answer = api.post(tenant.adminKey(), "/users", body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(answer.text()).doesNotContain(PASSWORD);
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
