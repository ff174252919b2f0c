package io.reserva.google;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * How the Google channel is doing: the last feed run, the latest real-time updates and the last requests Google
 * made to this node. An organization's admins see their own updates and the feed run without other merchants'
 * details; platform keys see everything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "GoogleIntegrationStatus")
public record GoogleIntegrationStatus(
        @Schema(description = "The last feed run; null before the first")
        FeedRun lastFeed,

        @Schema(description = "Whether real-time updates are configured (partner id and service account key)")
        boolean realTimeUpdatesEnabled,

        @Schema(description = "The latest real-time updates, newest first (at most 50)")
        List<RealTimeUpdate> realTimeUpdates,

        @Schema(description = "Platform keys only: the last requests Google made to this node, newest first")
        List<GoogleRequests.GoogleRequest> recentRequests) {}
