package io.reserva.notifications;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Reminder hours per organization and per service, and guests' opt-outs, over the API. */
@IntegrationTest
class NotificationSettingsIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    String key;
    String dinner;
    String lunch;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        dinner = catalog.service(fields("name", "Dinner", "duration_minutes", 60));
        lunch = catalog.service(fields("name", "Lunch", "duration_minutes", 60));
        String table = catalog.resource("Table", "table", null);
        catalog.link(dinner, table, "required");
        catalog.link(lunch, table, "required");
        catalog.everyDay(table, "10:00", "22:00");
    }

    @Test
    void remindersFollowTheServiceThenTheOrganizationThenTheDefault() {
        assertThat(api.get(key, "/notification-reminder-settings")
                        .body()
                        .get("default_hours_before")
                        .asInt())
                .isEqualTo(24);
        TestApi.expect(
                api.send(
                        key,
                        "PUT",
                        "/notification-reminder-settings",
                        TestApi.json(fields("hours_before", 48)),
                        java.util.Map.of()),
                200);
        Response saved = api.send(
                key,
                "PUT",
                "/notification-reminder-settings",
                TestApi.json(fields("service_id", dinner, "hours_before", 2)),
                java.util.Map.of());
        TestApi.expect(saved, 200);
        assertThat(saved.body().get("settings").size()).isEqualTo(2);

        String atDinner = book(dinner, at(19), "d@example.org");
        String atLunch = book(lunch, at(12), "l@example.org");
        assertThat(reminderDue(atDinner)).isEqualTo(Instant.parse(at(19)).minus(Duration.ofHours(2)));
        assertThat(reminderDue(atLunch)).isEqualTo(Instant.parse(at(12)).minus(Duration.ofHours(48)));

        TestApi.expect(
                api.send(
                        key,
                        "PUT",
                        "/notification-reminder-settings",
                        TestApi.json(fields("service_id", dinner, "hours_before", 0)),
                        java.util.Map.of()),
                200);
        String noReminder = book(dinner, at(20), "n@example.org");
        assertThat(kinds(noReminder)).containsExactly("confirmation");
    }

    @Test
    void badReminderSettingsAreRefusedAndOnlyAdminsMayChangeThem() {
        Response negative = api.send(
                key,
                "PUT",
                "/notification-reminder-settings",
                TestApi.json(fields("hours_before", -1)),
                java.util.Map.of());
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.body().get("errors").get(0).get("field").asString()).isEqualTo("hours_before");

        String foreign = new CatalogFixtures(api, api.newTenant().adminKey())
                .service(fields("name", "Elsewhere", "duration_minutes", 30));
        Response otherService = api.send(
                key,
                "PUT",
                "/notification-reminder-settings",
                TestApi.json(fields("service_id", foreign, "hours_before", 3)),
                java.util.Map.of());
        assertThat(otherService.status()).isEqualTo(422);
        assertThat(otherService.body().get("errors").get(0).get("field").asString())
                .isEqualTo("service_id");

        Response missing =
                api.send(key, "PUT", "/notification-reminder-settings", TestApi.json(fields()), java.util.Map.of());
        assertThat(missing.status()).isEqualTo(422);

        Response byStaff = api.send(
                api.newKey(tenant, "staff"),
                "PUT",
                "/notification-reminder-settings",
                TestApi.json(fields("hours_before", 3)),
                java.util.Map.of());
        assertThat(byStaff.status()).isEqualTo(403);
    }

    @Test
    void aGuestMayOptOutAndBackIn() {
        Response contact = api.post(key, "/contacts", fields("first_name", "Ines", "email", "ines@example.org"));
        TestApi.expect(contact, 201);
        String id = contact.get("id");

        assertThat(api.get(key, "/notification-opt-outs/" + id).status()).isEqualTo(404);
        Response optedOut = api.post(key, "/notification-opt-outs", fields("contact_id", id));
        TestApi.expect(optedOut, 201);
        assertThat(optedOut.get("channel")).isEqualTo("email");
        TestApi.expect(api.post(key, "/notification-opt-outs", fields("contact_id", id)), 201);
        TestApi.expect(api.get(key, "/notification-opt-outs/" + id), 200);

        Response otherTenant = api.post(api.newTenant().adminKey(), "/notification-opt-outs", fields("contact_id", id));
        assertThat(otherTenant.status()).as("another organization's contact").isEqualTo(422);
        assertThat(api.post(key, "/notification-opt-outs", fields()).status()).isEqualTo(422);

        TestApi.expect(api.delete(key, "/notification-opt-outs/" + id), 200);
        assertThat(api.get(key, "/notification-opt-outs/" + id).status()).isEqualTo(404);
        assertThat(api.delete(key, "/notification-opt-outs/" + id).status()).isEqualTo(404);
    }

    @Test
    void templatesAreCheckedWhenSavedAndPreviewedWithTheGuestsTextEscaped() {
        Response unknown = api.send(
                key,
                "PUT",
                "/notification-templates/confirmation/es",
                TestApi.json(fields(
                        "subject", "Hola {{guest_name}}", "text", "Mesa {{table_number}}", "html", "<p>{{date}}</p>")),
                java.util.Map.of());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("text");
        assertThat(unknown.body().get("errors").get(0).get("message").asString())
                .contains("{{table_number}}");

        assertThat(api.send(
                                key,
                                "PUT",
                                "/notification-templates/birthday/es",
                                TestApi.json(fields("subject", "a", "text", "b", "html", "c")),
                                java.util.Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.send(
                                api.newKey(tenant, "staff"),
                                "PUT",
                                "/notification-templates/confirmation/es",
                                TestApi.json(fields("subject", "a", "text", "b", "html", "c")),
                                java.util.Map.of())
                        .status())
                .isEqualTo(403);

        Response saved = api.send(
                key,
                "PUT",
                "/notification-templates/confirmation/es",
                TestApi.json(fields(
                        "subject",
                        "Reserva: {{ date }}",
                        "text",
                        "Hola {{guest_name}}, {{party_size}} personas",
                        "html",
                        "<p style=\"color:#8b1e3f\">Hola {{guest_name}}</p>")),
                java.util.Map.of());
        TestApi.expect(saved, 200);
        assertThat(api.get(key, "/notification-templates").body().get("data").size())
                .isEqualTo(1);

        Response booked = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        3,
                        "start_datetime",
                        at(21),
                        "contact",
                        fields("first_name", "<img src=x onerror=alert(1)>", "email", "h@example.org")));
        TestApi.expect(booked, 201);
        Response preview = api.post(
                key,
                "/notification-templates/preview",
                fields("reservation_id", booked.get("id"), "kind", "confirmation", "locale", "es"));
        TestApi.expect(preview, 200);
        assertThat(preview.get("html"))
                .startsWith("<p style=\"color:#8b1e3f\">Hola &lt;img")
                .doesNotContain("<img");
        assertThat(preview.get("text")).isEqualTo("Hola <img src=x onerror=alert(1)>, 3 personas");
        assertThat(preview.get("subject")).isEqualTo("Reserva: lunes, 5 de julio de 2027");

        Response builtIn = api.post(
                key,
                "/notification-templates/preview",
                fields("reservation_id", booked.get("id"), "kind", "reminder", "locale", "en"));
        assertThat(builtIn.get("subject")).startsWith("Reminder: ");
        Response badPreview = api.post(
                key,
                "/notification-templates/preview",
                fields("reservation_id", booked.get("id"), "kind", "reminder", "locale", "fr", "text", "{{nope}}"));
        assertThat(badPreview.status()).isEqualTo(422);
        Response foreign = api.post(
                api.newTenant().adminKey(),
                "/notification-templates/preview",
                fields("reservation_id", booked.get("id"), "kind", "reminder", "locale", "en"));
        assertThat(foreign.status()).isEqualTo(404);

        TestApi.expect(api.delete(key, "/notification-templates/confirmation/es"), 200);
        assertThat(api.delete(key, "/notification-templates/confirmation/es").status())
                .isEqualTo(404);
    }

    @Test
    void smsTextsAreSavedPerKindAndLanguageCheckedAndPreviewed() {
        Response unknown = putSms("reminder", "en", "{{organization_name}}: table {{table_number}}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("errors").get(0).get("field").asString()).isEqualTo("text");
        assertThat(unknown.body().get("errors").get(0).get("message").asString())
                .contains("{{table_number}}");
        Response emailOnly = putSms("reminder", "en", "Manage it: {{manage_link}}");
        assertThat(emailOnly.status()).isEqualTo(422);
        assertThat(emailOnly.body().get("errors").get(0).get("message").asString())
                .contains("{{manage_link}}")
                .contains("not available in an SMS");
        assertThat(putSms("reminder", "en", " ").status()).isEqualTo(422);
        assertThat(putSms("reminder", "en", "x".repeat(1_601)).status()).isEqualTo(422);
        assertThat(putSms("birthday", "en", "hi").status()).isEqualTo(404);
        assertThat(putSms("reminder", "fr", "hi").status()).isEqualTo(404);
        assertThat(api.send(
                                api.newKey(tenant, "staff"),
                                "PUT",
                                "/notification-templates/reminder/en/sms",
                                TestApi.json(fields("text", "hi")),
                                java.util.Map.of())
                        .status())
                .isEqualTo(403);

        Response saved = putSms("reminder", "en", "{{organization_name}}: see you at {{ time }}, {{guest_name}}!");
        TestApi.expect(saved, 200);
        assertThat(saved.get("channel")).isEqualTo("sms");
        assertThat(saved.body().get("subject").isNull()).isTrue();
        assertThat(saved.body().get("html").isNull()).isTrue();
        TestApi.expect(
                api.send(
                        key,
                        "PUT",
                        "/notification-templates/reminder/en",
                        TestApi.json(fields("subject", "Soon", "text", "See you", "html", "<p>See you</p>")),
                        java.util.Map.of()),
                200);
        assertThat(api.get(key, "/notification-templates").body().get("data").size())
                .as("the email and the SMS text of one kind and language are two templates")
                .isEqualTo(2);

        String booked = book(dinner, at(21), "s@example.org");
        Response preview = api.post(
                key,
                "/notification-templates/preview",
                fields("reservation_id", booked, "kind", "reminder", "locale", "en", "channel", "sms"));
        TestApi.expect(preview, 200);
        // JDK 20+ writes a narrow no-break space before PM, older JDKs a space: \h takes either.
        assertThat(preview.get("text")).containsPattern(": see you at 9:00\\hPM, Guest!$");
        assertThat(preview.body().get("subject").isNull()).isTrue();
        assertThat(preview.body().get("html").isNull()).isTrue();
        Response given = api.post(
                key,
                "/notification-templates/preview",
                fields(
                        "reservation_id", booked,
                        "kind", "reminder",
                        "locale", "en",
                        "channel", "sms",
                        "text", "{{party_size}} at {{time}}"));
        assertThat(given.get("text")).matches("2 at 9:00\\hPM");
        Response badPreview = api.post(
                key,
                "/notification-templates/preview",
                fields(
                        "reservation_id", booked,
                        "kind", "reminder",
                        "locale", "en",
                        "channel", "sms",
                        "text", "{{logo_url}}"));
        assertThat(badPreview.status()).isEqualTo(422);
        assertThat(api.post(
                                key,
                                "/notification-templates/preview",
                                fields(
                                        "reservation_id", booked,
                                        "kind", "reminder",
                                        "locale", "en",
                                        "channel", "pigeon"))
                        .status())
                .isEqualTo(422);

        TestApi.expect(api.delete(key, "/notification-templates/reminder/en/sms"), 200);
        assertThat(api.delete(key, "/notification-templates/reminder/en/sms").status())
                .isEqualTo(404);
        Response builtIn = api.post(
                key,
                "/notification-templates/preview",
                fields("reservation_id", booked, "kind", "reminder", "locale", "en", "channel", "sms"));
        assertThat(builtIn.get("text")).contains("a reminder of your booking for 2");
        assertThat(api.get(key, "/notification-templates").body().get("data").size())
                .as("the email text stays")
                .isEqualTo(1);
    }

    private Response putSms(String kind, String locale, String text) {
        return api.send(
                key,
                "PUT",
                "/notification-templates/" + kind + "/" + locale + "/sms",
                TestApi.json(fields("text", text)),
                java.util.Map.of());
    }

    private String book(String service, String start, String email) {
        Response booked = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        start,
                        "contact",
                        fields("first_name", "Guest", "email", email)));
        TestApi.expect(booked, 201);
        return booked.get("id");
    }

    private Instant reminderDue(String reservation) {
        Response log = api.get(key, "/notifications?reservation_id=" + reservation + "&kind=reminder");
        TestApi.expect(log, 200);
        assertThat(log.body().get("data").size()).isEqualTo(1);
        return Instant.parse(log.body().get("data").get(0).get("due_at").asString());
    }

    private List<String> kinds(String reservation) {
        List<String> kinds = new ArrayList<>();
        api.get(key, "/notifications?reservation_id=" + reservation)
                .body()
                .get("data")
                .forEach(row -> kinds.add(row.get("kind").asString()));
        return kinds;
    }

    private static String at(int hour) {
        return LocalDate.of(2027, 7, 5)
                .atTime(LocalTime.of(hour, 0))
                .atZone(ZoneId.of("Europe/Berlin"))
                .toInstant()
                .toString();
    }
}
