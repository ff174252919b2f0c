package io.reserva.notifications;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP through Spring's {@link JavaMailSender} (Angus Mail), which exists when {@code spring.mail.host}
 * is set. The message is {@code multipart/alternative}: plain text, HTML, and the invite as
 * {@code text/calendar; method=REQUEST|CANCEL}, the form calendar apps recognize as an invitation.
 */
@Component
class EmailChannel {

    /** What a send came to. */
    sealed interface Result permits Sent, Failed {}

    /** Accepted by the mail server; {@code messageId} is the Message-ID it was sent with. */
    record Sent(String messageId) implements Result {}

    /** Not accepted; {@code transient} when trying again later may succeed (the server was down or busy). */
    record Failed(String reason, boolean isTransient) implements Result {}

    /**
     * Jakarta Mail looks its {@code StreamProvider} up with a {@link java.util.ServiceLoader} scan of every jar on
     * each new multipart, body part and encoded header (jakartaee/mail-api issues 699 and 861): half of a sender's
     * CPU in the reminder benchmark. Naming the implementation in the system property the lookup reads first turns
     * that into a class lookup. Left alone when the operator set it.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;
    private volatile Optional<JavaMailSender> resolved;

    EmailChannel(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    /** Whether a mail server is configured on this node. */
    boolean configured() {
        return sender() != null;
    }

    /**
     * The mail sender, or null when none is configured (a blank host counts as none). Looked up once: the bean
     * lookup on every message showed in the senders' profile, and the sender is fixed for the context's life.
     */
    private JavaMailSender sender() {
        Optional<JavaMailSender> known = resolved;
        if (known == null) {
            JavaMailSender sender = mailSender.getIfAvailable();
            if (sender instanceof JavaMailSenderImpl impl
                    && (impl.getHost() == null || impl.getHost().isBlank())) {
                sender = null;
            }
            known = Optional.ofNullable(sender);
            resolved = known;
        }
        return known.orElse(null);
    }

    /** The reason an address cannot take mail, or empty when it looks deliverable. */
    static Optional<String> invalidAddress(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (!parsed.getAddress().contains("@") || parsed.getAddress().endsWith("@")) {
                return Optional.of("invalid email address: " + address);
            }
            return Optional.empty();
        } catch (AddressException e) {
            return Optional.of("invalid email address: " + address);
        }
    }

    /** Sends one message on a connection of its own; see {@link Connection#send}. */
    Result send(String recipient, String from, String replyTo, Message message) {
        try (Connection connection = connect()) {
            return connection.send(recipient, from, replyTo, message);
        }
    }

    /**
     * A connection to the mail server for several messages in a row: opened by the first send, kept open for the
     * next ones (one TCP connection, greeting and login instead of one per message), closed by {@link #close()}.
     * A send that fails drops it, and the next send opens a new one; once the server could not be reached (or
     * refused the login), every further send on this connection fails alike at once, rather than each waiting for
     * the connect timeout: they are tried again later with the backoff. One thread uses it at a time.
     */
    Connection connect() {
        return new Connection(sender());
    }

    final class Connection implements AutoCloseable {

        private final JavaMailSender sender;
        private Transport transport;
        private Failed unreachable;

        private Connection(JavaMailSender sender) {
            this.sender = sender;
        }

        /** Sends from {@code from} (null: the installation's address), with replies to {@code replyTo} if valid. */
        Result send(String recipient, String from, String replyTo, Message message) {
            if (sender == null) {
                return new Failed(NotificationDispatcher.NO_MAIL_SERVER, false);
            }
            MimeMessage mime;
            try {
                mime = mime(sender.createMimeMessage(), recipient, from, replyTo, message);
            } catch (MessagingException | MailException e) {
                return new Failed(describe(e), false);
            }
            if (!(sender instanceof JavaMailSenderImpl impl)) {
                return sendAlone(mime);
            }
            if (unreachable != null) {
                return unreachable;
            }
            if (transport == null) {
                try {
                    String protocol = impl.getProtocol() != null
                            ? impl.getProtocol()
                            : impl.getSession().getProperty("mail.transport.protocol");
                    Transport opened = impl.getSession().getTransport(protocol == null ? "smtp" : protocol);
                    opened.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
                    transport = opened;
                } catch (AuthenticationFailedException e) {
                    // The installation's credentials are wrong: fixing them should get the message out.
                    unreachable = new Failed("the mail server refused the login: " + describe(e), true);
                    return unreachable;
                } catch (MessagingException e) {
                    unreachable = new Failed("could not connect to the mail server: " + describe(e), true);
                    return unreachable;
                }
            }
            try {
                transport.sendMessage(mime, mime.getAllRecipients());
                return new Sent(mime.getMessageID());
            } catch (SendFailedException e) {
                close();
                return e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                        ? new Failed("the mail server refused the address: " + describe(e), false)
                        : new Failed(describe(e), true);
            } catch (MessagingException e) {
                close();
                return new Failed(describe(e), true);
            }
        }

        /** Through Spring's sender, one connection per message: a {@link JavaMailSender} of another kind. */
        private Result sendAlone(MimeMessage mime) {
            try {
                String messageId = mime.getMessageID();
                sender.send(mime);
                return new Sent(messageId);
            } catch (MessagingException e) {
                return new Failed(describe(e), false);
            } catch (MailAuthenticationException e) {
                return new Failed("the mail server refused the login: " + describe(e), true);
            } catch (MailParseException | MailPreparationException e) {
                return new Failed(describe(e), false);
            } catch (MailSendException e) {
                return refusedRecipient(e)
                        ? new Failed("the mail server refused the address: " + describe(e), false)
                        : new Failed(describe(e), true);
            } catch (MailException e) {
                return new Failed(describe(e), true);
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // the server went away first: nothing is left to close
                }
                transport = null;
            }
        }
    }

    private MimeMessage mime(MimeMessage mime, String recipient, String from, String replyTo, Message message)
            throws MessagingException {
        mime.setFrom(new InternetAddress(from == null ? properties.from() : from, true));
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(recipient, true));
        if (replyTo != null && invalidAddress(replyTo).isEmpty()) {
            mime.setReplyTo(new InternetAddress[] {new InternetAddress(replyTo, true)});
        }
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        if (message.unsubscribeLink() != null) {
            // RFC 2369 and RFC 8058: mail apps show an unsubscribe button that POSTs to the link.
            mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeLink() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(part(message.text(), "text/plain; charset=UTF-8"));
        alternatives.addBodyPart(part(message.html(), "text/html; charset=UTF-8"));
        if (message.invite() != null) {
            alternatives.addBodyPart(part(
                    message.invite().ics(),
                    "text/calendar; charset=UTF-8; method=" + message.invite().method()));
        }
        mime.setContent(alternatives);
        mime.setSentDate(new Date());
        mime.saveChanges();
        return mime;
    }

    /** Whether the server answered but refused the recipient (a permanent 5xx), rather than being unreachable. */
    private static boolean refusedRecipient(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SendFailedException sendFailed
                        && sendFailed.getInvalidAddresses() != null
                        && sendFailed.getInvalidAddresses().length > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static MimeBodyPart part(String content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
