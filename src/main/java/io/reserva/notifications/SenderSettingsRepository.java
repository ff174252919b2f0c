package io.reserva.notifications;

import io.reserva.shared.SqlTypes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each organization's sender settings; the credentials are stored sealed and only this module opens them. */
@Repository
class SenderSettingsRepository {

    /** A row as stored: {@code twilioAuthToken} and {@code webhookSecret} are sealed (or null). */
    record Stored(
            UUID organizationId,
            String emailFrom,
            String emailReplyTo,
            SmsProvider smsProvider,
            String smsFrom,
            String twilioAccountSid,
            String twilioMessagingServiceSid,
            String twilioAuthToken,
            String webhookUrl,
            String webhookSecret,
            Instant updatedAt) {

        static Stored none(UUID organizationId) {
            return new Stored(organizationId, null, null, SmsProvider.NONE, null, null, null, null, null, null, null);
        }
    }

    private final JdbcClient jdbc;

    SenderSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The context a credential is sealed for: a sealed value copied to another row or column does not open. */
    static String secretContext(UUID organizationId, String column) {
        return "notification_sender_settings:" + organizationId + ":" + column;
    }

    Optional<Stored> find(UUID organizationId) {
        return jdbc.sql("select * from notification_sender_settings where organization_id = :org")
                .param("org", organizationId)
                .query((rs, n) -> new Stored(
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("email_from"),
                        rs.getString("email_reply_to"),
                        SmsProvider.fromWire(rs.getString("sms_provider")),
                        rs.getString("sms_from"),
                        rs.getString("twilio_account_sid"),
                        rs.getString("twilio_messaging_service_sid"),
                        rs.getString("twilio_auth_token"),
                        rs.getString("webhook_url"),
                        rs.getString("webhook_secret"),
                        SqlTypes.instant(rs, "updated_at")))
                .optional();
    }

    /** Which SMS provider the organization uses (none without a row), cheaply, for the booking's transaction. */
    SmsProvider smsProvider(UUID organizationId) {
        return jdbc.sql("select sms_provider from notification_sender_settings where organization_id = :org")
                .param("org", organizationId)
                .query(String.class)
                .optional()
                .map(SmsProvider::fromWire)
                .orElse(SmsProvider.NONE);
    }

    void save(Stored settings, Instant now) {
        jdbc.sql("""
                        insert into notification_sender_settings
                               (organization_id, email_from, email_reply_to, sms_provider, sms_from, twilio_account_sid,
                                twilio_messaging_service_sid, twilio_auth_token, webhook_url, webhook_secret,
                                created_at, updated_at)
                        values (:org, :email_from, :email_reply_to, :sms_provider, :sms_from, :twilio_account_sid,
                                :twilio_messaging_service_sid, :twilio_auth_token, :webhook_url, :webhook_secret,
                                :now, :now)
                        on conflict (organization_id) do update
                           set email_from = excluded.email_from, email_reply_to = excluded.email_reply_to,
                               sms_provider = excluded.sms_provider, sms_from = excluded.sms_from,
                               twilio_account_sid = excluded.twilio_account_sid,
                               twilio_messaging_service_sid = excluded.twilio_messaging_service_sid,
                               twilio_auth_token = excluded.twilio_auth_token, webhook_url = excluded.webhook_url,
                               webhook_secret = excluded.webhook_secret, updated_at = excluded.updated_at
                        """)
                .param("org", settings.organizationId())
                .param("email_from", settings.emailFrom())
                .param("email_reply_to", settings.emailReplyTo())
                .param("sms_provider", settings.smsProvider().wire())
                .param("sms_from", settings.smsFrom())
                .param("twilio_account_sid", settings.twilioAccountSid())
                .param("twilio_messaging_service_sid", settings.twilioMessagingServiceSid())
                .param("twilio_auth_token", settings.twilioAuthToken())
                .param("webhook_url", settings.webhookUrl())
                .param("webhook_secret", settings.webhookSecret())
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }
}
