package io.reserva.notifications;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import io.reserva.notifications.SmsProviderStandIn.Received;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SMS end to end: sender settings (secrets never shown), the Twilio adapter against a local stand-in that checks
 * the request shape and Basic authentication, Twilio's signed status and inbound callbacks (STOP, START), the
 * generic webhook adapter's signature and callbacks, and numbers that cannot take SMS.
 */
@IntegrationTest
class SmsIntegrationTests {

    static final LocalDate DAY = LocalDate.of(2027, 6, 7);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    static final String MOBILE = example("DE", PhoneNumberType.MOBILE);
    static final String FIXED_LINE = example("DE", PhoneNumberType.FIXED_LINE);

    static SmsProviderStandIn provider;

    @BeforeAll
    static void startProvider() {
        provider = new SmsProviderStandIn();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    TwilioSms twilio;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Tenant tenant;
    String key;
    String service;
    String accountSid;
    String authToken;
    int nextHour = 10;

    @BeforeEach
    void setUp() {
        twilio.baseUrl(provider.base());
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        service = catalog.service(fields("name", "Dinner", "duration_minutes", 60));
        String table = catalog.resource("Table", "table", null);
        catalog.link(service, table, "required");
        catalog.everyDay(table, "10:00", "22:00");
        accountSid = "AC" + UUID.randomUUID().toString().replace("-", "");
        authToken = UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void settingsKeepTheirSecretsAndRefuseWhatCannotWork() {
        Response empty = api.get(key, "/notification-settings");
        TestApi.expect(empty, 200);
        assertThat(empty.get("sms_provider")).isEqualTo("none");
        assertThat(empty.body().get("twilio_auth_token_set").asBoolean()).isFalse();

        Response saved = api.send(
                key,
                "PUT",
                "/notification-settings",
                TestApi.json(fields(
                        "email_from",
                        "bookings@venue.example",
                        "email_reply_to",
                        "hello@venue.example",
                        "sms_provider",
                        "twilio",
                        "sms_from",
                        MOBILE,
                        "twilio_account_sid",
                        accountSid,
                        "twilio_auth_token",
                        authToken)),
                Map.of());
        TestApi.expect(saved, 200);
        assertThat(saved.body().get("twilio_auth_token_set").asBoolean()).isTrue();
        assertThat(saved.get("status_callback_path")).isEqualTo("/sms/twilio/" + tenant.id() + "/status");
        Response read = api.get(key, "/notification-settings");
        assertThat(read.get("email_from")).isEqualTo("bookings@venue.example");
        assertThat(read.text()).doesNotContain(authToken);
        assertThat(saved.text()).doesNotContain(authToken);
        String stored = jdbc.sql(
                        "select twilio_auth_token from notification_sender_settings where organization_id = :org")
                .param("org", tenant.id())
                .query(String.class)
                .single();
        assertThat(stored).startsWith("sealed:v1:").doesNotContain(authToken);

        // Left out, the token stays; the log of a booking's messages shows no secret either.
        Response again = api.send(
                key,
                "PUT",
                "/notification-settings",
                TestApi.json(fields("sms_provider", "twilio", "sms_from", MOBILE, "twilio_account_sid", accountSid)),
                Map.of());
        TestApi.expect(again, 200);
        assertThat(again.body().get("twilio_auth_token_set").asBoolean()).isTrue();
        assertThat(again.body().get("email_from").isNull())
                .as("every other field is replaced")
                .isTrue();
        String id = book(MOBILE, "Ana").get("id");
        awaitSms(id, "confirmation", "sent");
        assertThat(api.get(key, "/notifications?reservation_id=" + id).text()).doesNotContain(authToken);

        Response missing = put(fields("sms_provider", "twilio", "twilio_auth_token", ""));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(fieldsOf(missing)).contains("twilio_account_sid", "twilio_auth_token", "sms_from");
        Response wrong = put(fields(
                "sms_provider", "pigeon",
                "email_from", "not an address",
                "sms_from", "+49 not a number",
                "twilio_account_sid", "AC123"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(fieldsOf(wrong)).contains("sms_provider", "email_from", "sms_from", "twilio_account_sid");
        Response webhook = put(fields("sms_provider", "webhook", "webhook_url", "ftp://x", "webhook_secret", "short"));
        assertThat(fieldsOf(webhook)).contains("webhook_url", "webhook_secret");
        Response guarded = put(fields(
                "sms_provider", "webhook",
                "webhook_url", "http://127.0.0.1/send#fragment",
                "webhook_secret", "a-secret-long-enough"));
        assertThat(guarded.status()).as("the webhooks' address guard").isEqualTo(422);
        assertThat(guarded.body().get("errors").get(0).get("message").asString())
                .contains("fragment");
        assertThat(api.get(key, "/notification-settings")
                        .body()
                        .get("twilio_auth_token_set")
                        .asBoolean())
                .as("a refused save changes nothing")
                .isTrue();

        String staff = api.newKey(tenant, "staff");
        assertThat(api.get(staff, "/notification-settings").status()).isEqualTo(403);
        assertThat(api.send(staff, "PUT", "/notification-settings", TestApi.json(fields()), Map.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void twilioGetsTheMessageFormEncodedWithBasicAuthAndItsStatusCallbacksAreVerified() throws Exception {
        useTwilio();
        String id = book(MOBILE, "Ana").get("id");
        Response sms = awaitSms(id, "confirmation", "sent");

        Received request = twilioRequests().get(0);
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + accountSid + "/Messages.json");
        assertThat(request.header("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = request.form();
        assertThat(form.get("To")).isEqualTo(MOBILE);
        assertThat(form.get("From")).isEqualTo(MOBILE);
        assertThat(form.get("Body")).contains("is confirmed").contains("STOP");
        assertThat(sms.get("recipient")).isEqualTo(MOBILE);
        String sid = sms.get("provider_id");
        assertThat(sid).startsWith("SM");

        String path = "/sms/twilio/" + tenant.id() + "/status";
        Map<String, String> delivered =
                Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid", accountSid);
        Response forged = postForm(path, delivered, twilioSignature("wrong-token", api.base() + path, delivered));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("invalid_signature");
        assertThat(postForm(path, delivered, null).status()).isEqualTo(403);
        assertThat(smsOf(id, "confirmation").get("delivery_status").isNull())
                .as("a forged callback changes nothing")
                .isTrue();

        TestApi.expect(postForm(path, delivered, twilioSignature(authToken, api.base() + path, delivered)), 204);
        assertThat(smsOf(id, "confirmation").get("delivery_status").asString()).isEqualTo("delivered");

        Map<String, String> undelivered =
                Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30003");
        TestApi.expect(postForm(path, undelivered, twilioSignature(authToken, api.base() + path, undelivered)), 204);
        var failed = smsOf(id, "confirmation");
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").asString()).contains("undelivered").contains("30003");

        Response otherTenant = postForm(
                "/sms/twilio/" + api.newTenant().id() + "/status",
                delivered,
                twilioSignature(authToken, api.base() + "/sms/twilio/x/status", delivered));
        assertThat(otherTenant.status()).as("an organization without Twilio").isEqualTo(403);
    }

    @Test
    void theOrganizationsOwnSmsTextIsWhatTheGuestGets() {
        useTwilio();
        TestApi.expect(
                api.send(
                        key,
                        "PUT",
                        "/notification-templates/confirmation/en/sms",
                        TestApi.json(fields(
                                "text", "{{organization_name}} has you down for {{time}}. Code {{confirmation_code}}")),
                        Map.of()),
                200);
        Response booked = book(MOBILE, "Rita");
        awaitSms(booked.get("id"), "confirmation", "sent");
        assertThat(twilioRequests()).hasSize(1);
        assertThat(twilioRequests().get(0).form().get("Body"))
                .contains(" has you down for ")
                .endsWith("Code " + booked.get("confirmation_code"))
                .doesNotContain("Reply STOP");
    }

    @Test
    void stopOptsTheGuestOutOfSmsAndStartBackIn() throws Exception {
        useTwilio();
        String first = book(MOBILE, "Ines").get("id");
        awaitSms(first, "confirmation", "sent");

        String inbound = "/sms/twilio/" + tenant.id() + "/inbound";
        Map<String, String> stop = Map.of("From", MOBILE, "To", MOBILE, "Body", " stop ");
        Response forged = postForm(inbound, stop, twilioSignature("nope", api.base() + inbound, stop));
        assertThat(forged.status()).isEqualTo(403);
        Response stopped = postForm(inbound, stop, twilioSignature(authToken, api.base() + inbound, stop));
        TestApi.expect(stopped, 200);
        assertThat(stopped.text()).contains("<Response>");
        String contact = api.get(key, "/reservations/" + first).get("contact_id");
        TestApi.expect(api.get(key, "/notification-opt-outs/" + contact + "?channel=sms"), 200);
        assertThat(api.get(key, "/notification-opt-outs/" + contact).status())
                .as("email is another channel")
                .isEqualTo(404);

        String second = book(MOBILE, "Ines").get("id");
        Response skipped = awaitSms(second, "confirmation", "skipped");
        assertThat(skipped.get("error")).isEqualTo("the guest opted out of SMS");

        Map<String, String> start = Map.of("From", MOBILE, "To", MOBILE, "Body", "START");
        TestApi.expect(postForm(inbound, start, twilioSignature(authToken, api.base() + inbound, start)), 200);
        assertThat(api.get(key, "/notification-opt-outs/" + contact + "?channel=sms")
                        .status())
                .isEqualTo(404);
        String third = book(MOBILE, "Ines").get("id");
        awaitSms(third, "confirmation", "sent");
    }

    @Test
    void aNumberThatCannotTakeSmsIsFailedWithItsReasonAndTheBookingStands() {
        useTwilio();
        Response booked = book(FIXED_LINE, "Otto");
        assertThat(booked.get("status")).isEqualTo("confirmed");
        Response sms = awaitSms(booked.get("id"), "confirmation", "failed");
        assertThat(sms.get("error")).contains("cannot take SMS").contains("fixed line");

        Response walkIn = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        at(nextHour++),
                        "contact",
                        fields("first_name", "Nobody", "email", "nobody-" + UUID.randomUUID() + "@example.org")));
        TestApi.expect(walkIn, 201);
        assertThat(awaitSms(walkIn.get("id"), "confirmation", "skipped").get("error"))
                .isEqualTo("the guest has no phone number");
    }

    @Test
    void theWebhookAdapterSignsWhatItPostsAndItsCallbacksAreVerified() throws Exception {
        String secret = "whsec_"
                + Base64.getEncoder()
                        .encodeToString(UUID.randomUUID().toString().getBytes());
        String gatewayPath = "/gateway/" + tenant.id();
        TestApi.expect(
                put(fields(
                        "sms_provider",
                        "webhook",
                        "sms_from",
                        "Venue",
                        "webhook_url",
                        provider.base() + gatewayPath,
                        "webhook_secret",
                        secret)),
                200);
        String id = book(MOBILE, "Lea").get("id");
        Response sms = awaitSms(id, "confirmation", "sent");
        Received request = provider.received().stream()
                .filter(r -> r.path().equals(gatewayPath))
                .findFirst()
                .orElseThrow();
        String signature = hmacSha256(
                secret,
                request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body());
        assertThat(request.header("webhook-signature")).isEqualTo("v1," + signature);
        var payload = tools.jackson.databind.json.JsonMapper.builder().build().readTree(request.body());
        assertThat(payload.get("to").asString()).isEqualTo(MOBILE);
        assertThat(payload.get("from").asString()).isEqualTo("Venue");
        assertThat(payload.get("message_id").asString()).isEqualTo(sms.get("id"));
        assertThat(payload.get("body").asString()).contains("is confirmed");
        String providerId = sms.get("provider_id");
        assertThat(providerId).startsWith("gw-");

        String status = "/sms/webhook/" + tenant.id() + "/status";
        String delivered = TestApi.json(fields("provider_id", providerId, "status", "delivered"));
        assertThat(postSigned(status, delivered, "not-the-secret-at-all", Instant.now())
                        .status())
                .isEqualTo(403);
        assertThat(postSigned(status, delivered, secret, Instant.now().minus(Duration.ofMinutes(10)))
                        .status())
                .as("a replayed old callback")
                .isEqualTo(403);
        TestApi.expect(postSigned(status, delivered, secret, Instant.now()), 204);
        assertThat(smsOf(id, "confirmation").get("delivery_status").asString()).isEqualTo("delivered");
        assertThat(postSigned(status, "{\"status\": \"delivered\"}", secret, Instant.now())
                        .status())
                .isEqualTo(422);

        String inbound = "/sms/webhook/" + tenant.id() + "/inbound";
        TestApi.expect(
                postSigned(inbound, TestApi.json(fields("from", MOBILE, "body", "Unsubscribe")), secret, Instant.now()),
                204);
        String contact = api.get(key, "/reservations/" + id).get("contact_id");
        TestApi.expect(api.get(key, "/notification-opt-outs/" + contact + "?channel=sms"), 200);
        assertThat(api.get(key, "/notification-settings").text()).doesNotContain(secret);
    }

    @Test
    void optOutsNameAKnownChannel() {
        Response contact = api.post(key, "/contacts", fields("first_name", "Kai", "phone", MOBILE));
        TestApi.expect(contact, 201);
        Response pigeon =
                api.post(key, "/notification-opt-outs", fields("contact_id", contact.get("id"), "channel", "pigeon"));
        assertThat(pigeon.status()).isEqualTo(422);
        assertThat(fieldsOf(pigeon)).containsExactly("channel");
        Response sms =
                api.post(key, "/notification-opt-outs", fields("contact_id", contact.get("id"), "channel", "sms"));
        TestApi.expect(sms, 201);
        assertThat(sms.get("channel")).isEqualTo("sms");
        TestApi.expect(api.delete(key, "/notification-opt-outs/" + contact.get("id") + "?channel=sms"), 200);
    }

    private void useTwilio() {
        TestApi.expect(
                put(fields(
                        "sms_provider", "twilio",
                        "sms_from", MOBILE,
                        "twilio_account_sid", accountSid,
                        "twilio_auth_token", authToken)),
                200);
    }

    private Response put(Map<String, Object> settings) {
        return api.send(key, "PUT", "/notification-settings", TestApi.json(settings), Map.of());
    }

    private List<Received> twilioRequests() {
        return provider.received().stream()
                .filter(r -> r.path().contains(accountSid))
                .toList();
    }

    private Response book(String phone, String firstName) {
        Response booked = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        at(nextHour++),
                        "contact",
                        fields("first_name", firstName, "phone", phone)));
        TestApi.expect(booked, 201);
        return booked;
    }

    private Response awaitSms(String reservationId, String kind, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var sms = smsOf(reservationId, kind);
            return sms != null && status.equals(sms.get("status").asString());
        });
        Response log = api.get(key, "/notifications?channel=sms&kind=" + kind + "&reservation_id=" + reservationId);
        String id = log.body().get("data").get(0).get("id").asString();
        return api.get(key, "/notifications/" + id);
    }

    private tools.jackson.databind.JsonNode smsOf(String reservationId, String kind) {
        Response log = api.get(key, "/notifications?channel=sms&kind=" + kind + "&reservation_id=" + reservationId);
        TestApi.expect(log, 200);
        return log.body().get("data").isEmpty() ? null : log.body().get("data").get(0);
    }

    private Response postForm(String path, Map<String, String> form, String signature) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (signature != null) {
            headers.put("X-Twilio-Signature", signature);
        }
        return api.send(null, "POST", path, body, headers);
    }

    private Response postSigned(String path, String body, String secret, Instant at) throws Exception {
        String id = "cb-" + UUID.randomUUID();
        long timestamp = at.getEpochSecond();
        return api.send(
                null,
                "POST",
                path,
                body,
                Map.of(
                        "webhook-id",
                        id,
                        "webhook-timestamp",
                        Long.toString(timestamp),
                        "webhook-signature",
                        "v1," + hmacSha256(secret, id + "." + timestamp + "." + body)));
    }

    /** Twilio's documented scheme, written out here so the test does not trust the code it checks. */
    private static String twilioSignature(String token, String url, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String hmacSha256(String secret, String data) throws Exception {
        byte[] key = secret.startsWith("whsec_")
                ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
                : secret.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> fieldsOf(Response response) {
        return java.util.stream.StreamSupport.stream(
                        response.body().get("errors").spliterator(), false)
                .map(error -> error.get("field").asString())
                .toList();
    }

    private static String at(int hour) {
        return DAY.atTime(LocalTime.of(hour, 0)).atZone(BERLIN).toInstant().toString();
    }

    private static String example(String region, PhoneNumberType type) {
        return PHONES.format(PHONES.getExampleNumberForType(region, type), PhoneNumberFormat.E164);
    }
}
