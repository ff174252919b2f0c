package io.reserva.google.web;

import io.reserva.google.WaitlistServer;
import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Google's Actions Center waitlist API, v3, beside the booking server at {@code reserva.google.base-path} and
 * behind the same partner credential ({@link PartnerAuthenticationFilter}); bodies in proto3 JSON.
 */
@RestController
@PublicEndpoint
@SecurityRequirements
@RequestMapping(path = "${reserva.google.base-path:/google/v3}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
        name = "Google waitlist (v3)",
        description = "Called by Google's Actions Center with HTTP Basic partner credentials: today's now waitlist"
                + " of a merchant's service. Messages of Google's v3 waitlist reference in proto3 JSON. Business"
                + " failures are 200 with waitlist_business_logic_failure; malformed requests 400, unknown merchant,"
                + " service or entry 404, a reused idempotency_token with another request 409, bad credentials 401")
class WaitlistServerController {

    static final String ESTIMATES = """
            {"merchant_id": "merchant-1234", "service_id": "dinner", "party_size": [2, 4]}""";

    static final String CREATE = """
            {"merchant_id": "merchant-1234", "service_id": "dinner", "party_size": 2,
             "user_information": {"user_id": "110000000000000000001", "given_name": "Ana", "family_name": "García",
              "telephone": "+34612345678", "email": "ana@example.com"},
             "additional_request": "A high chair, please",
             "idempotency_token": "5f0e1d2c-3b4a-4968-8776-655443322110"}""";

    static final String ENTRY = "{\"waitlist_entry_id\": \"0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b\"}";

    private final WaitlistServer server;

    WaitlistServerController(WaitlistServer server) {
        this.server = server;
    }

    @PostMapping({"/BatchGetWaitEstimates", "/BatchGetWaitEstimates/"})
    @Operation(
            summary = "BatchGetWaitEstimates: the wait today for each party size asked",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(type = "object"),
                                            examples = @ExampleObject(name = "two party sizes", value = ESTIMATES))))
    Map<String, Object> batchGetWaitEstimates(@RequestBody(required = false) String body) {
        return server.batchGetWaitEstimates(body);
    }

    @PostMapping({"/CreateWaitlistEntry", "/CreateWaitlistEntry/"})
    @Operation(
            summary = "CreateWaitlistEntry: join today's waitlist; the same idempotency_token answers the same entry",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(type = "object"),
                                            examples = @ExampleObject(name = "a party of two", value = CREATE))))
    Map<String, Object> createWaitlistEntry(@RequestBody(required = false) String body) {
        return server.createWaitlistEntry(body);
    }

    @PostMapping({"/GetWaitlistEntry", "/GetWaitlistEntry/"})
    @Operation(
            summary = "GetWaitlistEntry: the entry's state, times and current wait",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(type = "object"),
                                            examples = @ExampleObject(name = "one entry", value = ENTRY))))
    Map<String, Object> getWaitlistEntry(@RequestBody(required = false) String body) {
        return server.getWaitlistEntry(body);
    }

    @PostMapping({"/DeleteWaitlistEntry", "/DeleteWaitlistEntry/"})
    @Operation(
            summary = "DeleteWaitlistEntry: the user leaves the waitlist (the entry is cancelled)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(type = "object"),
                                            examples = @ExampleObject(name = "one entry", value = ENTRY))))
    Map<String, Object> deleteWaitlistEntry(@RequestBody(required = false) String body) {
        return server.deleteWaitlistEntry(body);
    }
}
