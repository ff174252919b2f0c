package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A secret calendar feed: an organization's bookings, or one resource's. Its token is shown only at creation. */
public record CalendarFeed(
        UUID id,
        UUID organizationId,

        @Schema(description = "The resource whose bookings the feed shows; null for the whole organization")
        UUID resourceId,

        @Schema(example = "Terrace for the floor manager") String name,
        Instant createdAt,

        @Schema(description = "When the feed was revoked; its URL answers 404 from then on")
        Instant revokedAt) {}
