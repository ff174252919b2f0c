package io.reserva.notifications;

import io.reserva.notifications.NotificationRepository.QueuedMessage;
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
import java.util.ArrayList;
import java.util.List;
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
            announce(reservation, NotificationKind.CONFIRMATION, now());
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
        notifications.cancelReminders(reservation.organizationId(), reservation.id(), "the booking changed", now);
        announce(reservation, NotificationKind.CHANGE, now);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ReservationStatusChanged changed) {
        ReservationView reservation = changed.reservation();
        Instant now = now();
        if (changed.to() == ReservationStatus.CONFIRMED) {
            announce(reservation, NotificationKind.CONFIRMATION, now);
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
        if (phone != null && !phone.isBlank() && senders.smsProvider(entry.organizationId()) != SmsProvider.NONE) {
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
        List<QueuedMessage> messages = new ArrayList<>();
        if (present(reservation.contact().email())) {
            messages.add(byEmail(reservation, NotificationKind.HOLD_EXPIRED, now));
        }
        if (present(reservation.contact().phone())
                && senders.smsProvider(reservation.organizationId()) != SmsProvider.NONE) {
            messages.add(bySms(reservation, NotificationKind.HOLD_EXPIRED, now));
        }
        queue(reservation, messages, now);
    }

    /**
     * A message due now (a confirmation, or a change of a confirmed booking) and the reminder for the booking's
     * start: the settings both need read in one statement, all rows written in one. A booking without a guest
     * gets nothing; a guest without an email address (or phone) gets a {@code skipped} row saying so.
     */
    private void announce(ReservationView reservation, NotificationKind kind, Instant now) {
        if (reservation.contact() == null) {
            return; // nobody to tell (a block, a walk-in nobody named): not even a log row
        }
        NotificationRepository.ConfirmationSettings settings = notifications.confirmationSettings(
                reservation.organizationId(), reservation.serviceId(), properties.reminderHoursBefore());
        boolean sms = settings.smsProvider() != SmsProvider.NONE;
        List<QueuedMessage> messages = new ArrayList<>(messages(reservation, kind, now, sms));
        settings.reminderHours()
                .map(hours -> reservation.startDatetime().minus(Duration.ofHours(hours)))
                .filter(due -> due.isAfter(now))
                .ifPresent(due -> messages.addAll(messages(reservation, NotificationKind.REMINDER, due, sms)));
        queue(reservation, messages, now);
    }

    /** Queues a message due now. */
    private void queueNow(ReservationView reservation, NotificationKind kind, Instant now) {
        boolean sms = senders.smsProvider(reservation.organizationId()) != SmsProvider.NONE;
        queue(reservation, messages(reservation, kind, now, sms), now);
    }

    /**
     * Writes the messages, and wakes every node's dispatcher when one is pending and due now. A skipped or failed
     * row is only the log's, and a reminder is found by the dispatcher's poll when it falls due: waking every node
     * for them would cost a notification per booking for nothing.
     */
    private void queue(ReservationView reservation, List<QueuedMessage> messages, Instant now) {
        if (messages.isEmpty()) {
            return;
        }
        notifications.queue(
                reservation.organizationId(),
                reservation.id(),
                messages,
                json.writeValueAsString(MessageData.of(reservation)),
                reservation.startDatetime(),
                now);
        if (messages.stream()
                .anyMatch(message -> message.status() == NotificationStatus.PENDING
                        && !message.dueAt().isAfter(now))) {
            notifications.notifyWorkers();
        }
    }

    /** The email, and the SMS too when the organization has an SMS provider ({@code sms}). */
    private static List<QueuedMessage> messages(
            ReservationView reservation, NotificationKind kind, Instant due, boolean sms) {
        QueuedMessage email = byEmail(reservation, kind, due);
        return sms ? List.of(email, bySms(reservation, kind, due)) : List.of(email);
    }

    /** The email; skipped (a row in the log) when the guest gave no email address. */
    private static QueuedMessage byEmail(ReservationView reservation, NotificationKind kind, Instant due) {
        String email =
                reservation.contact() == null ? null : reservation.contact().email();
        boolean reachable = present(email);
        return new QueuedMessage(
                kind,
                "email",
                email,
                reachable ? NotificationStatus.PENDING : NotificationStatus.SKIPPED,
                reachable ? null : "the guest has no email address",
                due);
    }

    /** The SMS; skipped without a phone, failed (with the reason) for a number that cannot take SMS. */
    private static QueuedMessage bySms(ReservationView reservation, NotificationKind kind, Instant due) {
        String phone =
                reservation.contact() == null ? null : reservation.contact().phone();
        Optional<String> unfit = present(phone) ? SmsText.cannotTakeSms(phone) : Optional.empty();
        NotificationStatus status = !present(phone)
                ? NotificationStatus.SKIPPED
                : unfit.isPresent() ? NotificationStatus.FAILED : NotificationStatus.PENDING;
        return new QueuedMessage(
                kind, "sms", phone, status, present(phone) ? unfit.orElse(null) : "the guest has no phone number", due);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
