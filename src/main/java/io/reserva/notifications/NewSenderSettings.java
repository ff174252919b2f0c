package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * An organization's sender settings to save. Every field is replaced, except the two credentials: left out (or
 * null) they keep what is stored, an empty string removes them.
 */
public record NewSenderSettings(
        @Schema(description = "Only for platform keys", example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "bookings@casa-lucia.example") String emailFrom,
        @Schema(example = "hello@casa-lucia.example") String emailReplyTo,

        @Schema(
                description = "none (default), twilio or webhook",
                allowableValues = {"none", "twilio", "webhook"},
                example = "twilio")
        String smsProvider,

        @Schema(
                description = "E.164 number or alphanumeric sender id (1 to 11 letters and digits, at least one"
                        + " letter); with Twilio, this or twilio_messaging_service_sid is required",
                example = "+34600000000")
        String smsFrom,

        @Schema(
                description = "Required with twilio: AC and 32 hex digits",
                example = "AC0123456789abcdef0123456789abcdef")
        String twilioAccountSid,

        @Schema(description = "Sends through a Messaging Service instead of one number: MG and 32 hex digits")
        String twilioMessagingServiceSid,

        @Schema(
                description = "Write-only; sealed when stored, never returned. Required with twilio unless stored",
                example = "0123456789abcdef0123456789abcdef")
        String twilioAuthToken,

        @Schema(
                description = "Required with webhook: where each SMS is posted (http or https)",
                example = "https://sms-gateway.example.com/send")
        String webhookUrl,

        @Schema(
                description = "Write-only, at least 16 characters; signs the webhook's requests and checks its"
                        + " callbacks. Sealed when stored, never returned. Required with webhook unless stored",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String webhookSecret) {}
