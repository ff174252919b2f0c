package io.reserva.notifications;

import io.reserva.catalog.Catalog;
import io.reserva.contacts.ContactDirectory;
import io.reserva.reservations.ReservationManagement;
import io.reserva.reservations.ReservationView;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The message log: every message queued for an organization's guests and what became of it. */
@Service
public class NotificationManagement {

    static final int MAX_REMINDER_HOURS = 720;
    static final int SUBJECT_MAX = 500;
    static final int BODY_MAX = 50_000;
    static final java.util.Set<String> LOCALES = java.util.Set.of("en", "es");
    static final java.util.Set<String> CHANNELS = java.util.Set.of("email", "sms");
    /** The longest SMS text an organization may save: ten segments of 160 characters. */
    static final int SMS_MAX = 1_600;
    /** The placeholders an SMS can fill: not the links nor the look of an email. */
    static final java.util.Set<String> SMS_PLACEHOLDERS = MessageComposer.PLACEHOLDERS.stream()
            .filter(p -> !java.util.Set.of("manage_link", "unsubscribe_link", "logo_url", "brand_color")
                    .contains(p))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    public static final QueryDefinition QUERY = QueryDefinition.forResource("notifications")
            .field("id", "n.id", FieldType.UUID)
            .nullableField("reservation_id", "n.reservation_id", FieldType.UUID)
            .nullableField("waitlist_entry_id", "n.waitlist_entry_id", FieldType.UUID)
            .enumField("kind", "n.kind", NotificationKind.wireNames())
            .enumField("status", "n.status", NotificationStatus.wireNames())
            .enumField("channel", "n.channel", CHANNELS)
            .nullableField("recipient", "n.recipient", FieldType.STRING)
            .field("attempts", "n.attempts", FieldType.INTEGER)
            .field("due_at", "n.due_at", FieldType.INSTANT)
            .nullableField("next_attempt_at", "n.next_attempt_at", FieldType.INSTANT)
            .nullableField("sent_at", "n.sent_at", FieldType.INSTANT)
            .field("created_at", "n.created_at", FieldType.INSTANT)
            .field("updated_at", "n.updated_at", FieldType.INSTANT)
            .defaultSort("created_at", false)
            .organizationScoped()
            .searchOn("n.recipient")
            .build();

    private final NotificationRepository notifications;
    private final NotificationProperties properties;
    private final Catalog catalog;
    private final ContactDirectory contacts;
    private final ReservationManagement reservations;
    private final OrganizationManagement organizations;
    private final MessageSending sending;
    private final UnsubscribeRepository unsubscribes;
    private final SmsProperties smsProperties;
    private final Clock clock;

    NotificationManagement(
            NotificationRepository notifications,
            UnsubscribeRepository unsubscribes,
            SmsProperties smsProperties,
            NotificationProperties properties,
            Catalog catalog,
            ContactDirectory contacts,
            ReservationManagement reservations,
            OrganizationManagement organizations,
            MessageSending sending,
            Clock clock) {
        this.reservations = reservations;
        this.organizations = organizations;
        this.sending = sending;
        this.notifications = notifications;
        this.unsubscribes = unsubscribes;
        this.smsProperties = smsProperties;
        this.properties = properties;
        this.catalog = catalog;
        this.contacts = contacts;
        this.clock = clock;
    }

    public Page<Notification> list(Caller caller, Map<String, String[]> parameters) {
        ListQuery query = QUERY.parse(parameters);
        return notifications.list(query, caller.organizationFor(query.organizationId()));
    }

    public ReminderSettings reminderSettings(Caller caller, UUID organizationId) {
        UUID organization = caller.organizationFor(organizationId);
        return new ReminderSettings(
                organization, properties.reminderHoursBefore(), notifications.reminderSettings(organization));
    }

