package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A guest who asked for no email (or no SMS): they get none on that channel, transactional messages included. */
@Schema(name = "NotificationOptOut")
public record OptOut(
        UUID contactId, @Schema(example = "email") String channel, Instant createdAt) {}
