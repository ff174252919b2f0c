package io.reserva.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Guest notification settings ({@code RESERVA_NOTIFICATIONS_*}); the mail server itself is Spring's
 * {@code spring.mail.*} ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, ...).
 *
 * @param from the sender address of guest emails
 * @param reminderHoursBefore hours before the start a reminder is sent, unless the organization or service says
 *     otherwise
 * @param pollInterval how often a node looks for due messages when nothing woke it
 * @param retryFirstDelay the delay after the first transient failure; it doubles with each further one
 * @param retryMaxDelay the longest delay between two attempts
 * @param retryFor how long after it fell due a message is retried before it is given up
 * @param resendNotSentWithin messages stored {@code not_sent} this recently are sent when a node starts with a
 *     mail server configured
 * @param concurrency messages sent at once by one node
 * @param workers whether this node sends at all (messages are queued either way)
 * @param publicUrl where guests reach this server ({@code https://book.example.com}): the links in messages (manage,
 *     unsubscribe, a logo given as a path) start with it
 * @param manageLinkValidFor how long after the booking's end the manage link of a message keeps working
 * @param lease how long a claimed message is this node's: one nobody reported on is due again after it (a node
 *     that died while sending); longer than a send can take (connect, read and write time out after 10 s each)
 */
@ConfigurationProperties("reserva.notifications")
record NotificationProperties(
        String from,
        Integer reminderHoursBefore,
        Duration pollInterval,
        Duration retryFirstDelay,
        Duration retryMaxDelay,
        Duration retryFor,
        Duration resendNotSentWithin,
        Integer concurrency,
        Boolean workers,
        String publicUrl,
        Duration manageLinkValidFor,
        Duration lease) {

    NotificationProperties {
        from = from == null || from.isBlank() ? "no-reply@localhost" : from.strip();
        reminderHoursBefore = reminderHoursBefore == null ? 24 : reminderHoursBefore;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        retryFirstDelay = retryFirstDelay == null ? Duration.ofSeconds(30) : retryFirstDelay;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofHours(1) : retryMaxDelay;
        retryFor = retryFor == null ? Duration.ofDays(1) : retryFor;
        resendNotSentWithin = resendNotSentWithin == null ? Duration.ofDays(1) : resendNotSentWithin;
        concurrency = concurrency == null ? 4 : Math.max(1, concurrency);
        workers = workers == null || workers;
        publicUrl = publicUrl == null || publicUrl.isBlank()
                ? "http://localhost:8080"
                : publicUrl.strip().replaceAll("/+$", "");
        manageLinkValidFor = manageLinkValidFor == null ? Duration.ofDays(30) : manageLinkValidFor;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
    }
}
