package io.reserva.notifications.web;

import io.reserva.notifications.CalendarFeeds;
import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The public end of a calendar feed: no API key, the secret token in the path is the permission. */
@RestController
@PublicEndpoint
@Tag(name = "Calendar feeds")
class CalendarDocumentController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CalendarFeeds feeds;

    CalendarDocumentController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/calendars/{token}.ics")
    @Operation(
            summary = "A calendar feed (iCalendar, METHOD:PUBLISH), for calendar apps to subscribe to. No API key.",
            description = "Upcoming pending, confirmed and seated bookings, and those cancelled in the last 7 days as"
                    + " STATUS:CANCELLED. ETag and Last-Modified are set; a matching If-None-Match (or, without"
                    + " it, an If-Modified-Since not before Last-Modified) is 304. An unknown or revoked token is 404.")
    @ApiResponse(
            responseCode = "200",
            description = "The feed",
            content =
                    @Content(
                            mediaType = "text/calendar",
                            schema = @Schema(type = "string"),
                            examples =
                                    @ExampleObject(
                                            value = "BEGIN:VCALENDAR\r\nPRODID:-//Reserva//Calendar feed//EN\r\n"
                                                    + "VERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
                                                    + "BEGIN:VEVENT\r\nDTSTART:20270328T183000Z\r\n"
                                                    + "DTEND:20270328T203000Z\r\nSUMMARY:Dinner: Ana Ruiz (4)\r\n"
                                                    + "UID:reservation-0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b@reserva\r\n"
                                                    + "SEQUENCE:0\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\n"
                                                    + "END:VCALENDAR\r\n")))
    @ApiResponse(responseCode = "304", description = "Not changed since the ETag or date the client sent")
    ResponseEntity<String> document(
            @Parameter(
                            description = "The feed's secret token",
                            example = "cal_3q2-7wEvdS0mH1Xz8H2yQk9sB4cU6eV5tR0pL1oN2mA")
                    @PathVariable
                    String token,
            WebRequest request) {
        CalendarFeeds.Document document = feeds.render(token);
        Instant lastModified = document.lastModified();
        if (request.checkNotModified(document.etag(), lastModified.toEpochMilli())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(document.etag())
                    .lastModified(lastModified)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .eTag(document.etag())
                .lastModified(lastModified)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(document.body());
    }
}
