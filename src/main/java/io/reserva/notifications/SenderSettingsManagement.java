package io.reserva.notifications;

import io.reserva.shared.FieldError;
import io.reserva.shared.PhoneNumbers;
import io.reserva.shared.ReservaException;
import io.reserva.shared.SecretCipher;
import io.reserva.tenancy.Caller;
import io.reserva.webhooks.AddressGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who guest messages come from: the email From and Reply-To, and the SMS provider with its sender id and
 * credentials. Admin keys only, reading included (the settings say where an organization's messages go). The
 * credentials are sealed with the shared cipher before they are stored and never returned.
 */
@Service
public class SenderSettingsManagement {

    static final int SECRET_MAX = 200;
    static final int WEBHOOK_SECRET_MIN = 16;
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");
    /** An alphanumeric sender id: up to 11 letters, digits and spaces, at least one letter. */
    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");

    /** An organization's SMS account with its credentials opened, for the adapters. */
    record SmsAccount(
            UUID organizationId,
            SmsProvider provider,
            String from,
            String twilioAccountSid,
            String twilioMessagingServiceSid,
            String twilioAuthToken,
            String webhookUrl,
            String webhookSecret) {}

    private final SenderSettingsRepository settings;
    private final SecretCipher cipher;
    private final AddressGuard addresses;
    private final Clock clock;

    SenderSettingsManagement(
            SenderSettingsRepository settings, SecretCipher cipher, AddressGuard addresses, Clock clock) {
        this.settings = settings;
        this.cipher = cipher;
        this.addresses = addresses;
        this.clock = clock;
    }

    public SenderSettings get(Caller caller, UUID organizationId) {
        caller.requireAdmin();
        UUID organization = caller.organizationFor(organizationId);
        return view(settings.find(organization).orElseGet(() -> SenderSettingsRepository.Stored.none(organization)));
    }

    /** Replaces the settings; a credential left out keeps the stored one, an empty one removes it. */
    @Transactional
    public SenderSettings save(Caller caller, NewSenderSettings request) {
        caller.requireAdmin();
        UUID organization = caller.organizationFor(request.organizationId());
        SenderSettingsRepository.Stored current =
                settings.find(organization).orElseGet(() -> SenderSettingsRepository.Stored.none(organization));
        List<FieldError> errors = new ArrayList<>();
        String emailFrom = emailAddress("email_from", request.emailFrom(), errors);
        String replyTo = emailAddress("email_reply_to", request.emailReplyTo(), errors);
        SmsProvider provider = SmsProvider.NONE;
        if (blank(request.smsProvider())) {
            provider = SmsProvider.NONE;
        } else {
            try {
                provider = SmsProvider.fromWire(request.smsProvider().strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("sms_provider", e.getMessage()));
            }
        }
        String from = smsFrom(request.smsFrom(), errors);
        String accountSid = matching("twilio_account_sid", request.twilioAccountSid(), ACCOUNT_SID, errors);
        String serviceSid = matching(
                "twilio_messaging_service_sid", request.twilioMessagingServiceSid(), MESSAGING_SERVICE_SID, errors);
        String webhookUrl = webhookUrl(request.webhookUrl(), errors);
        if (webhookUrl != null) {
            addresses.refusal(webhookUrl).ifPresent(why -> errors.add(new FieldError("webhook_url", why)));
        }
        String authToken = secret("twilio_auth_token", request.twilioAuthToken(), 1, errors);
        String webhookSecret = secret("webhook_secret", request.webhookSecret(), WEBHOOK_SECRET_MIN, errors);
        boolean tokenStored = request.twilioAuthToken() == null
                ? current.twilioAuthToken() != null
                : !request.twilioAuthToken().isEmpty();
        boolean secretStored = request.webhookSecret() == null
                ? current.webhookSecret() != null
                : !request.webhookSecret().isEmpty();
        if (provider == SmsProvider.TWILIO) {
            if (accountSid == null && !errorFor("twilio_account_sid", errors)) {
                errors.add(new FieldError("twilio_account_sid", "is required with the twilio provider"));
            }
            if (!tokenStored && !errorFor("twilio_auth_token", errors)) {
                errors.add(new FieldError("twilio_auth_token", "is required with the twilio provider"));
            }
            if (from == null && serviceSid == null && !errorFor("sms_from", errors)) {
                errors.add(new FieldError(
                        "sms_from",
                        "is required with the twilio provider, unless twilio_messaging_service_sid is set"));
            }
        }
        if (provider == SmsProvider.WEBHOOK) {
            if (webhookUrl == null && !errorFor("webhook_url", errors)) {
                errors.add(new FieldError("webhook_url", "is required with the webhook provider"));
            }
            if (!secretStored && !errorFor("webhook_secret", errors)) {
                errors.add(new FieldError("webhook_secret", "is required with the webhook provider"));
            }
        }
        ReservaException.throwIfAny(errors);
        String sealedToken = request.twilioAuthToken() == null
                ? current.twilioAuthToken()
                : authToken == null
                        ? null
                        : cipher.seal(
                                authToken, SenderSettingsRepository.secretContext(organization, "twilio_auth_token"));
        String sealedSecret = request.webhookSecret() == null
                ? current.webhookSecret()
                : webhookSecret == null
                        ? null
                        : cipher.seal(
                                webhookSecret, SenderSettingsRepository.secretContext(organization, "webhook_secret"));
        settings.save(
                new SenderSettingsRepository.Stored(
                        organization,
                        emailFrom,
                        replyTo,
                        provider,
                        from,
                        accountSid,
                        serviceSid,
                        sealedToken,
                        webhookUrl,
                        sealedSecret,
                        null),
                clock.instant());
        return view(settings.find(organization).orElseThrow());
    }

    /** The From and Reply-To the organization chose, each null when it chose none. */
    record EmailSender(String from, String replyTo) {}

    EmailSender emailSender(UUID organizationId) {
        return settings.find(organizationId)
                .map(stored -> new EmailSender(stored.emailFrom(), stored.emailReplyTo()))
                .orElse(new EmailSender(null, null));
    }

    SmsProvider smsProvider(UUID organizationId) {
        return settings.smsProvider(organizationId);
    }

    /**
     * The organization's SMS account with its credentials opened; empty when it uses no provider. Throws
     * {@link SecretCipher.UnreadableSecretException} when a credential cannot be opened (its key is missing).
     */
    Optional<SmsAccount> smsAccount(UUID organizationId) {
        return settings.find(organizationId)
                .filter(stored -> stored.smsProvider() != SmsProvider.NONE)
                .map(stored -> new SmsAccount(
                        organizationId,
                        stored.smsProvider(),
                        stored.smsFrom(),
                        stored.twilioAccountSid(),
                        stored.twilioMessagingServiceSid(),
                        open(stored.twilioAuthToken(), organizationId, "twilio_auth_token"),
                        stored.webhookUrl(),
                        open(stored.webhookSecret(), organizationId, "webhook_secret")));
    }

    /** The path below this server's public address where the provider posts to, e.g. {@code status}. */
    static String callbackPath(SmsProvider provider, UUID organizationId, String what) {
        return "/sms/" + provider.wire() + "/" + organizationId + "/" + what;
    }

    private String open(String sealed, UUID organizationId, String column) {
        return sealed == null
                ? null
                : cipher.open(sealed, SenderSettingsRepository.secretContext(organizationId, column));
    }

    private static SenderSettings view(SenderSettingsRepository.Stored stored) {
        boolean sms = stored.smsProvider() != SmsProvider.NONE;
        return new SenderSettings(
                stored.organizationId(),
                stored.emailFrom(),
                stored.emailReplyTo(),
                stored.smsProvider(),
                stored.smsFrom(),
                stored.twilioAccountSid(),
                stored.twilioMessagingServiceSid(),
                stored.twilioAuthToken() != null,
                stored.webhookUrl(),
                stored.webhookSecret() != null,
                sms ? callbackPath(stored.smsProvider(), stored.organizationId(), "status") : null,
                sms ? callbackPath(stored.smsProvider(), stored.organizationId(), "inbound") : null,
                stored.updatedAt());
    }

    private static String emailAddress(String field, String value, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        String address = value.strip();
        if (address.length() > 254 || EmailChannel.invalidAddress(address).isPresent() || address.contains(",")) {
            errors.add(new FieldError(field, "must be one email address"));
        }
        return address;
    }

    private static String smsFrom(String value, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        String from = value.strip();
        if (from.startsWith("+")) {
            Optional<String> e164 = PhoneNumbers.toE164(from, null);
            if (e164.isEmpty()) {
                errors.add(new FieldError("sms_from", "is not a valid phone number"));
                return null;
            }
            return e164.get();
        }
        if (!ALPHANUMERIC_SENDER.matcher(from).matches()) {
            errors.add(new FieldError(
                    "sms_from",
                    "must be a phone number in E.164 (+34600000000) or a sender id of 1 to 11 letters, digits and"
                            + " spaces with at least one letter"));
            return null;
        }
        return from;
    }

    private static String matching(String field, String value, Pattern pattern, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        String stripped = value.strip();
        if (!pattern.matcher(stripped).matches()) {
            errors.add(new FieldError(field, "must match " + pattern.pattern()));
            return null;
        }
        return stripped;
    }

    private static String webhookUrl(String value, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        String url = value.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() > 2000
                    || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                errors.add(new FieldError("webhook_url", "must be an http or https URL without user info"));
                return null;
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("webhook_url", "is not a valid URL"));
            return null;
        }
        return url;
    }

    /** The new secret, or null when none is sent or it is removed (empty); checks its length. */
    private static String secret(String field, String value, int min, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.isBlank() || value.length() < min || value.length() > SECRET_MAX) {
            errors.add(new FieldError(field, "must be " + min + " to " + SECRET_MAX + " characters"));
            return null;
        }
        return value;
    }

    private static boolean errorFor(String field, List<FieldError> errors) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
