package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * An organization's sender settings as the API shows them: the credentials are never returned, only whether
 * they are set.
 */
@Schema(name = "NotificationSenderSettings")
public record SenderSettings(
        UUID organizationId,

        @Schema(
                description = "The From address of guest emails; null: the installation's (RESERVA_NOTIFICATIONS_FROM)",
                example = "bookings@casa-lucia.example")
        String emailFrom,

        @Schema(
                description = "Where guests' replies go; null: the organization's email",
                example = "hello@casa-lucia.example")
        String emailReplyTo,

        SmsProvider smsProvider,

        @Schema(description = "The number (E.164) or alphanumeric sender id SMS come from", example = "+34600000000")
        String smsFrom,

        @Schema(example = "AC0123456789abcdef0123456789abcdef")
        String twilioAccountSid,

        @Schema(example = "MG0123456789abcdef0123456789abcdef")
        String twilioMessagingServiceSid,

        @Schema(description = "Whether a Twilio auth token is stored (it is never shown)", example = "true")
        boolean twilioAuthTokenSet,

        @Schema(example = "https://sms-gateway.example.com/send")
        String webhookUrl,

        @Schema(description = "Whether a webhook signing secret is stored (it is never shown)", example = "false")
        boolean webhookSecretSet,

        @Schema(
                description = "The path providers post delivery statuses to (Twilio's StatusCallback, or the"
                        + " webhook's status_callback_url), below this server's public address",
                example = "/sms/twilio/0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b/status")
        String statusCallbackPath,

        @Schema(
                description = "The path to configure as the provider's inbound-message webhook (STOP and START)",
                example = "/sms/twilio/0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b/inbound")
        String inboundPath,

        Instant updatedAt) {}
