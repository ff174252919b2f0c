package io.reserva.google.web;

import io.reserva.google.BookingServer;
import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Google's Actions Center booking server, v3, at {@code reserva.google.base-path}. No API key: the partner
 * credential (HTTP Basic) is checked by {@link PartnerAuthenticationFilter} before a request gets here. Bodies are
 * read as text and parsed by the proto3 JSON rules in the module, not by the API's strict reader: Google writes
 * 64-bit integers as strings and adds fields over time.
 */
@RestController
@PublicEndpoint
@SecurityRequirements
@RequestMapping(path = "${reserva.google.base-path:/google/v3}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Google booking server (v3)",
        description = "Called by Google's Actions Center with HTTP Basic partner credentials (see"
                + " /google-integration/partner-credentials). Messages of Google's v3 reference in proto3 JSON:"
                + " snake_case, 64-bit integers as strings (numbers accepted). Business failures are 200 with"
                + " booking_failure; malformed requests 400 invalid_argument, unknown merchant, service or booking"
                + " 404, bad credentials 401")
class BookingServerController {

    static final String SLOT = """
            {"merchant_id": "merchant-1234", "service_id": "dinner", "start_sec": "1806519600",
             "duration_sec": "5400", "resources": {"party_size": 2}}""";

    static final String CHECK = "{\"slot\": " + SLOT + "}";

    static final String BATCH = """
            {"merchant_id": "merchant-1234", "slot_time": [
              {"service_id": "dinner", "start_sec": "1806519600", "duration_sec": "5400", "resource_ids": {"party_size": 2}},
              {"service_id": "dinner", "start_sec": 1806523200, "duration_sec": 5400, "resource_ids": {"party_size": 2}}]}""";

    static final String CREATE = "{\"slot\": " + SLOT + """
            , "user_information": {"user_id": "110000000000000000001", "given_name": "Ana", "family_name": "García",
              "telephone": "+34612345678", "email": "ana@example.com"},
             "idempotency_token": "8ad2c9d1-5d8e-4a62-9d4f-4b1e2f0c7a11"}""";

    static final String UPDATE = """
            {"booking": {"booking_id": "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b", "status": "CANCELED"}}""";

    static final String STATUS = "{\"booking_id\": \"0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b\"}";

    static final String LIST = "{\"user_id\": \"110000000000000000001\"}";

    static final String MARKETING = """
            {"user_information": {"user_id": "110000000000000000001", "given_name": "Ana", "family_name": "García",
              "telephone": "+34612345678", "email": "ana@example.com"}, "user_to_receive_marketing": true}""";

    private final BookingServer server;

    BookingServerController(BookingServer server) {
        this.server = server;
    }

    @GetMapping({"/HealthCheck", "/HealthCheck/"})
    @Operation(summary = "HealthCheck: 200 while the server can answer")
    Map<String, Object> healthCheck() {
        return server.healthCheck();
    }

    @PostMapping({"/CheckAvailability", "/CheckAvailability/"})
    @Operation(
            summary = "CheckAvailability: whether one slot can be booked now",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(type = "object"),
                                            examples = @ExampleObject(name = "dinner for two", value = CHECK))))
    Map<String, Object> checkAvailability(@RequestBody(required = false) String body) {
        return server.checkAvailability(body);
    }

    @PostMapping({"/BatchAvailabilityLookup", "/BatchAvailabilityLookup/"})
    @Operation(
            summary = "BatchAvailabilityLookup: one answer per slot time asked, in order",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(type = "object"),
                                            examples = @ExampleObject(name = "two starts", value = BATCH))))
    Map<String, Object> batchAvailabilityLookup(@RequestBody(required = false) String body) {
        return server.batchAvailabilityLookup(body);
    }

    @PostMapping({"/CreateBooking", "/CreateBooking/"})
    @Operation(
            summary = "CreateBooking: book the slot; the same idempotency_token answers the same booking",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(type = "object"),
                                            examples = @ExampleObject(name = "dinner for two", value = CREATE))))
    Map<String, Object> createBooking(@RequestBody(required = false) String body) {
        return server.createBooking(body);
    }

    @PostMapping({"/UpdateBooking", "/UpdateBooking/"})
    @Operation(
            summary = "UpdateBooking: cancel (status CANCELED), or move to another start_sec and/or party_size",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(type = "object"),
                                            examples = @ExampleObject(name = "cancel", value = UPDATE))))
    Map<String, Object> updateBooking(@RequestBody(required = false) String body) {
        return server.updateBooking(body);
    }

    @PostMapping({"/GetBookingStatus", "/GetBookingStatus/"})
    @Operation(
            summary = "GetBookingStatus",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(type = "object"),
                                            examples = @ExampleObject(name = "status", value = STATUS))))
    Map<String, Object> getBookingStatus(@RequestBody(required = false) String body) {
        return server.getBookingStatus(body);
    }

    @PostMapping({"/ListBookings", "/ListBookings/"})
    @Operation(
            summary = "ListBookings: the Google user's bookings made through this server",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(type = "object"),
                                            examples = @ExampleObject(name = "one user", value = LIST))))
    Map<String, Object> listBookings(@RequestBody(required = false) String body) {
        return server.listBookings(body);
    }

    @PostMapping({"/SetMarketingPreference", "/SetMarketingPreference/"})
    @Operation(
            summary = "SetMarketingPreference: records the user's consent, keyed by Google's user id",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(type = "object"),
                                            examples = @ExampleObject(name = "opt in", value = MARKETING))))
    Map<String, Object> setMarketingPreference(@RequestBody(required = false) String body) {
        return server.setMarketingPreference(body);
    }
}