    /**
     * Saves the organization's reminder hours, or one service's. Bookings already made keep the reminders they
     * were given; the setting applies to bookings confirmed or moved from now on.
     */
    @Transactional
    public ReminderSettings saveReminderSetting(Caller caller, NewReminderSetting setting) {
        caller.requireAdmin();
        UUID organization = caller.organizationFor(setting.organizationId());
        List<FieldError> errors = new ArrayList<>();
        if (setting.hoursBefore() == null) {
            errors.add(new FieldError("hours_before", "is required"));
        } else if (setting.hoursBefore() < 0 || setting.hoursBefore() > MAX_REMINDER_HOURS) {
            errors.add(new FieldError("hours_before", "must be from 0 (no reminders) to " + MAX_REMINDER_HOURS));
        }
        if (setting.serviceId() != null
                && catalog.snapshot(organization).service(setting.serviceId()).isEmpty()) {
            errors.add(new FieldError("service_id", "is not a service of this organization"));
        }
        ReservaException.throwIfAny(errors);
        notifications.saveReminderHours(organization, setting.serviceId(), setting.hoursBefore(), clock.instant());
        return reminderSettings(caller, organization);
    }

    /** Records that a guest wants no email (or no SMS); saying it twice is fine. */
    @Transactional
    public OptOut optOut(Caller caller, NewOptOut request) {
        UUID organization = caller.organizationFor(request.organizationId());
        if (request.contactId() == null) {
            throw ReservaException.invalidField("contact_id", "is required");
        }
        String channel = channelOf(request.channel());
        if (contacts.find(organization, request.contactId()).isEmpty()) {
            throw ReservaException.invalidField("contact_id", "is not a contact of this organization");
        }
        notifications.optOut(organization, request.contactId(), channel, clock.instant());
        return notifications
                .findOptOut(organization, request.contactId(), channel)
                .orElseThrow();
    }

    public OptOut getOptOut(Caller caller, UUID contactId, UUID organizationId) {
        return getOptOut(caller, contactId, organizationId, null);
    }

    public OptOut getOptOut(Caller caller, UUID contactId, UUID organizationId, String channel) {
        UUID organization = caller.organizationFor(organizationId);
        return notifications
                .findOptOut(organization, contactId, channelOf(channel))
                .orElseThrow(() -> ReservaException.notFound("Opt-out of contact", contactId));
    }

    /** Lets a guest who had opted out receive email again. */
    @Transactional
    public OptOut optIn(Caller caller, UUID contactId, UUID organizationId) {
        return optIn(caller, contactId, organizationId, null);
    }

    /** Lets a guest who had opted out of a channel (email when null) receive messages on it again. */
    @Transactional
    public OptOut optIn(Caller caller, UUID contactId, UUID organizationId, String channel) {
        OptOut current = getOptOut(caller, contactId, organizationId, channel);
        notifications.optIn(caller.organizationFor(organizationId), contactId, current.channel());
        return current;
    }

    /** Whether a guest unsubscribed from reminders through an email's link; {@code not_found} when not. */
    public Unsubscribe getUnsubscribe(Caller caller, UUID contactId, UUID organizationId) {
        UUID organization = caller.organizationFor(organizationId);
        return unsubscribes
                .find(organization, contactId)
                .orElseThrow(() -> ReservaException.notFound("Unsubscribe of contact", contactId));
    }

    /**
     * Undoes a guest's unsubscribe (they asked staff for their reminders back): reminders and hold notes queued
     * from now on, and those still pending, are sent again. Answers the unsubscribe removed.
     */
    @Transactional
    public Unsubscribe resubscribe(Caller caller, UUID contactId, UUID organizationId) {
        Unsubscribe current = getUnsubscribe(caller, contactId, organizationId);
        unsubscribes.resubscribe(caller.organizationFor(organizationId), contactId);
        return current;
    }

    /** {@code email} (when none is named) or {@code sms}. */
    private static String channelOf(String channel) {
        if (channel == null || channel.isBlank()) {
            return "email";
        }
        if (!CHANNELS.contains(channel)) {
            throw ReservaException.invalidField("channel", "must be email or sms");
        }
        return channel;
    }

    public List<NotificationTemplate> templates(Caller caller, UUID organizationId) {
        return notifications.templates(caller.organizationFor(organizationId));
    }

