package io.reserva.notifications;

import io.reserva.reservations.ReservationEvents.ReservationCreated;
import io.reserva.reservations.ReservationEvents.ReservationStatusChanged;
import io.reserva.reservations.ReservationEvents.ReservationUpdated;
import io.reserva.reservations.ReservationSource;
import io.reserva.reservations.ReservationStatus;
import io.reserva.reservations.ReservationView;
import io.reserva.waitlist.WaitlistEntryStatus;
import io.reserva.waitlist.WaitlistEntryView;
import io.reserva.waitlist.WaitlistEvents.WaitlistEntryStatusChanged;
import io.reserva.waitlist.WaitlistKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues the guest's messages in the transaction of the booking change that causes them ({@code MANDATORY}, as
 * the webhooks outbox does): a booking and its messages commit together or not at all, and nothing is sent
 * while the booking request runs. Sending happens later, on whichever node claims the row.
 *
 * <p>What is queued: a confirmation when a booking is created confirmed or becomes confirmed (a pending request
 * or a hold gets none); a change when a confirmed guest's time, party size or service changes; a cancellation
 * when a booking the guest was sent an invite for is cancelled; and a reminder, due the set hours before the
 * start, for every confirmed booking made before that moment. Moving a booking cancels its reminder and queues
 * one for the new time; cancelling it, or any end (seated, completed, no-show), cancels the reminder.
 */
@Component
class NotificationQueue {

    /** The reservation fields whose change the guest is told about. */
    private static final Set<String> ANNOUNCED_FIELDS = Set.of("start_datetime", "party_size", "service_id");

