package io.reserva.notifications;

import io.reserva.contacts.Contact;
import io.reserva.contacts.ContactDirectory;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.PhoneNumbers;
import io.reserva.shared.ReservaException;
import io.reserva.shared.SecretCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What SMS providers post back: delivery statuses of the messages they accepted, and guests' replies, of which
 * {@code STOP} (and STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT) opts the guest out of SMS and {@code START} (or
 * UNSTOP) back in. Every request is checked against the organization's own credentials first: Twilio's
 * {@code X-Twilio-Signature}, or the webhook's {@code webhook-signature} with a timestamp at most 5 minutes off.
 * One that does not verify (or names an organization without that provider) is {@code 403} and changes nothing.
 */
@Service
public class SmsCallbacks {

    static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> START_WORDS = Set.of("START", "UNSTOP");
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    private static final Set<String> UNDELIVERED = Set.of("undelivered", "failed");

    private static final Logger log = LoggerFactory.getLogger(SmsCallbacks.class);

    /** What an inbound message did: opted the guest out, back in, or nothing (not a keyword, or no such guest). */
    public enum InboundResult {
        OPTED_OUT,
        OPTED_IN,
        IGNORED
    }

    private final SenderSettingsManagement senders;
    private final NotificationRepository notifications;
    private final ContactDirectory contacts;
    private final SmsProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    SmsCallbacks(
            SenderSettingsManagement senders,
            NotificationRepository notifications,
            ContactDirectory contacts,
            SmsProperties properties,
            JsonMapper json,
            Clock clock) {
        this.senders = senders;
        this.notifications = notifications;
        this.contacts = contacts;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The URL Twilio signed: the configured public address with the request's path and query, else the URL the
     * request arrived at.
     */
    public String signedUrl(String requestUrl, String pathAndQuery) {
        return properties.publicBaseUrl() == null ? requestUrl : properties.publicBaseUrl() + pathAndQuery;
    }

    /** Twilio's status callback ({@code MessageSid}, {@code MessageStatus}, {@code ErrorCode}). */
    @Transactional
    public void twilioStatus(UUID organizationId, String url, Map<String, String> form, String signature) {
        verifyTwilio(organizationId, url, form, signature);
        String sid = form.get("MessageSid");
        String status = form.get("MessageStatus");
        if (sid == null || status == null) {
            throw new ReservaException(ErrorCode.VALIDATION_FAILED, "MessageSid and MessageStatus are required");
        }
        recordDelivery(organizationId, sid, status, form.get("ErrorCode"));
    }

    /** Twilio's inbound message webhook ({@code From}, {@code Body}). */
    @Transactional
    public InboundResult twilioInbound(UUID organizationId, String url, Map<String, String> form, String signature) {
        verifyTwilio(organizationId, url, form, signature);
        return inbound(organizationId, form.get("From"), form.get("Body"));
    }

    /** The webhook gateway's status callback: {@code {"message_id" or "provider_id", "status", "error_code"}}. */
    @Transactional
    public void webhookStatus(UUID organizationId, String id, String timestamp, String signature, String body) {
        JsonNode callback = verifyWebhook(organizationId, id, timestamp, signature, body);
        String providerId = text(callback, "provider_id")
                .or(() -> text(callback, "message_id"))
                .orElse(null);
        String status = text(callback, "status").orElse(null);
        if (providerId == null || status == null) {
            throw new ReservaException(
                    ErrorCode.VALIDATION_FAILED, "provider_id (or message_id) and status are required");
        }
        recordDelivery(
                organizationId, providerId, status, text(callback, "error_code").orElse(null));
    }

    /** The webhook gateway's inbound message: {@code {"from": "+34…", "body": "STOP"}}. */
    @Transactional
    public InboundResult webhookInbound(
            UUID organizationId, String id, String timestamp, String signature, String body) {
        JsonNode message = verifyWebhook(organizationId, id, timestamp, signature, body);
        return inbound(
                organizationId,
                text(message, "from").orElse(null),
                text(message, "body").orElse(null));
    }

    /** The keyword a message is, if it is one: the whole text, any case, trailing punctuation ignored. */
    static Optional<String> keyword(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String word = body.strip().replaceAll("[\\p{Punct}\\s]+$", "").toUpperCase(Locale.ROOT);
        return STOP_WORDS.contains(word) || START_WORDS.contains(word) ? Optional.of(word) : Optional.empty();
    }

    private InboundResult inbound(UUID organizationId, String from, String body) {
        Optional<String> keyword = keyword(body);
        if (keyword.isEmpty() || from == null) {
            return InboundResult.IGNORED;
        }
        Optional<Contact> contact =
                PhoneNumbers.toE164(from.strip(), null).flatMap(phone -> contacts.findByPhone(organizationId, phone));
        if (contact.isEmpty()) {
            return InboundResult.IGNORED;
        }
        if (STOP_WORDS.contains(keyword.get())) {
            notifications.optOut(organizationId, contact.get().id(), "sms", clock.instant());
            return InboundResult.OPTED_OUT;
        }
        notifications.optIn(organizationId, contact.get().id(), "sms");
        return InboundResult.OPTED_IN;
    }

    private void recordDelivery(UUID organizationId, String providerId, String status, String errorCode) {
        String delivery = status.strip().toLowerCase(Locale.ROOT);
        if (delivery.length() > 40) {
            throw new ReservaException(ErrorCode.VALIDATION_FAILED, "status is too long");
        }
        String error = UNDELIVERED.contains(delivery)
                ? "the provider could not deliver it: " + delivery
                        + (errorCode == null || errorCode.isBlank() ? "" : " (error " + errorCode.strip() + ")")
                : null;
        if (!notifications.recordDelivery(organizationId, "sms", providerId, delivery, error, clock.instant())) {
            // A status for a message this server does not know (sent by another system on the same account): fine.
            log.debug("SMS status {} for unknown provider id {}", delivery, providerId);
        }
    }

    private void verifyTwilio(UUID organizationId, String url, Map<String, String> form, String signature) {
        SenderSettingsManagement.SmsAccount account = account(organizationId, SmsProvider.TWILIO);
        if (!SmsSignatures.matches(SmsSignatures.twilio(account.twilioAuthToken(), url, form), signature)) {
            throw refused("X-Twilio-Signature does not match");
        }
    }

    private JsonNode verifyWebhook(UUID organizationId, String id, String timestamp, String signature, String body) {
        SenderSettingsManagement.SmsAccount account = account(organizationId, SmsProvider.WEBHOOK);
        if (id == null || timestamp == null || signature == null) {
            throw refused("webhook-id, webhook-timestamp and webhook-signature are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw refused("webhook-timestamp is not a number of seconds");
        }
        Instant now = clock.instant();
        if (Math.abs(now.getEpochSecond() - seconds) > TIMESTAMP_TOLERANCE.toSeconds()) {
            throw refused("webhook-timestamp is more than 5 minutes from this server's time");
        }
        String expected = SmsSignatures.webhook(account.webhookSecret(), id, seconds, body == null ? "" : body);
        boolean any = false;
        for (String given : signature.strip().split("\\s+")) {
            any |= SmsSignatures.matches(expected, given);
        }
        if (!any) {
            throw refused("webhook-signature does not match");
        }
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new ReservaException(ErrorCode.VALIDATION_FAILED, "The body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new ReservaException(ErrorCode.VALIDATION_FAILED, "The body is not valid JSON");
        }
    }

    private SenderSettingsManagement.SmsAccount account(UUID organizationId, SmsProvider provider) {
        Optional<SenderSettingsManagement.SmsAccount> account;
        try {
            account = senders.smsAccount(organizationId);
        } catch (SecretCipher.UnreadableSecretException e) {
            log.warn("SMS callback for organization {} cannot be verified: {}", organizationId, e.getMessage());
            throw refused("the organization's credentials cannot be read on this server");
        }
        return account.filter(a -> a.provider() == provider)
                .orElseThrow(() -> refused("this organization does not send SMS through " + provider.wire()));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() ? Optional.of(value.asString()) : Optional.empty();
    }

    private static ReservaException refused(String detail) {
        return new ReservaException(ErrorCode.INVALID_SIGNATURE, detail);
    }
}
