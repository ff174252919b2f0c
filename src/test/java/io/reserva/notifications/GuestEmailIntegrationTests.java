package io.reserva.notifications;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.MutableClock;
import io.reserva.support.SecondNode;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import io.reserva.support.TestClock;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guest emails through a real SMTP server (GreenMail): what arrives, with which calendar invite, when, and only
 * once. Each test books for guests of a domain of its own, so it reads only its own mail.
 */
@IntegrationTest
@Import(TestClock.class)
class GuestEmailIntegrationTests extends GuestMailContext {

    @RegisterExtension
    static final GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

    static final LocalDate DAY = LocalDate.of(2027, 5, 3);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NotificationDispatcher dispatcher;

    TestApi api;
    Tenant tenant;
    String key;
    String service;
    String domain;

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
        domain = "guests-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    @Test
    void confirmationChangeAndCancellationCarryOneEventWithARisingSequence() throws Exception {
        Response booked = book("ana", "<b>Ana</b>", at(19, 0));
        String id = booked.get("id");
        List<MimeMessage> first = awaitMail(1);

        TestApi.expect(api.patch(key, "/reservations/" + id, fields("start_datetime", at(20, 0))), 200);
        awaitMail(2);
        TestApi.expect(api.patch(key, "/reservations/" + id, fields("status", "cancelled")), 200);
        List<MimeMessage> mail = awaitMail(3);
        assertThat(first).hasSize(1);

        List<Invite> invites = new ArrayList<>();
        for (MimeMessage message : mail) {
            invites.add(inviteOf(message));
        }
        invites.sort((a, b) -> Integer.compare(a.sequence(), b.sequence()));
        assertThat(invites).extracting(Invite::method).containsExactly("REQUEST", "REQUEST", "CANCEL");
        assertThat(invites).extracting(Invite::sequence).containsExactly(0, 1, 2);
        assertThat(invites).extracting(Invite::uid).containsOnly(invites.get(0).uid());
        assertThat(invites).extracting(Invite::status).containsExactly("CONFIRMED", "CONFIRMED", "CANCELLED");
        assertThat(invites.get(0).start()).isEqualTo(Instant.parse(at(19, 0)));
        assertThat(invites.get(1).start()).isEqualTo(Instant.parse(at(20, 0)));
        for (Invite invite : invites) {
            assertThat(invite.contentType()).containsIgnoringCase("method=" + invite.method());
        }

        MimeMessage confirmation = byInviteSequence(mail, 0);
        assertThat(confirmation.getSubject())
                .contains(tenant.organization().get("name").asString());
        String html = part(confirmation, "text/html");
        assertThat(html).contains("&lt;b&gt;Ana&lt;/b&gt;").doesNotContain("<b>Ana</b>");
        assertThat(part(confirmation, "text/plain")).contains("<b>Ana</b>");

        Response log = api.get(key, "/notifications?reservation_id=" + id + "");
        assertThat(log.status()).as(log.text()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        log.body().get("data").forEach(row -> {
            if (!row.get("kind").asString().equals("reminder")) {
                kinds.add(row.get("kind").asString() + ":" + row.get("status").asString());
                assertThat(row.get("provider_id").asString()).isNotBlank();
                assertThat(row.get("recipient").asString()).isEqualTo("ana@" + domain);
            }
        });
        assertThat(kinds).containsExactlyInAnyOrder("confirmation:sent", "change:sent", "cancellation:sent");
    }

    @Test
    void aReminderArrivesWhenItFallsDueAndNotAfterTheBookingIsCancelled() throws Exception {
        Instant kept = Instant.parse(at(12, 0));
        clock.set(kept.minus(Duration.ofHours(30)));
        book("kept", "Kept", at(12, 0));
        String cancelled = book("gone", "Gone", at(13, 0)).get("id");
        awaitMail(2); // the two confirmations

        TestApi.expect(api.patch(key, "/reservations/" + cancelled, fields("status", "cancelled")), 200);
        awaitMail(3);
        clock.set(kept.minus(Duration.ofHours(24)).minusSeconds(5));
        assertNoMoreMailThan(3, "before the reminder is due");

        clock.set(Instant.parse(at(13, 0)).minus(Duration.ofHours(24)).plusSeconds(1));
        List<MimeMessage> mail = awaitMail(4);
        assertNoMoreMailThan(4, "no reminder for the cancelled booking");
        MimeMessage reminder = mail.stream()
                .filter(m -> subject(m).startsWith("Reminder"))
                .findFirst()
                .orElseThrow();
        assertThat(reminder.getAllRecipients()[0].toString()).isEqualTo("kept@" + domain);
        assertThat(reminder.getContentType()).doesNotContain("calendar");
    }

    @Test
    void aMailServerThatIsDownIsTriedAgainAndNoBookingWaitsForIt() throws Exception {
        smtp.stop();
        String id;
        try {
            long started = System.nanoTime();
            id = book("later", "Later", at(15, 0)).get("id");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            // Retries fall due on the application's clock, which this test moves on by hand.
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                clock.advance(Duration.ofSeconds(1));
                return confirmationOf(id).body().get("attempts").asInt() >= 2;
            });
            Response row = confirmationOf(id);
            assertThat(row.get("status")).isEqualTo("pending");
            assertThat(row.body().get("error").asString()).contains("refused");
        } finally {
            smtp.start();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            clock.advance(Duration.ofSeconds(1));
            return "sent".equals(confirmationOf(id).get("status"));
        });
        assertThat(awaitMail(1)).hasSize(1);
    }

    @Test
    void aGuestWhoOptedOutGetsNoEmail() throws Exception {
        Response booked = book("quiet", "Quiet", at(16, 0));
        awaitMail(1);
        String contact = booked.body().get("contact_id").asString();
        TestApi.expect(api.post(key, "/notification-opt-outs", fields("contact_id", contact)), 201);
        String id = booked.get("id");
        TestApi.expect(api.patch(key, "/reservations/" + id, fields("party_size", 3)), 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Response log = api.get(key, "/notifications?reservation_id=" + id + "&kind=change");
            return log.body().get("data").size() == 1
                    && "skipped"
                            .equals(log.body().get("data").get(0).get("status").asString());
        });
        assertNoMoreMailThan(1, "the change is not sent to a guest who opted out");
    }

    @Test
    void messagesStoredNotSentAreSentOnceAMailServerIsThereWithinTheWindow() throws Exception {
        String recent = book("recent", "Recent", at(17, 0)).get("id");
        String old = book("old", "Old", at(18, 0)).get("id");
        awaitMail(2);
        // As a node without a mail server would have left them: one from just now, one from two days ago.
        jdbc.sql("update notifications set status = 'not_sent', last_error = 'no mail server configured'"
                        + " where reservation_id = :id and kind = 'confirmation'")
                .param("id", UUID.fromString(recent))
                .update();
        jdbc.sql(
                        "update notifications set status = 'not_sent', last_error = 'no mail server configured',"
                                + " created_at = created_at - interval '2 days' where reservation_id = :id and kind = 'confirmation'")
                .param("id", UUID.fromString(old))
                .update();

        assertThat(dispatcher.resendNotSent()).isEqualTo(1);
        List<MimeMessage> mail = awaitMail(3);
        assertNoMoreMailThan(3, "the old one stays not sent");
        assertThat(mail.stream().map(GuestEmailIntegrationTests::recipient))
                .containsExactlyInAnyOrder("recent@" + domain, "old@" + domain, "recent@" + domain);
        assertThat(confirmationOf(old).get("status")).isEqualTo("not_sent");
    }

    @Test
    void twoNodesSendEachMessageOnce() throws Exception {
        clock.set(Instant.now()); // both nodes on the same time, so either may claim any message
        ConfigurableApplicationContext second = SecondNode.start(
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + SMTP_PORT,
                "--reserva.notifications.poll-interval=PT0.1S");
        try {
            TestApi other = new TestApi(SecondNode.port(second));
            int bookings = 40;
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < bookings; i++) {
                TestApi node = i % 2 == 0 ? api : other;
                String start = DAY.plusDays(1 + i / 12)
                        .atTime(LocalTime.of(10 + i % 12, 0))
                        .atZone(BERLIN)
                        .toInstant()
                        .toString();
                int n = i;
                calls.add(clients.submit(() -> node.post(key, "/reservations", booking("g" + n, "Guest " + n, start))
                        .status()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(201);
            }
            clients.shutdown();
            List<MimeMessage> mail = awaitMail(bookings);
            assertNoMoreMailThan(bookings, "a message sent twice");
            assertThat(mail.stream().map(m -> recipient(m)).collect(Collectors.toSet()))
                    .hasSize(bookings);
        } finally {
            second.close();
        }
    }

    private Response confirmationOf(String reservationId) {
        Response log = api.get(key, "/notifications?reservation_id=" + reservationId + "&kind=confirmation");
        TestApi.expect(log, 200);
        JsonRow row = new JsonRow(log.body().get("data").get(0));
        return row.asResponse();
    }

    /** One row of a list, answered like a single object so tests read it with the same helpers. */
    private record JsonRow(tools.jackson.databind.JsonNode node) {
        Response asResponse() {
            return new Response(200, Map.of(), node.toString(), node);
        }
    }

    private Response book(String local, String firstName, String start) {
        Response booked = api.post(key, "/reservations", booking(local, firstName, start));
        TestApi.expect(booked, 201);
        return booked;
    }

    private Map<String, Object> booking(String local, String firstName, String start) {
        return fields(
                "service_id",
                service,
                "party_size",
                2,
                "start_datetime",
                start,
                "contact",
                fields("first_name", firstName, "email", local + "@" + domain));
    }

    private static String at(int hour, int minute) {
        return DAY.atTime(LocalTime.of(hour, minute)).atZone(BERLIN).toInstant().toString();
    }

    private List<MimeMessage> mine() {
        return Arrays.asList(smtp.getReceivedMessagesForDomain(domain));
    }

    private List<MimeMessage> awaitMail(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mine().size() >= count);
        return mine();
    }

    private void assertNoMoreMailThan(int count, String why) {
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> mine().size() == count);
        assertThat(mine()).as(why).hasSize(count);
    }

    record Invite(String method, String uid, int sequence, String status, Instant start, String contentType) {}

    private static Invite inviteOf(MimeMessage message) throws Exception {
        BodyPart part = bodyPart(message, "text/calendar");
        String ics;
        try (var in = part.getInputStream()) {
            ics = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        return new Invite(
                calendar.getProperty(Property.METHOD).orElseThrow().getValue(),
                event.getProperty(Property.UID).orElseThrow().getValue(),
                Integer.parseInt(
                        event.getProperty(Property.SEQUENCE).orElseThrow().getValue()),
                event.getProperty(Property.STATUS).orElseThrow().getValue(),
                Instant.from(event.getDateTimeStart().getDate()),
                part.getContentType());
    }

    private static MimeMessage byInviteSequence(List<MimeMessage> mail, int sequence) throws Exception {
        for (MimeMessage message : mail) {
            if (inviteOf(message).sequence() == sequence) {
                return message;
            }
        }
        throw new AssertionError("no invite with SEQUENCE " + sequence);
    }

    private static String part(MimeMessage message, String type) throws Exception {
        return (String) bodyPart(message, type).getContent();
    }

    private static BodyPart bodyPart(MimeMessage message, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType(type)) {
                return parts.getBodyPart(i);
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

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
