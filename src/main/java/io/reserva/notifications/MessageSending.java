package io.reserva.notifications;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final EmailChannel email;
    private final SenderSettingsManagement senders;
    private final NotificationRepository notifications;
    private final OrganizationManagement organizations;
    private final Catalog catalog;
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
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Starts sending a chunk of claimed emails: what every message of it needs from the database is read in a few
     * queries for the whole chunk (opt-outs, unsubscribes, new unsubscribe tokens), what messages of one
     * organization share is read once (the organization, its sender settings, its templates), and every message
     * goes over one connection to the mail server.
     */
    Run run(List<Claim> claims) {
        return new Run(claims);
    }

    /** Sending a chunk of claimed emails, one {@link #attempt} at a time, in one thread; closing ends it. */
    final class Run implements AutoCloseable {

        private final Map<UUID, MessageData> data = new HashMap<>();
        private final Set<NotificationRepository.OrganizationContact> optedOut;
        private final Set<NotificationRepository.OrganizationContact> unsubscribed;
        private final Map<UUID, String> unsubscribeTokens = new HashMap<>();
        private final Map<UUID, Optional<Organization>> organizations = new HashMap<>();
        private final Map<UUID, SenderSettingsManagement.EmailSender> senders = new HashMap<>();
        private final Map<String, Optional<NotificationTemplate>> templates = new HashMap<>();
        private final Map<UUID, GuestMessageLinks.MessagePages> pages = new HashMap<>();
        private final Map<UUID, String> manageLinks = new HashMap<>();
        private final EmailChannel.Connection connection;

        private Run(List<Claim> claims) {
            List<NotificationRepository.OrganizationContact> contacts = new ArrayList<>();
            for (Claim claim : claims) {
                MessageData parsed;
                try {
                    parsed = json.readValue(claim.data(), MessageData.class);
                } catch (RuntimeException unreadable) {
                    continue; // its attempt fails as a message that cannot be put together
                }
                data.put(claim.id(), parsed);
                if (parsed.contactId() != null) {
                    contacts.add(
                            new NotificationRepository.OrganizationContact(claim.organizationId(), parsed.contactId()));
                }
            }
            boolean configured = email.configured();
            optedOut = configured ? notifications.optedOut(contacts, "email") : Set.of();
            unsubscribed = configured ? unsubscribes.unsubscribed(contacts) : Set.of();
            List<Claim> linked = new ArrayList<>();
            List<NotificationRepository.OrganizationContact> linkedContacts = new ArrayList<>();
            for (Claim claim : claims) {
                Optional<NotificationRepository.OrganizationContact> contact = contactOf(claim);
                if (configured && contact.isPresent() && skipReason(claim).isEmpty()) {
                    linked.add(claim);
                    linkedContacts.add(contact.get());
                }
            }
            List<String> tokens = unsubscribes.issueAll(linkedContacts);
            for (int i = 0; i < linked.size(); i++) {
                unsubscribeTokens.put(linked.get(i).id(), tokens.get(i));
            }
            if (configured) {
                readPages(claims);
            }
            connection = email.connect();
        }

        /**
         * The booking pages behind the messages that will be put together (not those skipped or to a bad address),
         * per organization, and the manage links of those booked on one: a query or two and one insert per
         * organization, instead of a few queries and an insert per message.
         */
        private void readPages(List<Claim> claims) {
            Instant now = clock.instant();
            Map<UUID, List<Claim>> byOrganization = new LinkedHashMap<>();
            for (Claim claim : claims) {
                if (data.containsKey(claim.id())
                        && skipReason(claim).isEmpty()
                        && EmailChannel.invalidAddress(claim.recipient()).isEmpty()) {
                    byOrganization
                            .computeIfAbsent(claim.organizationId(), organization -> new ArrayList<>())
                            .add(claim);
                }
            }
            byOrganization.forEach((organizationId, ofOrganization) -> {
                GuestMessageLinks.MessagePages ofPages = guestLinks.pagesOf(
                        organizationId,
                        ofOrganization.stream()
                                .map(Claim::reservationId)
                                .filter(Objects::nonNull)
                                .toList());
                pages.put(organizationId, ofPages);
                List<Claim> managed = ofOrganization.stream()
                        .filter(claim -> claim.kind().carriesManageLink() && claim.reservationId() != null)
                        .toList();
                List<Optional<String>> paths = ofPages.issueManagePaths(managed.stream()
                        .map(claim -> new GuestMessageLinks.ManageLinkRequest(
                                claim.reservationId(), manageLinkExpiry(data.get(claim.id()), now)))
                        .toList());
                for (int i = 0; i < managed.size(); i++) {
                    UUID id = managed.get(i).id();
                    paths.get(i).ifPresent(path -> manageLinks.put(id, properties.publicUrl() + path));
                }
            });
        }

        /** One attempt at one message of the chunk. */
        Outcome attempt(Claim claim) {
            Instant now = clock.instant();
            if (!email.configured()) {
                return new Outcome(
                        claim, NotificationStatus.NOT_SENT, null, null, NotificationDispatcher.NO_MAIL_SERVER, now);
            }
            if (!data.containsKey(claim.id())) {
                throw new IllegalStateException("the stored details of notification " + claim.id() + " are unreadable");
            }
            Optional<String> skip = skipReason(claim);
            if (skip.isPresent()) {
                return new Outcome(claim, NotificationStatus.SKIPPED, null, null, skip.get(), now);
            }
            Optional<String> invalid = EmailChannel.invalidAddress(claim.recipient());
            if (invalid.isPresent()) {
                return new Outcome(claim, NotificationStatus.FAILED, null, null, invalid.get(), now);
            }
            Optional<Organization> organization =
                    organizations.computeIfAbsent(claim.organizationId(), MessageSending.this.organizations::find);
            if (organization.isEmpty()) {
                return new Outcome(
                        claim, NotificationStatus.FAILED, null, null, "the organization no longer exists", now);
            }
            MessageData message = data.get(claim.id());
            // Read with the chunk (readPages), for every message that passed the checks above.
            MessageContext context = withLinks(
                    contextOf(organization.get(), claim.reservationId(), message, pages.get(claim.organizationId())),
                    claim,
                    message,
                    manageLinks.get(claim.id()),
                    unsubscribeTokens.get(claim.id()),
                    now);
            Message composed = MessageComposer.compose(claim, message, context, templateFor(claim, context), now);
            SenderSettingsManagement.EmailSender sender =
                    senders.computeIfAbsent(claim.organizationId(), MessageSending.this.senders::emailSender);
            EmailChannel.Result result = connection.send(
                    claim.recipient(),
                    sender.from(),
                    sender.replyTo() == null ? organization.get().email() : sender.replyTo(),
                    composed);
            Instant after = clock.instant();
            if (result instanceof EmailChannel.Sent sent) {
                return new Outcome(claim, NotificationStatus.SENT, null, sent.messageId(), null, after);
            }
            EmailChannel.Failed failed = (EmailChannel.Failed) result;
            return failure(claim, failed.reason(), failed.isTransient(), after);
        }

        @Override
        public void close() {
            connection.close();
        }

        /** Why the guest is not to get this message (they opted out, or unsubscribed from this kind), if so. */
        private Optional<String> skipReason(Claim claim) {
            Optional<NotificationRepository.OrganizationContact> contact = contactOf(claim);
            if (contact.isPresent() && optedOut.contains(contact.get())) {
                return Optional.of("the guest opted out of email");
            }
            if (contact.isPresent() && !claim.kind().essential() && unsubscribed.contains(contact.get())) {
                return Optional.of("the guest unsubscribed from reminders");
            }
            return Optional.empty();
        }

        private Optional<NotificationRepository.OrganizationContact> contactOf(Claim claim) {
            return Optional.ofNullable(data.get(claim.id()))
                    .map(MessageData::contactId)
                    .map(contact -> new NotificationRepository.OrganizationContact(claim.organizationId(), contact));
        }

        /** The organization's own text for this kind and language, else the built-in one. */
        private DefaultTemplates.Template templateFor(Claim claim, MessageContext context) {
            String language = context.locale().getLanguage();
            return templates
                    .computeIfAbsent(
                            claim.organizationId() + "/" + claim.kind().wire() + "/" + language,
                            key -> notifications.findTemplate(claim.organizationId(), claim.kind(), language, "email"))
                    .map(t -> new DefaultTemplates.Template(t.subject(), t.text(), t.html()))
                    .orElseGet(() -> DefaultTemplates.of(claim.kind(), context.locale(), context.extras()));
        }
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

    /** Until when a message's manage link works: {@code manage-link-valid-for} after the booking's end. */
    private Instant manageLinkExpiry(MessageData data, Instant now) {
        Instant end = data.endDatetime() == null || data.endDatetime().isBefore(now) ? now : data.endDatetime();
        return end.plus(properties.manageLinkValidFor());
    }

    /**
     * The guest's own links, made for this attempt: a manage token for a booking made on a booking page (valid
     * until {@code manage-link-valid-for} after the booking's end; issued with the chunk, {@code manageLink}), a
     * status token for a waitlist offer to a guest who joined on a booking page (valid until the start on offer),
     * and an unsubscribe token when the message has a contact. Only their hashes are stored, so they exist nowhere
     * but in the message; a retried message gets new ones (the unused ones simply expire or stay unused).
     */
    private MessageContext withLinks(
            MessageContext context,
            Claim claim,
            MessageData data,
            String manageLink,
            String unsubscribeToken,
            Instant now) {
        MessageExtras extras = context.extras();
        String manage = null;
        if (claim.kind().carriesManageLink() && claim.reservationId() != null) {
            manage = manageLink;
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
        String unsubscribe = unsubscribeToken == null
                ? null
                : properties.publicUrl() + GuestUnsubscribes.pathOf(claim.organizationId(), unsubscribeToken);
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
        MessageContext context = contextOf(
                organization,
                reservationId,
                data,
                guestLinks.pagesOf(organization.id(), Collections.singletonList(reservationId)));
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
    private MessageContext contextOf(
            Organization organization, UUID reservationId, MessageData data, GuestMessageLinks.MessagePages pages) {
        String language = pages.localeOf(reservationId).orElse(organization.locale());
        String serviceName = catalog.snapshot(organization.id())
                .service(data.serviceId())
                .map(ReservationService::name)
                .orElse("");
        GuestMessageLinks.PageLook look = pages.lookOf(reservationId);
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
        return "es".equals(locale.getLanguage()) ? SPANISH : Locale.ENGLISH;
    }
}