    /**
     * Saves the organization's text for a kind and language. Each text must be there and use only the known
     * placeholders: an unknown one is refused naming it, so a typo never reaches a guest as {@code {{nmae}}}.
     */
    @Transactional
    public NotificationTemplate saveTemplate(Caller caller, String kindName, String locale, TemplateText text) {
        caller.requireAdmin();
        UUID organization = caller.organizationFor(text.organizationId());
        NotificationKind kind = kindOf(kindName);
        String language = localeOf(locale);
        List<FieldError> errors = new ArrayList<>();
        checkTemplateText("subject", text.subject(), SUBJECT_MAX, errors);
        checkTemplateText("text", text.text(), BODY_MAX, errors);
        checkTemplateText("html", text.html(), BODY_MAX, errors);
        ReservaException.throwIfAny(errors);
        notifications.saveTemplate(
                organization, kind, language, "email", text.subject(), text.text(), text.html(), clock.instant());
        return notifications.findTemplate(organization, kind, language, "email").orElseThrow();
    }

    /**
     * Saves the organization's SMS text for a kind and language: plain text, the email's placeholders except the
     * links and the look, which an SMS does not carry; anything else is refused naming it.
     */
    @Transactional
    public NotificationTemplate saveSmsTemplate(Caller caller, String kindName, String locale, SmsTemplateText text) {
        caller.requireAdmin();
        UUID organization = caller.organizationFor(text.organizationId());
        NotificationKind kind = kindOf(kindName);
        String language = localeOf(locale);
        List<FieldError> errors = new ArrayList<>();
        checkSmsText(text.text(), errors);
        ReservaException.throwIfAny(errors);
        notifications.saveTemplate(organization, kind, language, "sms", null, text.text(), null, clock.instant());
        return notifications.findTemplate(organization, kind, language, "sms").orElseThrow();
    }

    /** Removes the organization's email text, so the built-in one is used again; answers what was removed. */
    @Transactional
    public NotificationTemplate deleteTemplate(Caller caller, String kindName, String locale, UUID organizationId) {
        return deleteTemplate(caller, kindName, locale, "email", organizationId);
    }

    /** Removes the organization's text of a channel, so the built-in one is used again. */
    @Transactional
    public NotificationTemplate deleteTemplate(
            Caller caller, String kindName, String locale, String channel, UUID organizationId) {
        caller.requireAdmin();
        UUID organization = caller.organizationFor(organizationId);
        NotificationKind kind = kindOf(kindName);
        String language = localeOf(locale);
        NotificationTemplate current = notifications
                .findTemplate(organization, kind, language, channel)
                .orElseThrow(() -> new ReservaException(
                        io.reserva.shared.ErrorCode.NOT_FOUND,
                        "This organization has no " + kind.wire() + " " + channel + " template in " + language));
        notifications.deleteTemplate(organization, kind, language, channel);
        return current;
    }

