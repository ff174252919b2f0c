package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A guest who followed the unsubscribe link of an email: they get no reminders and no hold-expired notes from the
 * organization; what they booked, changed or had cancelled is still told.
 */
@Schema(name = "NotificationUnsubscribe")
public record Unsubscribe(
        @Schema(example = "0190f3a2-7c41-7d55-9c1e-2b5f8a6d3e10")
        UUID contactId,

        @Schema(example = "2027-03-20T09:15:00Z") Instant createdAt) {}
