package io.reserva.notifications.web;

import io.reserva.notifications.GuestCalendarFile;
import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** "Add to calendar" on a booking page's confirmation and manage page: the guest's token is the permission. */
@RestController
@PublicEndpoint
@Tag(name = "Public booking pages")
class GuestCalendarFileController {

    private final GuestCalendarFile files;

    GuestCalendarFileController(GuestCalendarFile files) {
        this.files = files;
    }

    @GetMapping("/public/booking-links/{organization_id}/{slug}/bookings/{token}/calendar.ics")
    @Operation(
            summary = "The guest's booking as a calendar file (iCalendar, METHOD:PUBLISH). No API key.",
            description = "One event with the same UID as the invites of the guest's emails and the SEQUENCE they"
                    + " reached; STATUS:CANCELLED once the booking is cancelled. Works with the token the page"
                    + " gave and with the manage link of an email until it expires; otherwise 404.")
    @ApiResponse(
            responseCode = "200",
            description = "The calendar file",
            content =
                    @Content(
                            mediaType = "text/calendar",
                            schema = @Schema(type = "string"),
                            examples =
                                    @ExampleObject(
                                            value = "BEGIN:VCALENDAR\r\nPRODID:-//Reserva//Calendar feed//EN\r\n"
                                                    + "VERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
                                                    + "BEGIN:VEVENT\r\nDTSTART:20270328T183000Z\r\n"
                                                    + "DTEND:20270328T203000Z\r\nSUMMARY:Dinner · Trattoria Sole\r\n"
                                                    + "UID:reservation-0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b@reserva\r\n"
                                                    + "SEQUENCE:0\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\n"
                                                    + "END:VCALENDAR\r\n")))
    ResponseEntity<String> file(
            @Parameter(example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b") @PathVariable("organization_id")
                    UUID organizationId,
            @Parameter(example = "dinner") @PathVariable String slug,
            @Parameter(
                            description = "The guest's private manage token",
                            example = "q3Zf0Zq8W2m0b1ZyK4mQzq3Zf0Zq8W2m0b1ZyK4mQzq")
                    @PathVariable
                    String token) {
        String body = files.render(organizationId, slug, token);
        return ResponseEntity.ok()
                .contentType(CalendarDocumentController.CALENDAR)
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename("booking.ics")
                                .build()
                                .toString())
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(body);
    }
}