    private final NotificationRepository notifications;
    private final SenderSettingsManagement senders;
    private final NotificationProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    NotificationQueue(
            NotificationRepository notifications,
            SenderSettingsManagement senders,
            NotificationProperties properties,
            JsonMapper json,
            Clock clock) {
        this.notifications = notifications;
        this.senders = senders;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ReservationCreated created) {
        ReservationView reservation = created.reservation();
        if (reservation.status() == ReservationStatus.CONFIRMED) {
            confirm(reservation);
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ReservationUpdated updated) {
        ReservationView reservation = updated.reservation();
        if (reservation.status() != ReservationStatus.CONFIRMED
                || updated.changedFields().stream().noneMatch(ANNOUNCED_FIELDS::contains)
                || !notifications.invited(reservation.organizationId(), reservation.id())) {
            return; // a booking that becomes confirmed in this change gets its confirmation, with the new details
        }
        Instant now = now();
        queueNow(reservation, NotificationKind.CHANGE, now);
        notifications.cancelReminders(reservation.organizationId(), reservation.id(), "the booking changed", now);
        remind(reservation, now);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ReservationStatusChanged changed) {
        ReservationView reservation = changed.reservation();
        Instant now = now();
        if (changed.to() == ReservationStatus.CONFIRMED) {
            confirm(reservation);
            return;
        }
        if (changed.from() == ReservationStatus.HELD && changed.to() == ReservationStatus.EXPIRED) {
            holdLapsed(reservation, now);
            return;
        }
        if (!changed.to().isFinal() && changed.to() != ReservationStatus.SEATED) {
            return;
        }
        notifications.cancelReminders(
                reservation.organizationId(),
                reservation.id(),
                "the booking is " + changed.to().wire(),
                now);
        if (changed.to() == ReservationStatus.CANCELLED
                && notifications.invited(reservation.organizationId(), reservation.id())) {
            queueNow(reservation, NotificationKind.CANCELLATION, now);
        }
    }

    /**
     * Tells a waitlist guest with an email that a start is held for them (an entry for a later day) or that their
     * table is ready (a party waiting now). Each offer is a message of its own.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(WaitlistEntryStatusChanged changed) {
        if (changed.to() != WaitlistEntryStatus.OFFERED) {
            return;
        }
        WaitlistEntryView entry = changed.entry();
        String email = entry.contact() == null ? null : entry.contact().email();
        String phone = entry.contact() == null ? null : entry.contact().phone();
        Instant now = now();
        MessageData data = MessageData.of(entry, now);
        NotificationKind kind =
                entry.kind() == WaitlistKind.NOW ? NotificationKind.WAITLIST_READY : NotificationKind.WAITLIST_OFFER;
        String written = json.writeValueAsString(data);
        if (email != null && !email.isBlank()) {
            notifications.queueWaitlist(
                    entry.organizationId(),
                    entry.id(),
                    kind,
                    "email",
                    email,
                    NotificationStatus.PENDING,
                    null,
                    written,
                    data.startDatetime(),
                    now);
        }
        if (phone != null
                && !phone.isBlank()
                && senders.smsProvider(entry.organizationId()) != SmsProvider.NONE) {
            Optional<String> unfit = SmsText.cannotTakeSms(phone);
            notifications.queueWaitlist(
                    entry.organizationId(),
                    entry.id(),
                    kind,
                    "sms",
                    phone,
                    unfit.isPresent() ? NotificationStatus.FAILED : NotificationStatus.PENDING,
                    unfit.orElse(null),
                    written,
                    data.startDatetime(),
                    now);
        }
        notifications.notifyWorkers();
    }

    /**
     * A hold that lapsed with the guest's email or phone on it: they are told the time was released, on each channel
     * they can be reached on (SMS when the organization has a provider). A hold without either (a booking page's,
     * before the guest typed their details) gets nothing, not even a log row, and neither does the hold behind a
     * waitlist offer, whose guest hears from the waitlist.
     */
    private void holdLapsed(ReservationView reservation, Instant now) {
        if (reservation.contact() == null || reservation.source() == ReservationSource.WAITLIST) {
            return;
        }
        String email = reservation.contact().email();
        String phone = reservation.contact().phone();
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPhone = phone != null && !phone.isBlank();
        String data = json.writeValueAsString(MessageData.of(reservation));
        if (hasEmail) {
            queueEmail(reservation, NotificationKind.HOLD_EXPIRED, data, now, now);
        }
        if (hasPhone) {
            queueSms(reservation, NotificationKind.HOLD_EXPIRED, data, now, now);
        }
        if (hasEmail || hasPhone) {
            notifications.notifyWorkers();
        }
    }

    private void confirm(ReservationView reservation) {
        Instant now = now();
        queueNow(reservation, NotificationKind.CONFIRMATION, now);
        remind(reservation, now);
    }

    private void queueNow(ReservationView reservation, NotificationKind kind, Instant now) {
        queue(reservation, kind, now, now);
        notifications.notifyWorkers();
    }

    /** A reminder the set hours before the start, unless that moment has passed (booked inside the window). */
    private void remind(ReservationView reservation, Instant now) {
        notifications
                .reminderHours(reservation.organizationId(), reservation.serviceId(), properties.reminderHoursBefore())
                .map(hours -> reservation.startDatetime().minus(Duration.ofHours(hours)))
                .filter(due -> due.isAfter(now))
                .ifPresent(due -> queue(reservation, NotificationKind.REMINDER, due, now));
    }

    /** Queues the email, and the SMS too when the organization has an SMS provider. */
    private void queue(ReservationView reservation, NotificationKind kind, Instant due, Instant now) {
        String data = json.writeValueAsString(MessageData.of(reservation));
        queueEmail(reservation, kind, data, due, now);
        queueSms(reservation, kind, data, due, now);
    }

    private void queueEmail(ReservationView reservation, NotificationKind kind, String data, Instant due, Instant now) {
        String email =
                reservation.contact() == null ? null : reservation.contact().email();
        boolean reachable = email != null && !email.isBlank();
        notifications.queue(
                reservation.organizationId(),
                reservation.id(),
                kind,
                "email",
                email,
                reachable ? NotificationStatus.PENDING : NotificationStatus.SKIPPED,
                reachable ? null : "the guest has no email address",
                data,
                reservation.startDatetime(),
                due,
                now);
    }

    /** Queues the SMS when the organization has an SMS provider. */
    private void queueSms(ReservationView reservation, NotificationKind kind, String data, Instant due, Instant now) {
        if (senders.smsProvider(reservation.organizationId()) == SmsProvider.NONE) {
            return;
        }
        String phone =
                reservation.contact() == null ? null : reservation.contact().phone();
        Optional<String> unfit = phone == null || phone.isBlank() ? Optional.empty() : SmsText.cannotTakeSms(phone);
        NotificationStatus status = phone == null || phone.isBlank()
                ? NotificationStatus.SKIPPED
                : unfit.isPresent() ? NotificationStatus.FAILED : NotificationStatus.PENDING;
        notifications.queue(
                reservation.organizationId(),
                reservation.id(),
                kind,
                "sms",
                phone,
                status,
                phone == null || phone.isBlank() ? "the guest has no phone number" : unfit.orElse(null),
                data,
                reservation.startDatetime(),
                due,
                now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
