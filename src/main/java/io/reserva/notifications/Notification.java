package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One message to a guest, as the message log shows it. */
@Schema(name = "Notification")
public record Notification(
        UUID id,
        UUID organizationId,

        @Schema(description = "The reservation it is about; null for a waitlist message")
        UUID reservationId,

        @Schema(description = "The waitlist entry it is about; null unless a waitlist message")
        UUID waitlistEntryId,

        NotificationKind kind,

        @Schema(description = "The calendar invite's SEQUENCE this message carries", example = "1")
        int sequence,

        @Schema(description = "email or sms", example = "email")
        String channel,

        @Schema(
                description = "The email address, or the phone number (E.164) of an SMS",
                example = "ana.garcia@example.com")
        String recipient,

        NotificationStatus status,

        @Schema(description = "When it is (or was) due; for reminders, the set hours before the start")
        Instant dueAt,

        @Schema(description = "When the next attempt is due; null unless pending")
        Instant nextAttemptAt,

        @Schema(example = "1") int attempts,

        @Schema(description = "The mail server's id for the message (its Message-ID), or the SMS provider's")
        String providerId,

        @Schema(
                description = "What the SMS provider last reported after accepting it (its status callback);"
                        + " null until it reports",
                example = "delivered")
        String deliveryStatus,

        @Schema(
                description = "Why the last attempt failed, or why it was not sent",
                example = "no mail server configured")
        String error,

        Instant sentAt,
        Instant createdAt,
        Instant updatedAt) {}
