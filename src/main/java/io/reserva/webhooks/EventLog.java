package io.reserva.webhooks;

import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.Caller;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The events of the last 30 days, for integrators who poll instead of (or besides) receiving webhooks. */
@Service
public class EventLog {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("events")
            .field("id", "e.id", FieldType.UUID)
            .enumField("type", "e.type", EventType.wireNames())
            .field("created_at", "e.created_at", FieldType.INSTANT)
            .defaultSort("created_at", true)
            .organizationScoped()
            .build();

    private final EventRepository events;

    EventLog(EventRepository events) {
        this.events = events;
    }

    public Page<Event> list(Caller caller, Map<String, String[]> parameters) {
        ListQuery query = QUERY.parse(parameters);
        return events.list(query, caller.organizationFor(query.organizationId()));
    }

    public Event get(Caller caller, UUID id) {
        return events.findById(id)
                .filter(event -> caller.canSee(event.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Event", id));
    }
}
