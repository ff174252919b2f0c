package io.reserva.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for a chunk of messages (GreenMail behind a relay that counts connections), and a server that
 * cannot be reached failing the rest of a chunk at once; and how the dispatcher cuts a batch into chunks.
 */
class EmailConnectionTests {

    static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"));

    @Test
    void theMailStreamProviderIsNamedSoJakartaMailDoesNotScanTheClasspathPerMessage() {
        channel(PORT);

        assertThat(System.getProperty(EmailChannel.STREAM_PROVIDER)).isEqualTo(EmailChannel.ANGUS_STREAM_PROVIDER);
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
                .isEqualTo(EmailChannel.ANGUS_STREAM_PROVIDER);
    }

    @Test
    void aChunkOfMessagesGoesOverOneConnection() throws Exception {
        try (CountingRelay relay = new CountingRelay(PORT)) {
            EmailChannel channel = channel(relay.port());
            try (EmailChannel.Connection connection = channel.connect()) {
                for (int i = 0; i < 3; i++) {
                    assertThat(connection.send("guest" + i + "@guests.example", null, null, message()))
                            .isInstanceOf(EmailChannel.Sent.class);
                }
            }
            assertThat(smtp.getReceivedMessages()).hasSize(3);
            assertThat(relay.connections()).isEqualTo(1);

            try (EmailChannel.Connection another = channel.connect()) {
                assertThat(another.send("guest@guests.example", null, null, message()))
                        .isInstanceOf(EmailChannel.Sent.class);
            }
            assertThat(relay.connections()).as("each chunk its own connection").isEqualTo(2);
        }
    }

    @Test
    void aServerThatCannotBeReachedFailsTheRestOfTheChunkWithoutTryingAgain() {
        try (EmailChannel.Connection connection = channel(freePort()).connect()) {
            EmailChannel.Result first = connection.send("a@guests.example", null, null, message());
            assertThat(first).isInstanceOf(EmailChannel.Failed.class);
            assertThat(((EmailChannel.Failed) first).isTransient()).isTrue();
            assertThat(((EmailChannel.Failed) first).reason()).startsWith("could not connect to the mail server");
            assertThat(connection.send("b@guests.example", null, null, message()))
                    .as("the same failure, at once")
                    .isSameAs(first);
        }
    }

    @Test
    void aBatchIsCutIntoChunksOfOneChannelEach() {
        List<NotificationRepository.Claim> claims =
                List.of(claim("email"), claim("sms"), claim("email"), claim("email"), claim("email"), claim("sms"));
        List<List<NotificationRepository.Claim>> chunks = NotificationDispatcher.chunks(claims, 2);
        assertThat(chunks).hasSize(4);
        assertThat(chunks.get(0)).hasSize(2).allMatch(c -> c.channel().equals("email"));
        assertThat(chunks.get(1)).hasSize(2).allMatch(c -> c.channel().equals("email"));
        assertThat(chunks.get(2)).hasSize(1).allMatch(c -> c.channel().equals("sms"));
        assertThat(chunks.get(3)).hasSize(1).allMatch(c -> c.channel().equals("sms"));
        assertThat(chunks.stream().mapToInt(List::size).sum()).isEqualTo(claims.size());
        assertThat(NotificationDispatcher.chunks(List.of(), 4)).isEmpty();
    }

    private static NotificationRepository.Claim claim(String channel) {
        return new NotificationRepository.Claim(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                NotificationKind.REMINDER,
                0,
                channel,
                "x",
                "{}",
                Instant.now(),
                1);
    }

    private static Message message() {
        return new Message("Your booking", "Hello", "<p>Hello</p>", null);
    }

    private static EmailChannel channel(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
        NotificationProperties properties = new NotificationProperties(
                "no-reply@installation.example", null, null, null, null, null, null, null, null, null, null, null);
        return new EmailChannel(beans.getBeanProvider(JavaMailSender.class), properties);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP relay to the SMTP server that counts the connections made through it. */
    static final class CountingRelay implements AutoCloseable {

        private final ServerSocket listener;
        private final AtomicInteger connections = new AtomicInteger();

        CountingRelay(int target) throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(
                    () -> {
                        while (!listener.isClosed()) {
                            try {
                                Socket client = listener.accept();
                                connections.incrementAndGet();
                                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                                pump(client, server);
                                pump(server, client);
                            } catch (IOException e) {
                                return; // closed
                            }
                        }
                    },
                    "counting-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        private static void pump(Socket from, Socket to) {
            Thread thread = new Thread(
                    () -> {
                        byte[] buffer = new byte[8192];
                        try (InputStream in = from.getInputStream();
                                OutputStream out = to.getOutputStream()) {
                            int read;
                            while ((read = in.read(buffer)) >= 0) {
                                out.write(buffer, 0, read);
                                out.flush();
                            }
                        } catch (IOException e) {
                            // one side went away
                        }
                    },
                    "counting-relay-pump");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
