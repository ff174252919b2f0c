package io.reserva.notifications;

import io.reserva.bookingpages.BookingLinkManagement;
import io.reserva.bookingpages.GuestMessageLinks;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.ReservationService;
import io.reserva.notifications.NotificationRepository.Claim;
import io.reserva.notifications.NotificationRepository.Outcome;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt at one claimed message: the checks that make it pointless (no mail server, an opted-out guest, an
 * address that cannot take mail), then the email, then what the attempt came to. A transient failure is tried
 * again after a delay that doubles from {@code retry-first-delay} up to {@code retry-max-delay}, spread by ±20%,
 * until {@code retry-for} after the message fell due; then it is failed for good.
 */
@Component
class MessageSending {

    private final EmailChannel email;
    private final SenderSettingsManagement senders;
    private final NotificationRepository notifications;
    private final OrganizationManagement organizations;
    private final Catalog catalog;
    private final BookingLinkManagement bookingLinks;
    private final GuestMessageLinks guestLinks;
    private final GuestUnsubscribes unsubscribes;
    private final NotificationProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    MessageSending(
            EmailChannel email,
            SenderSettingsManagement senders,
            NotificationRepository notifications,
            OrganizationManagement organizations,
            Catalog catalog,
            BookingLinkManagement bookingLinks,
            GuestMessageLinks guestLinks,
            GuestUnsubscribes unsubscribes,
            NotificationProperties properties,
            JsonMapper json,
            Clock clock) {
        this.guestLinks = guestLinks;
        this.unsubscribes = unsubscribes;
        this.email = email;
        this.senders = senders;
        this.notifications = notifications;
        this.organizations = organizations;
        this.catalog = catalog;
        this.bookingLinks = bookingLinks;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    Outcome attempt(Claim claim) {
        Instant now = clock.instant();
        if (!email.configured()) {
            return new Outcome(
                    claim, NotificationStatus.NOT_SENT, null, null, NotificationDispatcher.NO_MAIL_SERVER, now);
        }
        MessageData data = json.readValue(claim.data(), MessageData.class);
        if (notifications.optedOut(claim.organizationId(), data.contactId())) {
            return new Outcome(claim, NotificationStatus.SKIPPED, null, null, "the guest opted out of email", now);
        }
        if (!claim.kind().essential() && unsubscribes.unsubscribed(claim.organizationId(), data.contactId())) {
            return new Outcome(
                    claim, NotificationStatus.SKIPPED, null, null, "the guest unsubscribed from reminders", now);
        }
        Optional<String> invalid = EmailChannel.invalidAddress(claim.recipient());
        if (invalid.isPresent()) {
            return new Outcome(claim, NotificationStatus.FAILED, null, null, invalid.get(), now);
        }
        Optional<Organization> organization = organizations.find(claim.organizationId());
        if (organization.isEmpty()) {
            return new Outcome(claim, NotificationStatus.FAILED, null, null, "the organization no longer exists", now);
        }
        MessageContext context =
                withLinks(contextOf(organization.get(), claim.reservationId(), data), claim, data, now);
        Message message = MessageComposer.compose(claim, data, context, templateFor(claim, context), now);
        SenderSettingsManagement.EmailSender sender = senders.emailSender(claim.organizationId());
        EmailChannel.Result result = email.send(
                claim.recipient(),
                sender.from(),
                sender.replyTo() == null ? organization.get().email() : sender.replyTo(),
                message);
        Instant after = clock.instant();
        if (result instanceof EmailChannel.Sent sent) {
            return new Outcome(claim, NotificationStatus.SENT, null, sent.messageId(), null, after);
        }
        EmailChannel.Failed failed = (EmailChannel.Failed) result;
        return failure(claim, failed.reason(), failed.isTransient(), after);
    }

    /**
     * A failed attempt of any channel: a permanent failure, else another attempt after the backoff, unless that
     * would be more than {@code retry-for} after the message fell due.
     */
    Outcome failure(Claim claim, String reason, boolean isTransient, Instant after) {
        if (!isTransient) {
            return new Outcome(claim, NotificationStatus.FAILED, null, null, reason, after);
        }
        Duration delay = retryDelay(claim.attempt());
        if (after.plus(delay).isAfter(claim.dueAt().plus(properties.retryFor()))) {
            return new Outcome(
                    claim,
                    NotificationStatus.FAILED,
                    null,
                    null,
                    "gave up after " + claim.attempt() + " attempts: " + reason,
                    after);
        }
        return new Outcome(claim, NotificationStatus.PENDING, after.plus(delay), null, reason, after);
    }

    /** The organization's own text for this kind and language, else the built-in one. */
    private DefaultTemplates.Template templateFor(Claim claim, MessageContext context) {
        return notifications
                .findTemplate(
                        claim.organizationId(), claim.kind(), context.locale().getLanguage())
                .map(t -> new DefaultTemplates.Template(t.subject(), t.text(), t.html()))
                .orElseGet(() -> DefaultTemplates.of(claim.kind(), context.locale(), context.extras()));
    }

    /**
     * The guest's own links, made for this attempt: a manage token for a booking made on a booking page (valid
     * until {@code manage-link-valid-for} after the booking's end), a status token for a waitlist offer to a guest
     * who joined on a booking page (valid until the start on offer), and an unsubscribe token when the message has a
     * contact. Only their hashes are stored, so they exist nowhere but in the message; a retried message gets new
     * ones (the unused ones simply expire or stay unused).
     */
    private MessageContext withLinks(MessageContext context, Claim claim, MessageData data, Instant now) {
        MessageExtras extras = context.extras();
        String manage = null;
        if (claim.kind().carriesManageLink() && claim.reservationId() != null) {
            Instant end = data.endDatetime() == null || data.endDatetime().isBefore(now) ? now : data.endDatetime();
            manage = guestLinks
                    .issueManagePath(
                            claim.organizationId(), claim.reservationId(), end.plus(properties.manageLinkValidFor()))
                    .map(path -> properties.publicUrl() + path)
                    .orElse(null);
        } else if (claim.kind() == NotificationKind.WAITLIST_OFFER
                && claim.waitlistEntryId() != null
                && data.startDatetime() != null
                && data.startDatetime().isAfter(now)) {
            // The offer's link opens the guest's status page, where they accept or decline; it works until the
            // start on offer, when the offer (and the booking it could become) is of no more use to change.
            manage = guestLinks
                    .issueWaitlistStatusPath(claim.organizationId(), claim.waitlistEntryId(), data.startDatetime())
                    .map(path -> properties.publicUrl() + path)
                    .orElse(null);
        }
        String unsubscribe = data.contactId() == null
                ? null
                : properties.publicUrl()
                        + GuestUnsubscribes.pathOf(
                                claim.organizationId(), unsubscribes.issue(claim.organizationId(), data.contactId()));
        return withExtras(context, new MessageExtras(extras.logoUrl(), extras.brandColor(), manage, unsubscribe));
    }

    private static MessageContext withExtras(MessageContext context, MessageExtras extras) {
        return new MessageContext(
                context.organizationName(),
                context.organizationEmail(),
                context.organizationAddress(),
                context.zone(),
                context.locale(),
                context.serviceName(),
                extras);
    }

    /** What a message about {@code reservation} says, for a preview: the same context a send uses. */
    MessageContext previewContext(Organization organization, UUID reservationId, MessageData data, String locale) {
        MessageContext context = contextOf(organization, reservationId, data);
        // A preview shows where the links go without making any: a working token must never reach an API caller.
        MessageExtras extras = context.extras();
        context = withExtras(
                context,
                new MessageExtras(
                        extras.logoUrl(),
                        extras.brandColor(),
                        properties.publicUrl() + "/b/…/manage/…",
                        data.contactId() == null
                                ? null
                                : properties.publicUrl() + GuestUnsubscribes.pathOf(organization.id(), "…")));
        return locale == null ? context : context.withLocale(supported(locale));
    }

    private Duration retryDelay(int failedAttempt) {
        double base = properties.retryFirstDelay().toMillis() * Math.pow(2, Math.min(failedAttempt - 1, 30));
        double capped = Math.min(base, properties.retryMaxDelay().toMillis());
        return Duration.ofMillis(
                (long) Math.max(1, capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    /** The venue, its zone, the service booked, and the guest's language: the booking page's, else the venue's. */
    private MessageContext contextOf(Organization organization, UUID reservationId, MessageData data) {
        String language = reservationId == null
                ? organization.locale()
                : bookingLinks.pageLocaleOf(organization.id(), reservationId).orElse(organization.locale());
        String serviceName = catalog.snapshot(organization.id())
                .service(data.serviceId())
                .map(ReservationService::name)
                .orElse("");
        GuestMessageLinks.PageLook look = guestLinks.lookOf(organization.id(), reservationId);
        return new MessageContext(
                organization.name(),
                organization.email(),
                organization.address(),
                ZoneId.of(organization.timezone()),
                supported(language),
                serviceName,
                new MessageExtras(
                        MessageExtras.absoluteLogo(look.logoUrl(), properties.publicUrl()),
                        look.primaryColor(),
                        null,
                        null));
    }

    /** English or Spanish: {@code es}, {@code es-ES}, {@code es-419} are Spanish, anything else English. */
    static Locale supported(String tag) {
        Locale locale = tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag);
        return "es".equals(locale.getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
    }
}
