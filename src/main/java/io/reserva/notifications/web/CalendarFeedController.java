package io.reserva.notifications.web;

import io.reserva.notifications.CalendarFeed;
import io.reserva.notifications.CalendarFeeds;
import io.reserva.notifications.IssuedCalendarFeed;
import io.reserva.notifications.NewCalendarFeed;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Creating, listing and revoking calendar feeds (the feed itself is {@link CalendarDocumentController}). */
@RestController
@Tag(name = "Calendar feeds")
class CalendarFeedController {

    private final CalendarFeeds feeds;

    CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @PostMapping("/calendar-feeds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a secret calendar feed of the organization's bookings, one resource's or one staff"
                    + " user's. Admin keys; a signed-in user may create their own (user_id)",
            description = "The answer holds the token and the path /calendars/{token}.ics once; only a hash is kept."
                    + " A user's feed shows the bookings of every person resource whose user_id is that user, looked"
                    + " up when the feed is read. A resource that is not the organization's is 422 naming"
                    + " resource_id; a user who is not its member, or both resource_id and user_id, 422 naming"
                    + " user_id.")
    IssuedCalendarFeed create(Caller caller, @RequestBody NewCalendarFeed request) {
        return feeds.create(caller, request);
    }

    @GetMapping("/calendar-feeds")
    @Operation(summary = "The organization's calendar feeds, revoked ones included (tokens are never shown again)")
    List<CalendarFeed> list(
            Caller caller, @RequestParam(name = "organization_id", required = false) UUID organizationId) {
        return feeds.list(caller, organizationId);
    }

    @DeleteMapping("/calendar-feeds/{id}")
    @Operation(
            summary = "Revoke a calendar feed: its URL answers 404 from now on. Admin keys; a signed-in user may"
                    + " revoke their own")
    @ApiResponse(
            responseCode = "200",
            description = "The feed, revoked",
            content = @Content(schema = @Schema(implementation = CalendarFeed.class)))
    CalendarFeed revoke(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(name = "organization_id", required = false) UUID organizationId) {
        return feeds.revoke(caller, id, organizationId);
    }
}
