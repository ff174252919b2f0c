package io.reserva;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.ChildApp;
import io.reserva.support.SlowLink;
import io.reserva.support.TestApi;
import io.reserva.support.WebhookReceiver;
import io.reserva.support.WebhookReceiver.Answer;
import io.reserva.support.WebhookReceiver.Arrival;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a user runs it: a JVM of its own on a durable data directory, killed with SIGKILL while it takes
 * writes, delivers webhooks to a slow receiver and sends guest emails over a slow link, all at once; then started
 * again and stopped politely. After the kill nothing it acknowledged is lost: every acknowledged write is there,
 * every acknowledged change reaches the webhook receiver (at least once), every queued email reaches the mail
 * server (at least once, at most twice: a message cut off after the server took it may come again), and the next
 * start needs no human.
 *
 * <p>One data directory lives through the whole story, so it pays for one {@code initdb}, one migration of the
 * schema and two starts of a child JVM; the three stories it replaced (the database's, the webhooks' and the
 * emails') paid for three of each and eight starts. What a polite stop keeps, and the refusal of a second process
 * on a directory in use, are {@link NodeRestartIntegrationTests}': with them here the class took up to 58 s of the
 * 60 a class may take on the loaded 2-core machine.
 */
class NodeCrashIntegrationTests {

    static final int SMTP_PORT = freePort();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String DOMAIN = "crash.example";
    static final int MESSAGES = 30;
    /** Contacts the writer must have had acknowledged before the kill. */
    static final int WRITES = 20;
    /**
     * The slow link's speed each way, shared by the node's two sending connections: a guest email with its calendar
     * invite (kilobytes) takes a noticeable part of a second through it, well under the 5-s lease of a claim.
     */
    static final int LINK_BYTES_PER_SECOND = 16_000;

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @TempDir
    Path dataDir;

    private Process app;

    @AfterEach
    void stopApp() throws Exception {
        ChildApp.cleanUp(app, dataDir);
    }

    @Test
    void
            afterKillMinusNineMidWriteMidDeliveryAndMidSendingNothingAcknowledgedIsLostAndThePoliteStopThatFollowsStopsPostgres()
                    throws Exception {
        try (SlowLink slowSmtp = new SlowLink(SMTP_PORT, LINK_BYTES_PER_SECOND);
                WebhookReceiver receiver = new WebhookReceiver()) {
            // A slow receiver and a slow mail link: deliveries and messages pile up queued and in flight.
            receiver.otherwise(new Answer(200, Map.of(), 400));
            TestApi api = start(1, slowSmtp.port());
            TestApi.Tenant tenant = api.newTenant();
            String key = tenant.adminKey();
            var endpoint = api.post(
                    key,
                    "/webhook-endpoints",
                    fields("url", receiver.url("/crash"), "event_types", List.of("contact.created")));
            TestApi.expect(endpoint, 201);
            String secret = endpoint.get("secret");
            queueGuestEmails(api, key);

            // Writes still coming in when the node dies; only the ones answered 201 count as acknowledged.
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    try {
                        var created = api.post(
                                key,
                                "/contacts",
                                fields("first_name", "Writer " + i, "email", "w" + i + "@example.com"));
                        if (created.status() == 201) {
                            acknowledged.add(created.get("id"));
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
            writer.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> acknowledged.size() >= WRITES
                            && !received().isEmpty()
                            && !receiver.arrivals().isEmpty());
            app.destroyForcibly(); // SIGKILL: no shutdown hook; writes, attempts and sends cut off mid-flight
            app.waitFor(30, TimeUnit.SECONDS);
            writing.set(false);
            writer.join(30_000);
            assertThat(ChildApp.postmaster(dataDir))
                    .as("the killed JVM leaves its PostgreSQL running")
                    .isPresent();
            assertThat(received())
                    .as("the crash came while messages were still to be sent")
                    .hasSizeLessThan(MESSAGES);
            Set<String> deliveredBeforeRestart = delivered(receiver);
            assertThat(acknowledged)
                    .as("the crash came while webhook deliveries were pending")
                    .anyMatch(id -> !deliveredBeforeRestart.contains(id));

            receiver.otherwise(Answer.of(200));
            TestApi restarted = start(2, SMTP_PORT);
            for (String id : acknowledged) {
                assertThat(restarted.get(key, "/contacts/" + id).status())
                        .as("contact %s was acknowledged before the crash", id)
                        .isEqualTo(200);
            }

            // Wait for ids and addresses, never for a count: both are at least once, so repeats of what the kill cut
            // off can make up a count before the last acknowledged change or message arrives.
            Set<String> everyone = IntStream.range(0, MESSAGES)
                    .mapToObj(i -> "g" + i + "@" + DOMAIN)
                    .collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> {
                        assertThat(delivered(receiver)).containsAll(acknowledged);
                        assertThat(recipients()).containsAll(everyone);
                    });
            for (Arrival arrival : receiver.arrivals()) {
                arrival.verify(secret);
                assertThat(arrival.type()).isEqualTo("contact.created");
            }
            assertThat(recipients()).isEqualTo(everyone);
            Map<String, Integer> copies = new HashMap<>();
            for (MimeMessage message : received()) {
                copies.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
            }
            assertThat(copies.values())
                    .as("at most the messages cut off by the crash arrive twice")
                    .allMatch(n -> n <= 2);

            var survivor =
                    restarted.post(key, "/contacts", fields("first_name", "Survivor", "email", "survivor@example.com"));
            TestApi.expect(survivor, 201);
            app.destroy(); // SIGTERM, as Ctrl-C or a service manager sends
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(ChildApp.postmaster(dataDir))
                    .as("PostgreSQL stopped with the app it was recovered by")
                    .isEmpty();
        }
    }

    /** Thirty reservations, each queuing a guest email (with its calendar invite) to an address of its own. */
    private static void queueGuestEmails(TestApi api, String key) {
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        String service = catalog.service(fields("name", "Dinner", "duration_minutes", 60));
        String table = catalog.resource(fields("name", "Hall", "resource_type", "room", "units", 100));
        catalog.link(service, table, "required");
        catalog.everyDay(table, "08:00", "22:00");
        LocalDate day = LocalDate.now(BERLIN).plusDays(3);
        for (int i = 0; i < MESSAGES; i++) {
            TestApi.expect(
                    api.post(
                            key,
                            "/reservations",
                            fields(
                                    "service_id",
                                    service,
                                    "party_size",
                                    2,
                                    "start_datetime",
                                    day.atTime(LocalTime.of(10 + i % 10, 0))
                                            .atZone(BERLIN)
                                            .toInstant()
                                            .toString(),
                                    "contact",
                                    fields("first_name", "Guest " + i, "email", "g" + i + "@" + DOMAIN))),
                    201);
        }
    }

    private TestApi start(int run, int smtpPort) {
        ChildApp started = ChildApp.start(
                dataDir,
                "app-" + run,
                Map.of(
                        "SPRING_MAIL_HOST", "127.0.0.1",
                        "SPRING_MAIL_PORT", Integer.toString(smtpPort),
                        "RESERVA_NOTIFICATIONS_POLL_INTERVAL", "PT0.2S",
                        "RESERVA_NOTIFICATIONS_CONCURRENCY", "2",
                        "RESERVA_NOTIFICATIONS_LEASE", "PT5S",
                        "RESERVA_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true",
                        "RESERVA_WEBHOOKS_TIMEOUT", "PT2S", // a lease of 9 s
                        "RESERVA_WEBHOOKS_POLL_INTERVAL", "PT0.2S",
                        "RESERVA_WEBHOOKS_CONCURRENCY_PER_ENDPOINT", "4"));
        app = started.process();
        return new TestApi(started.port());
    }

    /** The contacts whose {@code contact.created} reached the receiver, each once however often it arrived. */
    private static Set<String> delivered(WebhookReceiver receiver) {
        Set<String> ids = new HashSet<>();
        for (Arrival arrival : receiver.arrivals()) {
            ids.add(arrival.json().get("data").get("id").asString());
        }
        return ids;
    }

    private static List<MimeMessage> received() {
        return Arrays.asList(smtp.getReceivedMessagesForDomain(DOMAIN));
    }

    private static Set<String> recipients() {
        return received().stream()
                .map(message -> {
                    try {
                        return message.getAllRecipients()[0].toString();
                    } catch (MessagingException e) {
                        throw new AssertionError(e);
                    }
                })
                .collect(Collectors.toSet());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
