package io.reserva.webhooks.web;

import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.reserva.webhooks.Event;
import io.reserva.webhooks.EventLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/events")
@Tag(name = "Events", description = "Every change to reservations and contacts of the last 30 days, for polling")
class EventController {

    private final EventLog events;

    EventController(EventLog events) {
        this.events = events;
    }

    @GetMapping
    @Operation(
            summary = "List events, oldest first; filter by type and created_at, and follow them with"
                    + " $cursor=* and next_cursor (e.g. created_at[$gt]=<last seen>)")
    Page<Event> list(Caller caller, HttpServletRequest request) {
        return events.list(caller, request.getParameterMap());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an event")
    Event get(Caller caller, @PathVariable UUID id) {
        return events.get(caller, id);
    }
}
