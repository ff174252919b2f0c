package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A secret calendar feed: an organization's bookings, one resource's, or one staff user's (every person resource
 * that names the user). Its token is shown only at creation.
 */
public record CalendarFeed(
        UUID id,
        UUID organizationId,

        @Schema(description = "The resource whose bookings the feed shows; null for the whole organization")
        UUID resourceId,

        @Schema(
                description = "The staff user whose bookings the feed shows (those of every person resource naming"
                        + " them); null for a resource or the whole organization")
        UUID userId,

        @Schema(example = "Terrace for the floor manager") String name,
        Instant createdAt,

        @Schema(description = "When the feed was revoked; its URL answers 404 from then on")
        Instant revokedAt) {}
