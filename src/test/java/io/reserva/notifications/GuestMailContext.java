package io.reserva.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring context of the classes that read guest emails from a GreenMail server: one application start for
 * them all instead of one each. They extend this class, so they share one {@code @DynamicPropertySource} method
 * and with it one context key; each is also {@code @IntegrationTest} with {@code @Import(TestClock.class)}, and
 * runs a GreenMail server of its own on {@link #SMTP_PORT} while it runs. Each test books for guests of a domain
 * of its own and reads only their mail, so a message another class left queued cannot be mistaken for its own.
 */
abstract class GuestMailContext {

    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("reserva.notifications.poll-interval", () -> "PT0.1S");
        registry.add("reserva.notifications.retry-first-delay", () -> "PT0.2S");
        registry.add("reserva.notifications.retry-max-delay", () -> "PT0.5S");
        registry.add("reserva.reservations.hold-sweep-interval", () -> "PT0.2S");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
