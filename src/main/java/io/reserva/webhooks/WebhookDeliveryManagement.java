package io.reserva.webhooks;

import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.Caller;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The delivery log: what was sent where, every attempt's answer, and sending again. */
@Service
public class WebhookDeliveryManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("webhook-deliveries")
            .field("id", "d.id", FieldType.UUID)
            .field("endpoint_id", "d.endpoint_id", FieldType.UUID)
            .field("event_id", "d.event_id", FieldType.UUID)
            .enumField("event_type", "d.event_type", EventType.wireNames())
            .enumField("status", "d.status", Set.of("pending", "succeeded", "failed"))
            .field("attempts", "d.attempts", FieldType.INTEGER)
            .nullableField("next_attempt_at", "d.next_attempt_at", FieldType.INSTANT)
            .nullableField("last_status_code", "d.last_status_code", FieldType.INTEGER)
            .nullableField("redelivery_of", "d.redelivery_of", FieldType.UUID)
            .field("created_at", "d.created_at", FieldType.INSTANT)
            .field("updated_at", "d.updated_at", FieldType.INSTANT)
            .defaultSort("created_at", false)
            .organizationScoped()
            .build();

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;

    WebhookDeliveryManagement(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
    }

    public Page<WebhookDelivery> list(Caller caller, Map<String, String[]> parameters) {
        ListQuery query = QUERY.parse(parameters);
        return deliveries.list(query, caller.organizationFor(query.organizationId()));
    }

    public WebhookDelivery get(Caller caller, UUID id) {
        return deliveries
                .find(id)
                .filter(delivery -> caller.canSee(delivery.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Webhook delivery", id));
    }

    /** Sends the delivery's event to its endpoint again, as a new delivery; the endpoint must be active. */
    @Transactional
    public WebhookDelivery redeliver(Caller caller, UUID id) {
        caller.requireAdmin();
        WebhookDelivery original = get(caller, id);
        endpoints
                .lock(original.organizationId(), original.endpointId())
                .map(WebhookEndpointRepository.EndpointRow::endpoint)
                .map(WebhookEndpointManagement::requireActive)
                .orElseThrow(() -> ReservaException.notFound("Webhook delivery", id));
        UUID copy = deliveries.queue(
                original.organizationId(), original.endpointId(), original.eventId(), original.eventType(), id);
        return deliveries.find(copy).orElseThrow();
    }
}
