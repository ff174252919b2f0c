package io.reserva.notifications;

import java.util.UUID;

/**
 * Sends one SMS through a provider. Implementations never throw for a refusal or an unreachable provider: they
 * answer what the attempt came to, and whether trying again later may succeed.
 */
interface SmsSender {

    /** What one SMS says and where it goes. */
    record OutgoingSms(
            UUID messageId,
            UUID reservationId,
            NotificationKind kind,
            String to,
            String body,
            String statusCallbackUrl) {}

    /** What a send came to. */
    sealed interface Result permits Accepted, Refused {}

    /** The provider took the message; {@code providerId} names it in its status callbacks. */
    record Accepted(String providerId) implements Result {}

    /** Not taken; {@code isTransient} when trying again later may succeed (unreachable, busy, bad credentials). */
    record Refused(String reason, boolean isTransient) implements Result {}

    SmsProvider provider();

    Result send(SenderSettingsManagement.SmsAccount account, OutgoingSms sms);
}
