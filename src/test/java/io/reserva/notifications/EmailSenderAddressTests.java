package io.reserva.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The organization's From and Reply-To on a real SMTP exchange (GreenMail), without Spring. */
class EmailSenderAddressTests {

    static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"));

    final EmailChannel channel = channel();

    @Test
    void theOrganizationsFromAndReplyToAreUsedWhenSet() throws Exception {
        EmailChannel.Result result =
                channel.send("ana@guests.example", "bookings@venue.example", "hello@venue.example", message());
        assertThat(result).isInstanceOf(EmailChannel.Sent.class);
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(addresses(received.getFrom())).containsExactly("bookings@venue.example");
        assertThat(addresses(received.getReplyTo())).containsExactly("hello@venue.example");
    }

    @Test
    void withoutThemTheInstallationsAddressIsTheSender() throws Exception {
        channel.send("ana@guests.example", null, null, message());
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(addresses(received.getFrom())).containsExactly("no-reply@installation.example");
        assertThat(addresses(received.getReplyTo()))
                .as("no Reply-To header: replies go to From")
                .containsExactly("no-reply@installation.example");
    }

    private static Message message() {
        return new Message("Your booking", "Hello", "<p>Hello</p>", null);
    }

    private static EmailChannel channel() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(PORT);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
        NotificationProperties properties = new NotificationProperties(
                "no-reply@installation.example", null, null, null, null, null, null, null, null, null, null, null);
        return new EmailChannel(beans.getBeanProvider(JavaMailSender.class), properties);
    }

    private static String[] addresses(Address[] addresses) {
        return Arrays.stream(addresses)
                .map(address -> ((InternetAddress) address).getAddress())
                .toArray(String[]::new);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
