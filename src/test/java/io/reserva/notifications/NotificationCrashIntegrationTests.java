package io.reserva.notifications;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.ChildApp;
import io.reserva.support.SlowLink;
import io.reserva.support.TestApi;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sending node killed with SIGKILL in the middle of sending, in a JVM of its own on a durable data directory:
 * after the restart every queued message reaches the mail server. At least once: a message cut off after the server
 * took it may arrive twice; none is lost.
 */
class NotificationCrashIntegrationTests {

    static final int SMTP_PORT = freePort();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String DOMAIN = "crash.example";
    static final int MESSAGES = 30;
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
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void afterKillMinusNineDuringSendingEveryMessageIsSentAtLeastOnce() throws Exception {
        try (SlowLink slow = new SlowLink(SMTP_PORT, LINK_BYTES_PER_SECOND)) {
            // Through a slow link the node is mid-send on some messages, with others claimed or queued, when killed.
            TestApi api = start(1, slow.port());
            TestApi.Tenant tenant = api.newTenant();
            String key = tenant.adminKey();
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
            await().atMost(Duration.ofSeconds(60)).until(() -> received().size() >= 1);
            app.destroyForcibly(); // SIGKILL: no shutdown hook, sends cut off mid-flight
            app.waitFor(30, TimeUnit.SECONDS);
            int beforeRestart = received().size();
            assertThat(beforeRestart)
                    .as("the crash came while messages were still to be sent")
                    .isLessThan(MESSAGES);

            start(2, SMTP_PORT);
            Set<String> everyone = IntStream.range(0, MESSAGES)
                    .mapToObj(i -> "g" + i + "@" + DOMAIN)
                    .collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(90)).until(() -> recipients().containsAll(everyone));
            assertThat(recipients()).isEqualTo(everyone);
            Map<String, Integer> copies = new HashMap<>();
            for (MimeMessage message : received()) {
                copies.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
            }
            assertThat(copies.values())
                    .as("at most the messages cut off by the crash arrive twice")
                    .allMatch(n -> n <= 2);
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
                        "RESERVA_NOTIFICATIONS_LEASE", "PT5S"));
        app = started.process();
        return new TestApi(started.port());
    }

    private static List<MimeMessage> received() {
        return Arrays.asList(smtp.getReceivedMessagesForDomain(DOMAIN));
    }

    private static Set<String> recipients() {
        return received().stream()
                .map(message -> {
                    try {
                        return message.getAllRecipients()[0].toString();
                    } catch (jakarta.mail.MessagingException e) {
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
