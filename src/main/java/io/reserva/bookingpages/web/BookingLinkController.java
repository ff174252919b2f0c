package io.reserva.bookingpages.web;

import io.reserva.bookingpages.BookingLink;
import io.reserva.bookingpages.BookingLinkChanges;
import io.reserva.bookingpages.BookingLinkManagement;
import io.reserva.bookingpages.NewBookingLink;
import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/reservation-booking-links")
@Tag(name = "Reservation booking links", description = "Public booking pages at /b/{organization_id}/{slug}")
class BookingLinkController {

    static final String EXAMPLE = """
            {"name": "Dinner page", "slug": "dinner", "mode": "selected_services", "is_active": true,
             "area_ids": ["0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b", "0192f3c4-6666-7f80-9a1b-2c3d4e5f6a7b"],
             "page_config": {"hero_title": "Book a table", "hero_subtitle": "Fresh pasta every evening",
               "policy_text": "Cancel up to 24 hours before for free.", "thank_you_message": "See you soon!",
               "logo_url": "https://cdn.example.com/logo.png", "primary_color": "#1f6feb",
               "booking_service_ids": ["0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b"], "locale": "es"}}
            """;

    private final BookingLinkManagement management;

    BookingLinkController(BookingLinkManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List booking links; searchTerm looks in name and slug")
    Page<BookingLink> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, BookingLinkManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a booking link")
    BookingLink get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a booking link",
            description = "slug is unique in the organization (409 conflict naming slug when taken); service_id is"
                    + " required for single_service, page_config.booking_service_ids for selected_services;"
                    + " area_ids lists the organization's areas guests may choose from (422 naming area_ids[i] for"
                    + " an unknown or foreign one, area_ids for a repeat)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = NewBookingLink.class),
                                            examples = @ExampleObject(name = "selected services", value = EXAMPLE))))
    BookingLink create(Caller caller, @RequestBody NewBookingLink request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change a booking link; fields left out are kept, a page_config sent replaces the config",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = BookingLinkChanges.class),
                                            examples = {
                                                @ExampleObject(name = "deactivate", value = "{\"is_active\": false}"),
                                                @ExampleObject(
                                                        name = "offer areas",
                                                        value =
                                                                "{\"area_ids\": [\"0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b\"]}")
                                            })))
    BookingLink update(Caller caller, @PathVariable UUID id, Patch<BookingLinkChanges> patch) {
        return management.update(caller, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a booking link; its reservations stay, their manage links stop working")
    BookingLink delete(Caller caller, @PathVariable UUID id) {
        return management.delete(caller, id);
    }
}
