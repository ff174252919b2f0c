package io.reserva.notifications;

import io.reserva.catalog.Catalog;
import io.reserva.contacts.ContactDirectory;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.Caller;
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

    public static final QueryDefinition QUERY = QueryDefinition.forResource("notifications")
            .field("id", "n.id", FieldType.UUID)
            .field("reservation_id", "n.reservation_id", FieldType.UUID)
            .enumField("kind", "n.kind", NotificationKind.wireNames())
            .enumField("status", "n.status", NotificationStatus.wireNames())
            .enumField("channel", "n.channel", java.util.Set.of("email"))
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
    private final Clock clock;

    NotificationManagement(
            NotificationRepository notifications,
            NotificationProperties properties,
            Catalog catalog,
            ContactDirectory contacts,
            Clock clock) {
        this.notifications = notifications;
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

    /** Records that a guest wants no email; saying it twice is fine. */
    @Transactional
    public OptOut optOut(Caller caller, NewOptOut request) {
        UUID organization = caller.organizationFor(request.organizationId());
        if (request.contactId() == null) {
            throw ReservaException.invalidField("contact_id", "is required");
        }
        if (contacts.find(organization, request.contactId()).isEmpty()) {
            throw ReservaException.invalidField("contact_id", "is not a contact of this organization");
        }
        notifications.optOut(organization, request.contactId(), clock.instant());
        return notifications.findOptOut(organization, request.contactId()).orElseThrow();
    }

    public OptOut getOptOut(Caller caller, UUID contactId, UUID organizationId) {
        UUID organization = caller.organizationFor(organizationId);
        return notifications
                .findOptOut(organization, contactId)
                .orElseThrow(() -> ReservaException.notFound("Opt-out of contact", contactId));
    }

    /** Lets a guest who had opted out receive email again. */
    @Transactional
    public OptOut optIn(Caller caller, UUID contactId, UUID organizationId) {
        OptOut current = getOptOut(caller, contactId, organizationId);
        notifications.optIn(caller.organizationFor(organizationId), contactId);
        return current;
    }

    public Notification get(Caller caller, UUID id) {
        return notifications
                .find(id)
                .filter(notification -> caller.canSee(notification.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Notification", id));
    }
}
