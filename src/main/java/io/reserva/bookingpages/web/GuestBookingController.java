package io.reserva.bookingpages.web;

import io.reserva.bookingpages.GuestBookingCommands;
import io.reserva.bookingpages.GuestBookingPage;
import io.reserva.bookingpages.GuestModels.CancelRequest;
import io.reserva.bookingpages.GuestModels.GuestBooking;
import io.reserva.bookingpages.GuestModels.GuestDetails;
import io.reserva.bookingpages.GuestModels.GuestWaitlistEntry;
import io.reserva.bookingpages.GuestModels.HoldRequest;
import io.reserva.bookingpages.GuestModels.PublicBookingPage;
import io.reserva.bookingpages.GuestModels.PublicSlots;
import io.reserva.bookingpages.GuestModels.RescheduleRequest;
import io.reserva.bookingpages.GuestModels.WaitlistJoinRequest;
import io.reserva.bookingpages.GuestWaitlist;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.SupportedDates;
import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API behind a booking page: no API key, everything scoped to one active link, only public fields.
 * Anonymous callers are rate limited per client address by the API's rate limit filter.
 */
@RestController
@PublicEndpoint
@RequestMapping("/public/booking-links/{organization_id}/{slug}")
@Tag(
        name = "Public booking pages",
        description = "What a booking page calls, without an API key: rate limited per client address")
class GuestBookingController {

    private static final Set<String> SLOT_PARAMETERS =
            Set.of("service_id", "party_size", "date", "start_date", "end_date", "area_id");

    private final GuestBookingPage pages;
    private final GuestBookingCommands bookings;
    private final GuestWaitlist waitlist;

    GuestBookingController(GuestBookingPage pages, GuestBookingCommands bookings, GuestWaitlist waitlist) {
        this.pages = pages;
        this.bookings = bookings;
        this.waitlist = waitlist;
    }

