package io.reserva.live.web;

import io.reserva.live.LiveStreams;
import io.reserva.tenancy.Caller;
import io.reserva.users.UserSessions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Events")
class EventStreamController {

    private static final String BEARER = "Bearer ";

    private final LiveStreams streams;

    EventStreamController(LiveStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/events/stream")
    @Operation(
            summary = "Follow the organization's events live (Server-Sent Events), resuming with Last-Event-ID",
            description = "Each message is one event: `id` is the event's id, `event` its type, `data` the same"
                    + " JSON a webhook receives (`type`, `timestamp`, `data`, `changed_fields`). A change committed"
                    + " on any node arrives within about a second. A comment line (`: keep-alive`) comes every 15 s."
                    + " A client that reconnects with `Last-Event-ID` (browsers do it themselves) first gets every"
                    + " event after that one, in order and once, then live ones; when that event is no longer kept"
                    + " or more than 1000 events were missed it gets `event: reset` and should reload its data."
                    + " Any role may follow; a platform key names `organization_id`. The stream ends when the"
                    + " session or key that opened it ends (within a few seconds), after 30 minutes (the client"
                    + " reconnects and resumes), and when the server shuts down. See docs/live-updates.md.")
    @ApiResponse(
            responseCode = "200",
            description = "The stream: it stays open and sends events as they happen",
            content =
                    @Content(
                            mediaType = "text/event-stream",
                            schema = @Schema(type = "string"),
                            examples =
                                    @ExampleObject(
                                            value = "retry:1000\n\n"
                                                    + "id:0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b\n"
                                                    + "event:reservation.created\n"
                                                    + "data:{\"type\":\"reservation.created\","
                                                    + "\"timestamp\":\"2027-03-20T10:15:30.123456Z\","
                                                    + "\"data\":{\"id\":\"0192f3c4-9999-7f80-9a1b-2c3d4e5f6a7b\","
                                                    + "\"status\":\"confirmed\",\"party_size\":4}}\n\n"
                                                    + ":keep-alive\n\n"
                                                    + "event:reset\n"
                                                    + "data:{\"reason\":\"too_far_behind\"}\n\n")))
    SseEmitter stream(
            Caller caller,
            @Parameter(description = "Required for a platform key: whose events to follow")
                    @RequestParam(name = "organization_id", required = false)
                    UUID organizationId,
            @Parameter(
                            description = "Only these event types: a comma list of types and families",
                            example = "reservation.*,contact.created")
                    @RequestParam(required = false)
                    String types,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "The id of the last event received: resume after it",
                            example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
                    @RequestHeader(name = "Last-Event-ID", required = false)
                    String lastEventId,
            HttpServletRequest request) {
        Object sessionSecret = request.getAttribute(UserSessions.SECRET_ATTRIBUTE);
        String apiKeySecret = null;
        if (!caller.isUser()) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            // The key filter accepted this header, or there would be no caller.
            apiKeySecret = authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? null
                    : authorization.substring(BEARER.length()).strip();
        }
        return streams.open(
                caller,
                organizationId,
                types,
                lastEventId,
                caller.isUser() ? (String) sessionSecret : null,
                apiKeySecret);
    }
}