    /**
     * Renders a kind in a language against one of the organization's reservations: with the texts sent, else the
     * organization's template, else the built-in one. Sent texts are checked like a save.
     */
    public RenderedMessage preview(Caller caller, TemplatePreview request) {
        UUID organization = caller.organizationFor(request.organizationId());
        List<FieldError> errors = new ArrayList<>();
        if (request.reservationId() == null) {
            errors.add(new FieldError("reservation_id", "is required"));
        }
        if (request.kind() == null) {
            errors.add(new FieldError("kind", "is required"));
        }
        String language = request.locale() == null ? null : request.locale().toLowerCase(java.util.Locale.ROOT);
        if (language == null || !LOCALES.contains(language)) {
            errors.add(new FieldError("locale", "must be en or es"));
        }
        boolean sms = "sms".equals(request.channel());
        if (request.channel() != null && !CHANNELS.contains(request.channel())) {
            errors.add(new FieldError("channel", "must be email or sms"));
        }
        if (sms && request.text() != null) {
            checkSmsText(request.text(), errors);
        }
        if (sms && (request.subject() != null || request.html() != null)) {
            errors.add(new FieldError(request.subject() != null ? "subject" : "html", "an SMS has only a text"));
        }
        if (sms) {
            ReservaException.throwIfAny(errors);
        } else if (request.subject() != null) {
            checkTemplateText("subject", request.subject(), SUBJECT_MAX, errors);
        }
        if (!sms && request.text() != null) {
            checkTemplateText("text", request.text(), BODY_MAX, errors);
        }
        if (request.html() != null) {
            checkTemplateText("html", request.html(), BODY_MAX, errors);
        }
        ReservaException.throwIfAny(errors);
        ReservationView reservation = reservations.get(caller, request.reservationId());
        if (!reservation.organizationId().equals(organization)) {
            throw ReservaException.notFound("Reservation", request.reservationId());
        }
        Organization venue = organizations
                .find(organization)
                .orElseThrow(() -> ReservaException.notFound("Organization", organization));
        MessageData data = MessageData.of(reservation);
        MessageContext context = sending.previewContext(venue, reservation.id(), data, language);
        if (sms) {
            String text = request.text() != null
                    ? request.text()
                    : notifications
                            .findTemplate(organization, request.kind(), language, "sms")
                            .map(NotificationTemplate::text)
                            .orElseGet(() -> SmsText.template(request.kind(), context.locale()));
            return new RenderedMessage(null, SmsText.compose(text, data, context, smsProperties.maxSegments()), null);
        }
        DefaultTemplates.Template base = notifications
                .findTemplate(organization, request.kind(), language, "email")
                .map(t -> new DefaultTemplates.Template(t.subject(), t.text(), t.html()))
                .orElseGet(() -> DefaultTemplates.of(request.kind(), context.locale(), context.extras()));
        DefaultTemplates.Template template = new DefaultTemplates.Template(
                request.subject() == null ? base.subject() : request.subject(),
                request.text() == null ? base.text() : request.text(),
                request.html() == null ? base.html() : request.html());
        return MessageComposer.render(template, data, context);
    }

    private static void checkTemplateText(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        for (String unknown : MessageComposer.unknownPlaceholders(value)) {
            errors.add(new FieldError(
                    field,
                    "unknown placeholder {{" + unknown + "}}; known: "
                            + String.join(", ", new java.util.TreeSet<>(MessageComposer.PLACEHOLDERS))));
        }
    }

    /** An SMS text: there, not too long, and only placeholders an SMS can fill. */
    private static void checkSmsText(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("text", "is required"));
            return;
        }
        if (value.length() > SMS_MAX) {
            errors.add(new FieldError("text", "must be at most " + SMS_MAX + " characters"));
        }
        for (String unknown : MessageComposer.unknownPlaceholders(value)) {
            errors.add(new FieldError(
                    "text",
                    "unknown placeholder {{" + unknown + "}}; known: "
                            + String.join(", ", new java.util.TreeSet<>(SMS_PLACEHOLDERS))));
        }
        for (String used : MessageComposer.placeholdersIn(value)) {
            if (MessageComposer.PLACEHOLDERS.contains(used) && !SMS_PLACEHOLDERS.contains(used)) {
                errors.add(
                        new FieldError("text", "placeholder {{" + used + "}} is not available in an SMS (email only)"));
            }
        }
    }

    private static NotificationKind kindOf(String kind) {
        try {
            return NotificationKind.fromWire(kind);
        } catch (IllegalArgumentException e) {
            throw new ReservaException(io.reserva.shared.ErrorCode.NOT_FOUND, "No template kind " + kind);
        }
    }

    private static String localeOf(String locale) {
        if (!LOCALES.contains(locale)) {
            throw new ReservaException(
                    io.reserva.shared.ErrorCode.NOT_FOUND, "No template language " + locale + "; en or es");
        }
        return locale;
    }

    public Notification get(Caller caller, UUID id) {
        return notifications
                .find(id)
                .filter(notification -> caller.canSee(notification.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Notification", id));
    }
}