    @ModelAttribute
    void privateAnswers(HttpServletResponse response) {
        // Availability changes by the second and bookings are private: nothing here is cached anywhere.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    @GetMapping
    @Operation(
            summary = "A booking page: its texts, branding, services and the custom fields to ask for",
            description = "An unknown or inactive link is 404 not_found.")
    PublicBookingPage page(@PathVariable("organization_id") String organizationId, @PathVariable String slug) {
        return pages.page(organization(organizationId), slug);
    }

    @GetMapping("/slots")
    @Operation(
            summary = "Free start times of one of the link's services, per day, for a date or a range",
            description = "Dates are local to the service; a day with nothing bookable says why (closed,"
                    + " fully_booked, outside_booking_window, party_too_large, party_too_small). A range covers at"
                    + " most 62 days.")
    PublicSlots slots(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            HttpServletRequest request,
            @Parameter(required = true) @RequestParam(name = "service_id", required = false) String serviceId,
            @Parameter(example = "2", schema = @Schema(type = "integer", minimum = "1"))
                    @RequestParam(name = "party_size", required = false)
                    String partySize,
            @Parameter(description = "One local date", example = "2027-03-28")
                    @RequestParam(name = "date", required = false)
                    String date,
            @Parameter(description = "Range: first local date", example = "2027-03-01")
                    @RequestParam(name = "start_date", required = false)
                    String startDate,
            @Parameter(description = "Range: last local date", example = "2027-03-31")
                    @RequestParam(name = "end_date", required = false)
                    String endDate,
            @Parameter(
                            description = "One of the page's areas: only the starts where a party asking for it sits"
                                    + " there; another area is 400 invalid_query naming area_id",
                            example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
                    @RequestParam(name = "area_id", required = false)
                    String areaId) {
        UUID organization = organization(organizationId);
        List<FieldError> errors = new ArrayList<>();
        for (String name : request.getParameterMap().keySet()) {
            if (!SLOT_PARAMETERS.contains(name)) {
                errors.add(new FieldError(name, "is not a parameter of this endpoint"));
            }
        }
        UUID service = null;
        if (serviceId == null) {
            errors.add(new FieldError("service_id", "is required"));
        } else {
            try {
                service = UUID.fromString(serviceId);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("service_id", "must be a UUID"));
            }
        }
        UUID area = null;
        if (areaId != null) {
            try {
                area = UUID.fromString(areaId);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("area_id", "must be a UUID"));
            }
        }
        int party = 1;
        if (partySize != null) {
            try {
                party = Integer.parseInt(partySize);
                if (party < 1 || party > 1000) {
                    errors.add(new FieldError("party_size", "must be 1 to 1000"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("party_size", "must be a whole number"));
            }
        }
        LocalDate first = null;
        LocalDate last = null;
        if (date != null && (startDate != null || endDate != null)) {
            errors.add(new FieldError("date", "give either date or start_date and end_date, not both"));
        } else if (date != null) {
            first = parseDate("date", date, errors);
            last = first;
        } else if (startDate == null || endDate == null) {
            errors.add(
                    new FieldError(startDate == null ? "start_date" : "end_date", "is required (or date for one day)"));
        } else {
            first = parseDate("start_date", startDate, errors);
            last = parseDate("end_date", endDate, errors);
        }
        if (!errors.isEmpty()) {
            throw new ReservaException(
                    ErrorCode.INVALID_QUERY,
                    String.join(
                            "; ",
                            errors.stream()
                                    .map(e -> e.field() + " " + e.message())
                                    .toList()),
                    errors);
        }
        return pages.slots(organization, slug, service, party, first, last, area);
    }

    @PostMapping("/holds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Hold a start while the guest gives their details",
            description = "Answers the private token that confirms the hold and later manages the booking. A start"
                    + " taken in the meantime is 409 slot_unavailable with nearest_available_starts. A"
                    + " seating_preference must be one of the page's areas (422 naming seating_preference).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = HoldRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "hold",
                                                            value =
                                                                    "{\"service_id\": \"0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b\","
                                                                            + " \"party_size\": 2, \"start_datetime\": \"2027-03-28T18:30:00Z\","
                                                                            + " \"seating_preference\": \"0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b\","
                                                                            + " \"custom_fields_by_key\": {\"occasion\": \"birthday\"}}"))))
    GuestBooking hold(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            @Valid @RequestBody HoldRequest request) {
        return bookings.hold(organization(organizationId), slug, request);
    }

    @GetMapping("/bookings/{token}")
    @Operation(summary = "The guest's booking behind their private token")
    GuestBooking booking(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            @PathVariable String token) {
        return bookings.booking(organization(organizationId), slug, token);
    }

    @PostMapping("/bookings/{token}/confirm")
    @Operation(
            summary = "Confirm a hold with the guest's details",
            description = "Pending when the service requires confirmation, else confirmed. A lapsed hold is 409"
                    + " hold_expired: hold a start again, the details can be sent again as they were.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = GuestDetails.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "confirm",
                                                            value =
                                                                    "{\"contact\": {\"first_name\": \"Ana\", \"last_name\": \"García\","
                                                                            + " \"email\": \"ana@example.com\", \"phone\": \"+34 612 345 678\"},"
                                                                            + " \"customer_notes\": \"A high chair, please\","
                                                                            + " \"policy_accepted\": true}"))))
    GuestBooking confirm(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            @PathVariable String token,
            @Valid @RequestBody GuestDetails details) {
        return bookings.confirm(organization(organizationId), slug, token, details);
    }

    @PostMapping("/bookings/{token}/cancel")
    @Operation(
            summary = "Cancel as the guest",
            description = "The service's allow_cancellation and cancellation_deadline_hours apply: 409"
                    + " outside_cancellation_window otherwise.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = CancelRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "cancel",
                                                            value = "{\"reason\": \"Plans changed\"}"))))
    GuestBooking cancel(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            @PathVariable String token,
            @Valid @RequestBody CancelRequest request) {
        return bookings.cancel(organization(organizationId), slug, token, request.reason());
    }

    @PostMapping("/bookings/{token}/reschedule")
    @Operation(
            summary = "Move the booking to another free start of the same service",
            description = "Allowed while the guest could still cancel (the same policy); a start that is not free"
                    + " is 409 slot_unavailable and the booking keeps its place.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = RescheduleRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "reschedule",
                                                            value = "{\"start_datetime\": \"2027-03-29T18:30:00Z\"}"))))
    GuestBooking reschedule(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            @PathVariable String token,
            @Valid @RequestBody RescheduleRequest request) {
        return bookings.reschedule(organization(organizationId), slug, token, request);
    }

    @PostMapping("/waitlist")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Join the waitlist from the page",
            description = "Only when the link's page_config.waitlist allows it (else 404 not_found): kind later (a"
                    + " local date and a window of starts, when nothing on that day suits the guest) or, with"
                    + " later_and_now, kind now (today's queue at the door). First name and phone are required."
                    + " Answers the private token of the guest's status page, shown this once. Refusals as for"
                    + " /waitlist-entries: 422 validation_failed or day_closed, 409 waitlist_full or"
                    + " already_on_waitlist.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = WaitlistJoinRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "later",
                                                            value =
                                                                    "{\"service_id\": \"0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b\","
                                                                            + " \"party_size\": 2, \"kind\": \"later\", \"date\": \"2027-03-28\","
                                                                            + " \"window_start\": \"19:30\", \"window_end\": \"21:30\","
                                                                            + " \"contact\": {\"first_name\": \"Ana\", \"phone\": \"+34 612 345 678\"}}"))))
    GuestWaitlistEntry joinWaitlist(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            @Valid @RequestBody WaitlistJoinRequest request) {
        return waitlist.join(organization(organizationId), slug, request);
    }

    @GetMapping("/waitlist/{token}")
    @Operation(
            summary = "The guest's waitlist entry behind their private token",
            description = "Place in the queue, the quoted seat time range (now entries), the offer (later entries)."
                    + " An unknown token is 404 not_found.")
    GuestWaitlistEntry waitlistEntry(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            @PathVariable String token) {
        return waitlist.entry(organization(organizationId), slug, token);
    }

    @PostMapping("/waitlist/{token}/cancel")
    @Operation(
            summary = "Leave the waitlist",
            description = "An entry that already left the list is 409 invalid_transition.")
    GuestWaitlistEntry leaveWaitlist(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            @PathVariable String token) {
        return waitlist.cancel(organization(organizationId), slug, token);
    }

    @PostMapping("/waitlist/{token}/accept")
    @Operation(
            summary = "Accept the start on offer: a confirmed booking",
            description = "The answer carries the booking's confirmation_code and manage_path (the same token). A"
                    + " lapsed offer is 409 offer_expired; no open offer (none made, or answered already) is 409"
                    + " no_open_offer. Either way the entry keeps its place in the queue.")
    GuestWaitlistEntry acceptOffer(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            @PathVariable String token) {
        return waitlist.accept(organization(organizationId), slug, token);
    }

    @PostMapping("/waitlist/{token}/decline")
    @Operation(
            summary = "Decline the start on offer",
            description = "The start passes to the next guest; this one keeps waiting and is not offered that start"
                    + " again. 409 offer_expired or no_open_offer as for accepting.")
    GuestWaitlistEntry declineOffer(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String slug,
            @PathVariable String token) {
        return waitlist.decline(organization(organizationId), slug, token);
    }

    /** A malformed organization id cannot name a page: the same 404 as any other unknown page. */
    static UUID organization(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ReservaException(ErrorCode.NOT_FOUND, "There is no active booking page at this address");
        }
    }

    private static LocalDate parseDate(String field, String value, List<FieldError> errors) {
        try {
            return SupportedDates.parseDate(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date, YYYY-MM-DD"));
            return null;
        }
    }
}
