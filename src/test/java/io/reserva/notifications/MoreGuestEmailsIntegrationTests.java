package io.reserva.notifications;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.MutableClock;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import io.reserva.support.TestClock;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a guest's email links to: their own manage link (which works, expires, and is stored nowhere readable), the
 * venue's logo and colour from its booking page, and the unsubscribe link that stops reminders but not the booking's
 * own messages; and the messages beyond a booking's own: a lapsed hold, a waitlist offer, a table that is ready.
 */
@IntegrationTest
@Import(TestClock.class)
class MoreGuestEmailsIntegrationTests extends GuestMailContext {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Pattern MANAGE =
            Pattern.compile("https?://[^/\\s]+(/b/[0-9a-f-]{36}/dinner/manage/([A-Za-z0-9_-]{43}))");
    static final Pattern UNSUBSCRIBE =
            Pattern.compile("<https?://[^/\\s]+(/public/notifications/[0-9a-f-]{36}/unsubscribe/[A-Za-z0-9_-]{43})>");

    @RegisterExtension
    static final GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TwilioSms twilio;

    TestApi api;
    Tenant tenant;
    String key;
    String service;
    String domain;
    LocalDate day;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now()); // one clock for both mail classes: each test starts from now
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        service = catalog.service(fields("name", "Dinner", "duration_minutes", 60));
        String table = catalog.resource("Table", "table", null);
        catalog.link(service, table, "required");
        catalog.everyDay(table, "10:00", "22:00");
        domain = "links-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        day = LocalDate.ofInstant(clock.instant(), BERLIN).plusDays(3);
    }

    @Test
    void aBookingPageGuestGetsAWorkingManageLinkTheVenuesLookAndAnUnsubscribeLinkThatStopsOnlyReminders()
            throws Exception {
        TestApi.expect(
                api.post(
                        key,
                        "/reservation-booking-links",
                        fields(
                                "name",
                                "Dinner",
                                "slug",
                                "dinner",
                                "page_config",
                                fields("logo_url", "https://cdn.example.com/logo.png", "primary_color", "#AA3300"))),
                201);
        String base = "/public/booking-links/" + tenant.id() + "/dinner";
        Instant start = at(19);
        Response held = api.post(
                null,
                base + "/holds",
                fields("service_id", service, "party_size", 2, "start_datetime", start.toString()));
        TestApi.expect(held, 201);
        Response confirmed = api.post(
                null,
                base + "/bookings/" + held.get("token") + "/confirm",
                fields("contact", fields("first_name", "Ana", "last_name", "Ruiz", "email", "ana@" + domain)));
        TestApi.expect(confirmed, 200);

        MimeMessage confirmation = awaitMail(1).get(0);
        String text = part(confirmation, "text/plain");
        String html = part(confirmation, "text/html");
        assertThat(html)
                .contains("<img src=\"https://cdn.example.com/logo.png\"")
                .contains("border-top:6px solid #aa3300");
        Matcher manage = MANAGE.matcher(text);
        assertThat(manage.find()).as("a manage link in: %s", text).isTrue();
        String messageToken = manage.group(2);
        assertThat(messageToken).isNotEqualTo(held.get("token"));
        assertThat(html).contains("href=\"" + manage.group(0) + "\"");

        // The link opens the guest's booking, and the token is nowhere in what the API or the log can read.
        Response managed = api.get(null, base + "/bookings/" + messageToken);
        TestApi.expect(managed, 200);
        assertThat(managed.get("confirmation_code")).isEqualTo(confirmed.get("confirmation_code"));
        Response log = api.get(key, "/notifications?reservation_id=" + managedId(confirmed));
        assertThat(log.text()).doesNotContain(messageToken);
        assertThat(jdbc.sql("select count(*) from notifications where data::text like :t or last_error like :t")
                        .param("t", "%" + messageToken + "%")
                        .query(Long.class)
                        .single())
                .isZero();

        // The unsubscribe link: a header for mail apps, a page that changes nothing, and a POST that unsubscribes.
        assertThat(confirmation.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        Matcher unsubscribe = UNSUBSCRIBE.matcher(confirmation.getHeader("List-Unsubscribe")[0]);
        assertThat(unsubscribe.matches()).isTrue();
        Response page = api.get(null, unsubscribe.group(1));
        TestApi.expect(page, 200);
        assertThat(page.text()).contains("<form method=\"post\">").contains("Unsubscribe");
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'");
        Response done = api.send(
                null,
                "POST",
                unsubscribe.group(1),
                "List-Unsubscribe=One-Click",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        TestApi.expect(done, 200);
        assertThat(done.text()).contains("no more reminders");

        // The reminder is skipped; a change of the booking still reaches the guest, with a manage link of its own.
        clock.set(start.minus(Duration.ofHours(23)));
        String reservation = managedId(confirmed);
        await().atMost(Duration.ofSeconds(20)).until(() -> "skipped".equals(statusOf(reservation, "reminder")));
        assertThat(api.get(key, "/notifications?reservation_id=" + reservation + "&kind=reminder")
                        .body()
                        .get("data")
                        .get(0)
                        .get("error")
                        .asString())
                .isEqualTo("the guest unsubscribed from reminders");
        TestApi.expect(
                api.patch(key, "/reservations/" + reservation, fields("start_datetime", at(20).toString())), 200);
        MimeMessage change = awaitMail(2).stream()
                .filter(m -> subject(m).contains("changed"))
                .findFirst()
                .orElseThrow();
        Matcher changeLink = MANAGE.matcher(part(change, "text/plain"));
        assertThat(changeLink.find()).isTrue();
        assertThat(changeLink.group(2)).isNotEqualTo(messageToken);

        // Staff can read the unsubscribe and undo it when the guest asks for their reminders back.
        String contact = api.get(key, "/reservations/" + reservation).get("contact_id");
        Response unsubscribed = api.get(key, "/notification-unsubscribes/" + contact);
        TestApi.expect(unsubscribed, 200);
        assertThat(unsubscribed.get("contact_id")).isEqualTo(contact);
        assertThat(unsubscribed.get("created_at")).isNotBlank();
        assertThat(api.get(api.newTenant().adminKey(), "/notification-unsubscribes/" + contact)
                        .status())
                .as("another organization's guest")
                .isEqualTo(404);
        Response undone = api.delete(key, "/notification-unsubscribes/" + contact);
        TestApi.expect(undone, 200);
        assertThat(undone.get("contact_id")).isEqualTo(contact);
        assertThat(api.get(key, "/notification-unsubscribes/" + contact).status())
                .isEqualTo(404);
        Response again = api.delete(key, "/notification-unsubscribes/" + contact);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("not_found");

        // A message's link expires 30 days after the booking's end; the page's own token does not.
        clock.set(at(21).plus(Duration.ofDays(30)).plusSeconds(1));
        TestApi.expect(api.get(null, base + "/bookings/" + messageToken), 404);
        TestApi.expect(api.get(null, base + "/bookings/" + held.get("token")), 200);
    }

    @Test
    void remindersSentTogetherEachCarryTheirOwnGuestsLinkInThePagesLanguage() throws Exception {
        // More reminders at once than senders (4), so a sender's chunk holds several: the pages behind a chunk are
        // read together and its manage links issued together, and each must still be the right guest's.
        TestApi.expect(
                api.post(
                        key,
                        "/reservation-booking-links",
                        fields(
                                "name",
                                "Cena",
                                "slug",
                                "dinner",
                                "page_config",
                                fields("locale", "es", "primary_color", "#AA3300"))),
                201);
        String base = "/public/booking-links/" + tenant.id() + "/dinner";
        Map<String, String> codes = new java.util.HashMap<>();
        for (int i = 0; i < 5; i++) {
            Response held = api.post(
                    null,
                    base + "/holds",
                    fields(
                            "service_id",
                            service,
                            "party_size",
                            2,
                            "start_datetime",
                            at(11 + 2 * i).toString()));
            TestApi.expect(held, 201);
            Response confirmed = api.post(
                    null,
                    base + "/bookings/" + held.get("token") + "/confirm",
                    fields(
                            "contact",
                            fields(
                                    "first_name",
                                    "Guest" + i,
                                    "last_name",
                                    "Ruiz",
                                    "email",
                                    "page" + i + "@" + domain)));
            TestApi.expect(confirmed, 200);
            codes.put("page" + i + "@" + domain, confirmed.get("confirmation_code"));
        }
        TestApi.expect(bookFor(21, "Bo", "bo@" + domain), 201);
        awaitMail(6);

        clock.set(at(11).minus(Duration.ofHours(1)));
        List<MimeMessage> reminders = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> mine().stream()
                                .filter(m -> subject(m).startsWith("Re"))
                                .toList(),
                        found -> found.size() == 6);
        java.util.Set<String> tokens = new java.util.HashSet<>();
        for (MimeMessage reminder : reminders) {
            String to = reminder.getAllRecipients()[0].toString();
            String text = part(reminder, "text/plain");
            assertThat(part(reminder, "text/html")).as(to).contains("border-top:6px solid #aa3300");
            Matcher manage = MANAGE.matcher(text);
            if (to.startsWith("bo@")) {
                // Booked through the API: no page to manage it on, the venue's language, its first page's colour.
                assertThat(subject(reminder)).startsWith("Reminder:");
                assertThat(manage.find()).as(text).isFalse();
                continue;
            }
            assertThat(subject(reminder)).as(to).startsWith("Recordatorio:");
            assertThat(manage.find()).as("a manage link in: %s", text).isTrue();
            assertThat(tokens.add(manage.group(2))).as("a token of its own").isTrue();
            Response managed = api.get(null, base + "/bookings/" + manage.group(2));
            TestApi.expect(managed, 200);
            assertThat(managed.get("confirmation_code")).as(to).isEqualTo(codes.get(to));
        }
        assertThat(tokens).hasSize(5);
    }

    @Test
    void aBookingMadeThroughTheApiHasNoManageLinkAndUnknownUnsubscribeLinksAreNotFound() throws Exception {
        Response booked = bookFor(19, "Bo", "bo@" + domain);
        TestApi.expect(booked, 201);
        MimeMessage confirmation = awaitMail(1).get(0);
        assertThat(part(confirmation, "text/plain")).doesNotContain("/manage/");
        assertThat(part(confirmation, "text/html"))
                .doesNotContain("<img")
                .contains("border-top:6px solid " + MessageExtras.DEFAULT_COLOR);
        assertThat(confirmation.getHeader("List-Unsubscribe")).hasSize(1);

        String unknown = "/public/notifications/" + tenant.id() + "/unsubscribe/" + "A".repeat(43);
        Response missing = api.post(null, unknown, null);
        TestApi.expect(missing, 404);
        assertThat(missing.code()).isEqualTo("not_found");
        TestApi.expect(api.get(null, "/public/notifications/" + tenant.id() + "/unsubscribe/short"), 404);
    }

    @Test
    void aPreviewShowsWhereTheLinksGoWithoutMakingAWorkingToken() {
        Response booked = bookFor(19, "Cy", "cy@" + domain);
        TestApi.expect(booked, 201);
        Response preview = api.post(
                key,
                "/notification-templates/preview",
                fields(
                        "reservation_id",
                        booked.get("id"),
                        "kind",
                        "reminder",
                        "locale",
                        "en",
                        "text",
                        "Manage: {{manage_link}} / stop: {{unsubscribe_link}}"));
        TestApi.expect(preview, 200);
        assertThat(preview.get("text")).contains("/b/…/manage/…").contains("/unsubscribe/…");
        assertThat(jdbc.sql("select count(*) from notification_unsubscribe_tokens where organization_id = :org")
                        .param("org", tenant.id())
                        .query(Long.class)
                        .single())
                .as("only the confirmation being sent may have made a token")
                .isLessThanOrEqualTo(1L);
    }

    @Test
    void aGuestWhoseHoldLapsedIsToldAndAHoldWithoutAnEmailSendsNothing() throws Exception {
        Response held = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        at(19).toString(),
                        "status",
                        "held",
                        "hold_minutes",
                        5,
                        "contact",
                        fields("first_name", "Dora", "email", "dora@" + domain)));
        TestApi.expect(held, 201);
        Response anonymous = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        at(12).toString(),
                        "status",
                        "held",
                        "hold_minutes",
                        5));
        TestApi.expect(anonymous, 201);
        clock.advance(Duration.ofMinutes(6));

        MimeMessage note = awaitMail(1).get(0);
        assertThat(note.getSubject())
                .isEqualTo("The time held for you at "
                        + tenant.organization().get("name").asString() + " has been released");
        assertThat(part(note, "text/plain")).contains("book again").doesNotContain("Confirmation code");
        assertThat(note.getHeader("List-Unsubscribe")).hasSize(1);
        assertThat(((MimeMultipart) note.getContent()).getCount())
                .as("no calendar invite")
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "expired"
                        .equals(api.get(key, "/reservations/" + anonymous.get("id"))
                                .get("status")));
        assertThat(api.get(key, "/notifications?reservation_id=" + anonymous.get("id"))
                        .body()
                        .get("data"))
                .as("a hold nobody gave an email for leaves no message")
                .isEmpty();
    }

    @Test
    void aWaitlistGuestIsToldTheirTableIsReadyAndIsOfferedAFreedStart() throws Exception {
        Response now = api.post(
                key,
                "/waitlist-entries",
                fields(
                        "kind",
                        "now",
                        "party_size",
                        2,
                        "source",
                        "phone",
                        "contact",
                        fields("first_name", "Eli", "email", "eli@" + domain, "phone", "+4930" + digits())));
        TestApi.expect(now, 201);
        TestApi.expect(api.patch(key, "/waitlist-entries/" + now.get("id"), fields("status", "offered")), 200);
        MimeMessage ready = awaitMail(1).get(0);
        assertThat(ready.getSubject()).startsWith("Your table at").endsWith("is ready");
        assertThat(part(ready, "text/plain")).contains("Hello Eli,").contains("host stand");
        Response log = api.get(key, "/notifications?waitlist_entry_id=" + now.get("id"));
        TestApi.expect(log, 200);
        assertThat(log.body().get("data").get(0).get("kind").asString()).isEqualTo("waitlist_ready");
        assertThat(log.body().get("data").get(0).get("reservation_id").isNull()).isTrue();

        // A later entry: the one start of a small room is booked; when it is cancelled, the entry is offered it.
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        String tasting = catalog.service(fields("name", "Tasting", "duration_minutes", 60));
        String room = catalog.resource("Room", "room", null);
        catalog.link(tasting, room, "required");
        catalog.everyDay(room, "19:00", "20:00");
        Response booked = api.post(
                key,
                "/reservations",
                fields("service_id", tasting, "party_size", 2, "start_datetime", at(19).toString()));
        TestApi.expect(booked, 201);
        Response later = api.post(
                key,
                "/waitlist-entries",
                fields(
                        "kind",
                        "later",
                        "service_id",
                        tasting,
                        "party_size",
                        2,
                        "date",
                        day.toString(),
                        "window_start",
                        "18:30",
                        "window_end",
                        "19:30",
                        "source",
                        "phone",
                        "contact",
                        fields("first_name", "Fay", "email", "fay@" + domain, "phone", "+4930" + digits())));
        TestApi.expect(later, 201);
        TestApi.expect(api.patch(key, "/reservations/" + booked.get("id"), fields("status", "cancelled")), 200);
        MimeMessage offer = awaitMail(2).stream()
                .filter(m -> subject(m).startsWith("A place for you"))
                .findFirst()
                .orElseThrow();
        Response entry = api.get(key, "/waitlist-entries/" + later.get("id"));
        assertThat(entry.get("status")).isEqualTo("offered");
        String until = Instant.parse(entry.get("offer_expires_at"))
                .atZone(BERLIN)
                .format(java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT)
                        .withLocale(java.util.Locale.ENGLISH));
        assertThat(part(offer, "text/plain"))
                .contains("Hello Fay,")
                .contains("holding it for you until " + until)
                .contains("contact ");
    }

    @Test
    void aLapsedHoldAndAWaitlistCallAreTextedWhenTheVenueHasAnSmsProvider() throws Exception {
        try (SmsProviderStandIn twilioStandIn = new SmsProviderStandIn()) {
            twilio.baseUrl(twilioStandIn.base());
            String mobile = PhoneNumberUtil.getInstance()
                    .format(
                            PhoneNumberUtil.getInstance().getExampleNumberForType("DE", PhoneNumberType.MOBILE),
                            PhoneNumberUtil.PhoneNumberFormat.E164);
            TestApi.expect(
                    api.send(
                            key,
                            "PUT",
                            "/notification-settings",
                            TestApi.json(fields(
                                    "sms_provider",
                                    "twilio",
                                    "sms_from",
                                    mobile,
                                    "twilio_account_sid",
                                    "AC" + UUID.randomUUID().toString().replace("-", ""),
                                    "twilio_auth_token",
                                    UUID.randomUUID().toString().replace("-", ""))),
                            Map.of()),
                    200);

            // A hold made with only a phone: the SMS tells the guest; there is no email to write.
            Response held = api.post(
                    key,
                    "/reservations",
                    fields(
                            "service_id",
                            service,
                            "party_size",
                            2,
                            "start_datetime",
                            at(18).toString(),
                            "status",
                            "held",
                            "hold_minutes",
                            5,
                            "contact",
                            fields("first_name", "Gus", "phone", mobile)));
            TestApi.expect(held, 201);
            clock.advance(Duration.ofMinutes(6));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "sent".equals(smsStatus("reservation_id=" + held.get("id"), "hold_expired")));
            assertThat(twilioStandIn.received())
                    .anySatisfy(request -> assertThat(request.form())
                            .containsEntry("To", mobile)
                            .hasEntrySatisfying(
                                    "Body",
                                    body -> assertThat(body)
                                            .contains("was not confirmed in time and has been released")));
            assertThat(api.get(key, "/notifications?channel=email&reservation_id=" + held.get("id"))
                            .body()
                            .get("data"))
                    .as("no email row for a guest without an email")
                    .isEmpty();

            // A party waiting now, known by phone: "your table is ready" by SMS.
            Response waiting = api.post(
                    key,
                    "/waitlist-entries",
                    fields(
                            "kind",
                            "now",
                            "party_size",
                            2,
                            "source",
                            "phone",
                            "contact",
                            fields("first_name", "Hal", "phone", mobile)));
            TestApi.expect(waiting, 201);
            TestApi.expect(api.patch(key, "/waitlist-entries/" + waiting.get("id"), fields("status", "offered")), 200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "sent".equals(smsStatus("waitlist_entry_id=" + waiting.get("id"), "waitlist_ready")));
            assertThat(twilioStandIn.received())
                    .anySatisfy(
                            request -> assertThat(request.form().get("Body")).contains("your table is ready"));
        }
    }

    private String smsStatus(String about, String kind) {
        Response log = api.get(key, "/notifications?channel=sms&kind=" + kind + "&" + about);
        TestApi.expect(log, 200);
        return log.body().get("data").isEmpty()
                ? null
                : log.body().get("data").get(0).get("status").asString();
    }

    @Test
    void anOfferEmailCarriesAPrivateLinkThatAcceptsTheOfferAndStopsWorkingAtTheStartOnOffer() throws Exception {
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        String tasting = catalog.service(fields("name", "Tasting", "duration_minutes", 60));
        String room = catalog.resource("Room", "room", null);
        catalog.link(tasting, room, "required");
        catalog.everyDay(room, "19:00", "20:00");
        TestApi.expect(
                api.post(
                        key,
                        "/reservation-booking-links",
                        fields("name", "Tasting", "slug", "tasting", "page_config", fields("waitlist", "later"))),
                201);
        Response booked = api.post(
                key,
                "/reservations",
                fields("service_id", tasting, "party_size", 2, "start_datetime", at(19).toString()));
        TestApi.expect(booked, 201);
        String base = "/public/booking-links/" + tenant.id() + "/tasting";
        Response joined = api.post(
                null,
                base + "/waitlist",
                fields(
                        "service_id",
                        tasting,
                        "party_size",
                        2,
                        "kind",
                        "later",
                        "date",
                        day.toString(),
                        "window_start",
                        "18:30",
                        "window_end",
                        "19:30",
                        "contact",
                        fields("first_name", "Gil", "email", "gil@" + domain, "phone", "+4930" + digits())));
        TestApi.expect(joined, 201);
        TestApi.expect(api.patch(key, "/reservations/" + booked.get("id"), fields("status", "cancelled")), 200);

        MimeMessage offer = awaitMail(1).get(0);
        assertThat(offer.getSubject()).startsWith("A place for you");
        String text = part(offer, "text/plain");
        assertThat(text).contains("open the link below and accept it").doesNotContain("contact ");
        Matcher link = Pattern.compile("https?://[^/\\s]+(/b/[0-9a-f-]{36}/tasting/waitlist/([A-Za-z0-9_-]{43}))")
                .matcher(text);
        assertThat(link.find()).as("a status link in: %s", text).isTrue();
        String emailToken = link.group(2);
        assertThat(emailToken).isNotEqualTo(joined.get("token"));
        assertThat(part(offer, "text/html"))
                .contains("href=\"" + link.group(0) + "\"")
                .contains("Accept or decline the offer");
        assertThat(jdbc.sql("select count(*) from notifications where data::text like :t")
                        .param("t", "%" + emailToken + "%")
                        .query(Long.class)
                        .single())
                .isZero();

        // The guest opens the link from the mail: the status page, whose API shows the open offer; they accept.
        Response page = api.get(null, link.group(1));
        TestApi.expect(page, 200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        Response status = api.get(null, base + "/waitlist/" + emailToken);
        TestApi.expect(status, 200);
        assertThat(status.get("status")).isEqualTo("offered");
        assertThat(status.body().get("offer_open").asBoolean()).isTrue();
        assertThat(status.body().get("token").isNull())
                .as("a token is shown only once, at the join")
                .isTrue();
        Response accepted = api.post(null, base + "/waitlist/" + emailToken + "/accept", fields());
        TestApi.expect(accepted, 200);
        assertThat(accepted.get("status")).isEqualTo("seated");
        assertThat(accepted.get("manage_path")).endsWith("/tasting/manage/" + emailToken);
        Response booking = api.get(null, base + "/bookings/" + emailToken);
        TestApi.expect(booking, 200);
        assertThat(booking.get("status")).isEqualTo("confirmed");
        assertThat(booking.get("confirmation_code")).isEqualTo(accepted.get("confirmation_code"));
        Response entry = api.get(key, "/waitlist-entries/" + joinedEntryId());
        assertThat(entry.get("status")).isEqualTo("seated");
        assertThat(api.get(key, "/reservations/" + entry.get("reservation_id")).get("status"))
                .isEqualTo("confirmed");

        // The booking's own confirmation names the page the offer came from: it has a manage link of its own.
        MimeMessage confirmation = awaitMail(2).stream()
                .filter(m -> subject(m).contains("is confirmed"))
                .findFirst()
                .orElseThrow();
        assertThat(Pattern.compile("/b/[0-9a-f-]{36}/tasting/manage/[A-Za-z0-9_-]{43}")
                        .matcher(part(confirmation, "text/plain"))
                        .find())
                .isTrue();

        // At the start on offer the email's link stops working, as status page and as manage link; the page's own
        // status token, shown once at the join, does not expire.
        clock.set(at(19).plusSeconds(1));
        TestApi.expect(api.get(null, base + "/waitlist/" + emailToken), 404);
        TestApi.expect(api.get(null, base + "/bookings/" + emailToken), 404);
        TestApi.expect(api.get(null, base + "/waitlist/" + joined.get("token")), 200);
    }

    /** The one entry this test's organization has joined on a booking page. */
    private String joinedEntryId() {
        return jdbc.sql("""
                        select waitlist_entry_id::text from booking_page_waitlist_entries
                         where organization_id = :org
                        """).param("org", tenant.id()).query(String.class).single();
    }

    private String managedId(Response confirmed) {
        return jdbc.sql("select id::text from reservations where confirmation_code = :code and organization_id = :org")
                .param("code", confirmed.get("confirmation_code"))
                .param("org", tenant.id())
                .query(String.class)
                .single();
    }

    private String statusOf(String reservationId, String kind) {
        Response log = api.get(key, "/notifications?reservation_id=" + reservationId + "&kind=" + kind);
        return log.body().get("data").isEmpty()
                ? null
                : log.body().get("data").get(0).get("status").asString();
    }

    /** A booking for two made through the API, at that hour of the day, for a guest with this email. */
    private Response bookFor(int hour, String firstName, String email) {
        return api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        at(hour).toString(),
                        "contact",
                        fields("first_name", firstName, "email", email)));
    }

    private Instant at(int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(BERLIN).toInstant();
    }

    private List<MimeMessage> awaitMail(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mine().size() >= count);
        return mine();
    }

    private List<MimeMessage> mine() {
        return Arrays.asList(smtp.getReceivedMessagesForDomain(domain));
    }

    private static String part(MimeMessage message, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String digits() {
        return String.valueOf(1_000_000 + new java.util.Random().nextInt(8_999_999));
    }
}
