package io.reserva.notifications;

import io.reserva.notifications.NotificationRepository.Claim;
import io.reserva.notifications.NotificationRepository.Outcome;
import io.reserva.shared.SecretCipher;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt at one claimed SMS: the checks that make it pointless (no provider, an opted-out guest, a number
 * that cannot take SMS), then the text, then the organization's provider. Retries follow the email's backoff.
 */
@Component
class SmsSending {

    static final String NO_PROVIDER = "no SMS provider configured";

    private final SenderSettingsManagement senders;
    private final NotificationRepository notifications;
    private final OrganizationManagement organizations;
    private final MessageSending sending;
    private final Map<SmsProvider, SmsSender> adapters;
    private final SmsProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    SmsSending(
            SenderSettingsManagement senders,
            NotificationRepository notifications,
            OrganizationManagement organizations,
            MessageSending sending,
            List<SmsSender> adapters,
            SmsProperties properties,
            JsonMapper json,
            Clock clock) {
        this.senders = senders;
        this.notifications = notifications;
        this.organizations = organizations;
        this.sending = sending;
        this.adapters =
                adapters.stream().collect(Collectors.toUnmodifiableMap(SmsSender::provider, Function.identity()));
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    Outcome attempt(Claim claim) {
        Instant now = clock.instant();
        Optional<SenderSettingsManagement.SmsAccount> account;
        try {
            account = senders.smsAccount(claim.organizationId());
        } catch (SecretCipher.UnreadableSecretException unreadable) {
            // Nothing is sent without its credentials; configuring the key heals it within the retry window.
            return sending.failure(
                    claim, "the SMS provider's credentials cannot be read: " + unreadable.getMessage(), true, now);
        }
        if (account.isEmpty()) {
            return new Outcome(claim, NotificationStatus.NOT_SENT, null, null, NO_PROVIDER, now);
        }
        MessageData data = json.readValue(claim.data(), MessageData.class);
        if (notifications.optedOut(claim.organizationId(), data.contactId(), "sms")) {
            return new Outcome(claim, NotificationStatus.SKIPPED, null, null, "the guest opted out of SMS", now);
        }
        Optional<String> unfit = SmsText.cannotTakeSms(claim.recipient());
        if (unfit.isPresent()) {
            return new Outcome(claim, NotificationStatus.FAILED, null, null, unfit.get(), now);
        }
        Optional<Organization> organization = organizations.find(claim.organizationId());
        if (organization.isEmpty()) {
            return new Outcome(claim, NotificationStatus.FAILED, null, null, "the organization no longer exists", now);
        }
        MessageContext context = sending.previewContext(organization.get(), claim.reservationId(), data, null);
        String language = context.locale().getLanguage();
        String template = notifications
                .findTemplate(claim.organizationId(), claim.kind(), language, "sms")
                .map(NotificationTemplate::text)
                .orElseGet(() -> SmsText.template(claim.kind(), context.locale()));
        String body = SmsText.compose(template, data, context, properties.maxSegments());
        SmsProvider provider = account.get().provider();
        String callback = properties.publicBaseUrl() == null
                ? null
                : properties.publicBaseUrl()
                        + SenderSettingsManagement.callbackPath(provider, claim.organizationId(), "status");
        SmsSender.Result result = adapters.get(provider)
                .send(
                        account.get(),
                        new SmsSender.OutgoingSms(
                                claim.id(), claim.reservationId(), claim.kind(), claim.recipient(), body, callback));
        Instant after = clock.instant();
        if (result instanceof SmsSender.Accepted accepted) {
            return new Outcome(claim, NotificationStatus.SENT, null, accepted.providerId(), null, after);
        }
        SmsSender.Refused refused = (SmsSender.Refused) result;
        return sending.failure(claim, refused.reason(), refused.isTransient(), after);
    }
}
