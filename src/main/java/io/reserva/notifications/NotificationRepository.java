package io.reserva.notifications;

import io.reserva.shared.Ids;
import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Messages: the queue the workers claim from ({@code FOR UPDATE SKIP LOCKED} with a lease, so nodes never send the
 * same row at once and a dead node's claims are taken over) and the log the API shows.
 */
@Repository
class NotificationRepository {

    /** The channel a transaction that queued messages due now notifies, waking every node's dispatcher. */
    static final String CHANNEL = "reserva_notifications";

    private static final String COLUMNS = """
            n.id, n.organization_id, n.reservation_id, n.waitlist_entry_id, n.kind, n.sequence, n.channel, n.recipient,
            n.status, n.due_at, n.next_attempt_at, n.attempts, n.provider_id, n.delivery_status, n.last_error, n.sent_at,
            n.created_at, n.updated_at""";

    /** A message this node has claimed, with what it needs to send it. */
    record Claim(
            UUID id,
            UUID organizationId,
            UUID reservationId,
            UUID waitlistEntryId,
            NotificationKind kind,
            int sequence,
            String channel,
            String recipient,
            String data,
            Instant dueAt,
            int attempt) {

        /** A claim of a message about a reservation. */
        Claim(
                UUID id,
                UUID organizationId,
                UUID reservationId,
                NotificationKind kind,
                int sequence,
                String channel,
                String recipient,
                String data,
                Instant dueAt,
                int attempt) {
            this(id, organizationId, reservationId, null, kind, sequence, channel, recipient, data, dueAt, attempt);
        }

        /** An email's claim. */
        Claim(
                UUID id,
                UUID organizationId,
                UUID reservationId,
                NotificationKind kind,
                int sequence,
                String recipient,
                String data,
                Instant dueAt,
                int attempt) {
            this(id, organizationId, reservationId, kind, sequence, "email", recipient, data, dueAt, attempt);
        }
    }

    /** What an attempt came to; {@code nextAttemptAt} is set only when the message stays pending. */
    record Outcome(
            Claim claim,
            NotificationStatus status,
            Instant nextAttemptAt,
            String providerId,
            String error,
            Instant at) {}

    private static final String RECORD = """
            update notifications
               set status = :status, next_attempt_at = :next, provider_id = coalesce(:provider, provider_id),
                   last_error = :error, sent_at = case when :status = 'sent' then :at else sent_at end,
                   updated_at = :at
             where id = :id and attempts = :attempt and status = 'pending'
            """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    NotificationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** One message of a booking to queue: its kind, channel, recipient, status (with why, if not pending), due time. */
    record QueuedMessage(
            NotificationKind kind,
            String channel,
            String recipient,
            NotificationStatus status,
            String error,
            Instant dueAt) {}

    /**
     * Queues a booking's messages in one statement, each unless its (reservation, kind, sequence, channel) is queued
     * already. A message's sequence is the reservation's last invite sequence on its channel, plus one when a
     * message of this batch on that channel carries a new version of the invite (a confirmation and the reminder
     * queued with it share the confirmation's sequence, as they did when the reminder was inserted after it; each
     * channel counts alike, so an SMS and its email carry the same sequence).
     */
    void queue(
            UUID organizationId,
            UUID reservationId,
            List<QueuedMessage> messages,
            String data,
            Instant startsAt,
            Instant now) {
        if (messages.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (QueuedMessage message : messages) {
            boolean raises = messages.stream()
                    .anyMatch(other -> other.channel().equals(message.channel())
                            && other.kind().raisesSequence());
            rows.add(new Object[] {
                Ids.newId(),
                message.kind().wire(),
                raises ? 1 : 0,
                message.channel(),
                // Typed, so a null needs no round trip to ask the driver for its type.
                new SqlParameterValue(Types.VARCHAR, message.recipient()),
                message.status().wire(),
                new SqlParameterValue(Types.VARCHAR, message.error()),
                SqlTypes.timestamptz(message.dueAt())
            });
        }
        jdbc.sql("""
                        insert into notifications (id, organization_id, reservation_id, kind, sequence, channel,
                                                   recipient, status, data, starts_at, due_at, next_attempt_at,
                                                   last_error, created_at, updated_at)
                        select m.id, :org, :reservation, m.kind,
                               greatest(0, coalesce((select max(p.sequence) from notifications p
                                                      where p.organization_id = :org
                                                        and p.reservation_id = :reservation
                                                        and p.channel = m.channel
                                                        and p.kind <> 'reminder'), -1) + m.raise),
                               m.channel, m.recipient, m.status, cast(:data as jsonb), :starts_at, m.due_at,
                               case when m.status = 'pending' then m.due_at end, m.error, :now, :now
                          from (values :rows) as m(id, kind, raise, channel, recipient, status, error, due_at)
                        on conflict on constraint notifications_once_key do nothing
                        """)
                .param("org", organizationId)
                .param("reservation", reservationId)
                .param("rows", rows)
                .param("data", data)
                .param("starts_at", SqlTypes.timestamptz(startsAt))
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /**
     * Queues a message about a waitlist entry, due now. Each call is a new message (an entry may be offered more
     * than once): its sequence is one more than the entry's last message of the same kind on that channel.
     */
    void queueWaitlist(
            UUID organizationId,
            UUID entryId,
            NotificationKind kind,
            String channel,
            String recipient,
            NotificationStatus status,
            String error,
            String data,
            Instant startsAt,
            Instant now) {
        jdbc.sql("""
                        insert into notifications (id, organization_id, waitlist_entry_id, kind, sequence, channel,
                                                   recipient, status, data, starts_at, due_at, next_attempt_at,
                                                   last_error, created_at, updated_at)
                        select :id, :org, :entry, :kind,
                               coalesce((select max(p.sequence) from notifications p
                                          where p.organization_id = :org and p.waitlist_entry_id = :entry
                                            and p.kind = :kind and p.channel = :channel), -1) + 1,
                               :channel, :recipient, :status, cast(:data as jsonb), :starts_at, :now,
                               case when :status = 'pending' then cast(:now as timestamptz) end, :error, :now, :now
                        on conflict do nothing
                        """)
                .param("id", Ids.newId())
                .param("org", organizationId)
                .param("entry", entryId)
                .param("kind", kind.wire())
                .param("channel", channel)
                .param("recipient", recipient)
                .param("status", status.wire())
                .param("data", data)
                .param("starts_at", SqlTypes.timestamptz(startsAt))
                .param("error", error)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /** Whether the guest has been sent (or is due) an invite for this reservation: a confirmation exists. */
    boolean invited(UUID organizationId, UUID reservationId) {
        return jdbc.sql("""
                        select exists (select 1 from notifications
                                        where organization_id = :org and reservation_id = :reservation
                                          and kind = 'confirmation')
                        """)
                .param("org", organizationId)
                .param("reservation", reservationId)
                .query(Boolean.class)
                .single();
    }

    /** Cancels the reservation's reminders that are still to be sent. */
    int cancelReminders(UUID organizationId, UUID reservationId, String reason, Instant now) {
        return jdbc.sql("""
                        update notifications
                           set status = 'cancelled', next_attempt_at = null, last_error = :reason, updated_at = :now
                         where organization_id = :org and reservation_id = :reservation and kind = 'reminder'
                           and status = 'pending'
                        """)
                .param("org", organizationId)
                .param("reservation", reservationId)
                .param("reason", reason)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /** What a confirmation needs to know besides the booking: when its reminder is due, and whether to text. */
    record ConfirmationSettings(Optional<Integer> reminderHours, SmsProvider smsProvider) {}

    /**
     * The hours before the start a reminder of this service goes out (the service's setting, else the
     * organization's, else {@code fallback}; empty when the one that applies turns reminders off) and the
     * organization's SMS provider ({@code SenderSettingsRepository.smsProvider}) in
     * one round trip, for the booking's transaction: a confirmed create needs both.
     */
    ConfirmationSettings confirmationSettings(UUID organizationId, UUID serviceId, int fallback) {
        return jdbc.sql("""
                        select (select r.hours_before from notification_reminder_settings r
                                 where r.organization_id = :org and (r.service_id = :service or r.service_id is null)
                                 order by r.service_id nulls last
                                 limit 1) as hours_before,
                               (select s.sms_provider from notification_sender_settings s
                                 where s.organization_id = :org) as sms_provider
                        """)
                .param("org", organizationId)
                .param("service", serviceId)
                .query((rs, n) -> {
                    int hours = rs.getInt("hours_before");
                    Optional<Integer> reminder = rs.wasNull()
                            ? Optional.of(fallback)
                            : Optional.of(hours).filter(set -> set > 0);
                    String provider = rs.getString("sms_provider");
                    return new ConfirmationSettings(
                            reminder, provider == null ? SmsProvider.NONE : SmsProvider.fromWire(provider));
                })
                .single();
    }

    /** Wakes every node's dispatcher when this transaction commits. */
    void notifyWorkers() {
        jdbc.sql("select pg_notify(:channel, '')")
                .param("channel", CHANNEL)
                .query()
                .listOfRows();
    }

    /**
     * Claims up to {@code limit} messages due by {@code now}: each claim is a lease, due again after {@code lease}
     * unless this node reports the attempt first.
     */
    List<Claim> claim(int limit, Instant now, Duration lease) {
        return jdbc.sql("""
                        with picked as (
                            select n.id
                              from notifications n
                             where n.status = 'pending' and n.next_attempt_at <= :now
                             order by n.next_attempt_at
                             limit :limit
                               for update skip locked
                        )
                        update notifications n
                           set attempts = n.attempts + 1, next_attempt_at = :lease_until, updated_at = now()
                          from picked
                         where n.id = picked.id
                        returning n.id, n.organization_id, n.reservation_id, n.waitlist_entry_id, n.kind, n.sequence,
                                  n.channel, n.recipient, n.data::text as data, n.due_at, n.attempts
                        """)
                .param("now", SqlTypes.timestamptz(now))
                .param("limit", limit)
                .param("lease_until", SqlTypes.timestamptz(now.plus(lease)))
                .query((rs, n) -> new Claim(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("reservation_id", UUID.class),
                        rs.getObject("waitlist_entry_id", UUID.class),
                        NotificationKind.fromWire(rs.getString("kind")),
                        rs.getInt("sequence"),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        rs.getString("data"),
                        SqlTypes.instant(rs, "due_at"),
                        rs.getInt("attempts")))
                .list();
    }

    /**
     * Records an attempt, unless the message was claimed again meanwhile (its lease ran out) or cancelled: the
     * later owner's report is the one that counts.
     */
    void record(Outcome outcome) {
        batch.update(RECORD, recordParameters(outcome));
    }

    /** Records several attempts in one round trip to the database, each as {@link #record} does. */
    void recordAll(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                RECORD,
                outcomes.stream().map(NotificationRepository::recordParameters).toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Gives claims back unattempted (the node ran out of time for them): due again now, with the attempt this claim
     * counted taken back. A claim taken over meanwhile is left to its new owner.
     */
    void release(List<Claim> claims, Instant now) {
        if (claims.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                """
                update notifications set attempts = attempts - 1, next_attempt_at = :now, updated_at = :now
                 where id = :id and attempts = :attempt and status = 'pending'
                """,
                claims.stream()
                        .map(claim -> new MapSqlParameterSource()
                                .addValue("now", SqlTypes.timestamptz(now))
                                .addValue("id", claim.id())
                                .addValue("attempt", claim.attempt()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource recordParameters(Outcome outcome) {
        return new MapSqlParameterSource()
                .addValue("status", outcome.status().wire())
                .addValue("next", SqlTypes.timestamptz(outcome.nextAttemptAt()))
                .addValue("provider", outcome.providerId())
                .addValue("error", outcome.error())
                .addValue("at", SqlTypes.timestamptz(outcome.at()))
                .addValue("id", outcome.claim().id())
                .addValue("attempt", outcome.claim().attempt());
    }

    /**
     * Of these (organization, contact) pairs, the ones that opted out of {@code channel}: one query for a batch of
     * messages.
     */
    Set<OrganizationContact> optedOut(Collection<OrganizationContact> contacts, String channel) {
        if (contacts.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc
                .sql("""
                        select organization_id, contact_id from notification_opt_outs
                         where channel = :channel and contact_id in (:contacts)
                        """)
                .param("channel", channel)
                .param(
                        "contacts",
                        contacts.stream()
                                .map(OrganizationContact::contactId)
                                .distinct()
                                .toList())
                .query((rs, n) -> new OrganizationContact(
                        rs.getObject("organization_id", UUID.class), rs.getObject("contact_id", UUID.class)))
                .list()
                .stream()
                .filter(contacts::contains)
                .toList());
    }

    /** A guest of an organization. */
    record OrganizationContact(UUID organizationId, UUID contactId) {}

    /**
     * Queues again the emails stored {@code not_sent} since {@code since} whose booking has not started: a mail
     * server has been configured since.
     */
    int requeueNotSent(Instant since, Instant now) {
        return jdbc.sql("""
                        update notifications
                           set status = 'pending', next_attempt_at = :now, last_error = null, updated_at = :now
                         where status = 'not_sent' and channel = 'email' and created_at >= :since
                           and starts_at > :now
                        """)
                .param("since", SqlTypes.timestamptz(since))
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    boolean optedOut(UUID organizationId, UUID contactId) {
        return optedOut(organizationId, contactId, "email");
    }

    boolean optedOut(UUID organizationId, UUID contactId, String channel) {
        if (contactId == null) {
            return false;
        }
        return jdbc.sql("""
                        select exists (select 1 from notification_opt_outs
                                        where organization_id = :org and contact_id = :contact and channel = :channel)
                        """)
                .param("org", organizationId)
                .param("contact", contactId)
                .param("channel", channel)
                .query(Boolean.class)
                .single();
    }

    /** Sets the organization's reminder hours ({@code serviceId} null) or one service's; 0 turns them off. */
    void saveReminderHours(UUID organizationId, UUID serviceId, int hours, Instant now) {
        jdbc.sql("""
                        insert into notification_reminder_settings (organization_id, service_id, hours_before, updated_at)
                        values (:org, :service, :hours, :now)
                        on conflict (organization_id, coalesce(service_id, '00000000-0000-0000-0000-000000000000'))
                        do update set hours_before = excluded.hours_before, updated_at = excluded.updated_at
                        """)
                .param("org", organizationId)
                .param("service", serviceId)
                .param("hours", hours)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /** The organization's reminder settings: its own row (service_id null) first, then the services'. */
    List<ReminderSetting> reminderSettings(UUID organizationId) {
        return jdbc.sql("""
                        select service_id, hours_before, updated_at from notification_reminder_settings
                         where organization_id = :org
                         order by service_id nulls first
                        """)
                .param("org", organizationId)
                .query((rs, n) -> new ReminderSetting(
                        rs.getObject("service_id", UUID.class),
                        rs.getInt("hours_before"),
                        SqlTypes.instant(rs, "updated_at")))
                .list();
    }

    /** Records a contact's opt-out of email; true when it is new. */
    boolean optOut(UUID organizationId, UUID contactId, Instant now) {
        return optOut(organizationId, contactId, "email", now);
    }

    /** Records a contact's opt-out of a channel ({@code email}, {@code sms}); true when it is new. */
    boolean optOut(UUID organizationId, UUID contactId, String channel, Instant now) {
        return jdbc.sql("""
                        insert into notification_opt_outs (organization_id, contact_id, channel, created_at)
                        values (:org, :contact, :channel, :now)
                        on conflict do nothing
                        """)
                        .param("org", organizationId)
                        .param("contact", contactId)
                        .param("channel", channel)
                        .param("now", SqlTypes.timestamptz(now))
                        .update()
                > 0;
    }

    /** Removes a contact's opt-out of email; true when there was one. */
    boolean optIn(UUID organizationId, UUID contactId) {
        return optIn(organizationId, contactId, "email");
    }

    /** Removes a contact's opt-out of a channel; true when there was one. */
    boolean optIn(UUID organizationId, UUID contactId, String channel) {
        return jdbc.sql("""
                        delete from notification_opt_outs
                         where organization_id = :org and contact_id = :contact and channel = :channel
                        """)
                        .param("org", organizationId)
                        .param("contact", contactId)
                        .param("channel", channel)
                        .update()
                > 0;
    }

    Optional<OptOut> findOptOut(UUID organizationId, UUID contactId) {
        return findOptOut(organizationId, contactId, "email");
    }

    Optional<OptOut> findOptOut(UUID organizationId, UUID contactId, String channel) {
        return jdbc.sql("""
                        select contact_id, channel, created_at from notification_opt_outs
                         where organization_id = :org and contact_id = :contact and channel = :channel
                        """)
                .param("org", organizationId)
                .param("contact", contactId)
                .param("channel", channel)
                .query((rs, n) -> new OptOut(
                        rs.getObject("contact_id", UUID.class),
                        rs.getString("channel"),
                        SqlTypes.instant(rs, "created_at")))
                .optional();
    }

    /**
     * Records what the provider reported about a message it accepted: {@code deliveryStatus} as it said it, and
     * when it could not deliver, the message becomes {@code failed} with {@code error}. Answers whether a message
     * of the organization carries that provider id on that channel.
     */
    boolean recordDelivery(
            UUID organizationId, String channel, String providerId, String deliveryStatus, String error, Instant now) {
        return jdbc.sql("""
                        update notifications
                           set delivery_status = :delivery,
                               status = case when cast(:error as text) is not null and status = 'sent' then 'failed'
                                             else status end,
                               last_error = coalesce(cast(:error as text), last_error),
                               updated_at = :now
                         where organization_id = :org and channel = :channel and provider_id = :provider
                        """)
                        .param("org", organizationId)
                        .param("channel", channel)
                        .param("provider", providerId)
                        .param("delivery", deliveryStatus)
                        .param("error", error)
                        .param("now", SqlTypes.timestamptz(now))
                        .update()
                > 0;
    }

    Optional<NotificationTemplate> findTemplate(
            UUID organizationId, NotificationKind kind, String locale, String channel) {
        return jdbc.sql("""
                        select * from notification_templates
                         where organization_id = :org and kind = :kind and locale = :locale and channel = :channel
                        """)
                .param("org", organizationId)
                .param("kind", kind.wire())
                .param("locale", locale)
                .param("channel", channel)
                .query(NotificationRepository::template)
                .optional();
    }

    List<NotificationTemplate> templates(UUID organizationId) {
        return jdbc.sql(
                        "select * from notification_templates where organization_id = :org order by channel, kind, locale")
                .param("org", organizationId)
                .query(NotificationRepository::template)
                .list();
    }

    /** Saves a template; {@code subject} and {@code html} are null for an SMS. */
    void saveTemplate(
            UUID organizationId,
            NotificationKind kind,
            String locale,
            String channel,
            String subject,
            String text,
            String html,
            Instant now) {
        jdbc.sql("""
                        insert into notification_templates (id, organization_id, kind, locale, channel, subject,
                                                            text_body, html_body, created_at, updated_at)
                        values (:id, :org, :kind, :locale, :channel, :subject, :text, :html, :now, :now)
                        on conflict on constraint notification_templates_key
                        do update set subject = excluded.subject, text_body = excluded.text_body,
                                      html_body = excluded.html_body, updated_at = excluded.updated_at
                        """)
                .param("id", Ids.newId())
                .param("org", organizationId)
                .param("kind", kind.wire())
                .param("locale", locale)
                .param("channel", channel)
                .param("subject", subject)
                .param("text", text)
                .param("html", html)
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    void deleteTemplate(UUID organizationId, NotificationKind kind, String locale, String channel) {
        jdbc.sql("""
                        delete from notification_templates
                         where organization_id = :org and kind = :kind and locale = :locale and channel = :channel
                        """)
                .param("channel", channel)
                .param("org", organizationId)
                .param("kind", kind.wire())
                .param("locale", locale)
                .update();
    }

    private static NotificationTemplate template(ResultSet rs, int n) throws SQLException {
        return new NotificationTemplate(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                NotificationKind.fromWire(rs.getString("kind")),
                rs.getString("locale"),
                rs.getString("channel"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }

    Optional<Notification> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications n where n.id = :id")
                .param("id", id)
                .query(NotificationRepository::notification)
                .optional();
    }

    Page<Notification> list(ListQuery query, UUID organizationId) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "notifications n",
                "n.organization_id = :scope_org",
                Map.of("scope_org", organizationId),
                NotificationRepository::notification);
    }

    private static Notification notification(ResultSet rs, int n) throws SQLException {
        return new Notification(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("reservation_id", UUID.class),
                rs.getObject("waitlist_entry_id", UUID.class),
                NotificationKind.fromWire(rs.getString("kind")),
                rs.getInt("sequence"),
                rs.getString("channel"),
                rs.getString("recipient"),
                NotificationStatus.fromWire(rs.getString("status")),
                SqlTypes.instant(rs, "due_at"),
                SqlTypes.instant(rs, "next_attempt_at"),
                rs.getInt("attempts"),
                rs.getString("provider_id"),
                rs.getString("delivery_status"),
                rs.getString("last_error"),
                SqlTypes.instant(rs, "sent_at"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}
