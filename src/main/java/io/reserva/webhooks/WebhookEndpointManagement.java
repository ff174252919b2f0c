package io.reserva.webhooks;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.Caller;
import io.reserva.webhooks.WebhookEndpointRepository.EndpointRow;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Registering, changing and testing webhook endpoints; admins write, every key of the organization reads. */
@Service
public class WebhookEndpointManagement {

    static final int DESCRIPTION_MAX = 500;
    static final int EVENT_TYPES_MAX = 50;

    public static final QueryDefinition QUERY = QueryDefinition.forResource("webhook-endpoints")
            .field("id", "w.id", FieldType.UUID)
            .field("url", "w.url", FieldType.STRING)
            .field("is_active", "w.is_active", FieldType.BOOLEAN)
            .field("created_at", "w.created_at", FieldType.INSTANT)
            .field("updated_at", "w.updated_at", FieldType.INSTANT)
            .searchOn("w.url", "w.description")
            .defaultSort("created_at", true)
            .organizationScoped()
            .build();

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final EventRepository events;
    private final AddressGuard guard;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    WebhookEndpointManagement(
            WebhookEndpointRepository endpoints,
            WebhookDeliveryRepository deliveries,
            EventRepository events,
            AddressGuard guard,
            WebhookProperties properties,
            JsonMapper json,
            Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.events = events;
        this.guard = guard;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public Page<WebhookEndpoint> list(Caller caller, Map<String, String[]> parameters) {
        ListQuery query = QUERY.parse(parameters);
        return endpoints.list(query, caller.organizationFor(query.organizationId()));
    }

    public WebhookEndpoint get(Caller caller, UUID id) {
        return visible(caller, id).endpoint();
    }

    @Transactional
    public IssuedWebhookSecret create(Caller caller, NewWebhookEndpoint request) {
        caller.requireAdmin();
        UUID organizationId = caller.organizationFor(request.organizationId());
        List<FieldError> errors = new ArrayList<>();
        String url = checkUrl(request.url(), errors);
        String description = checkDescription(request.description(), errors);
        List<String> types = checkEventTypes(request.eventTypes(), errors);
        ReservaException.throwIfAny(errors);
        Instant now = now();
        String secret = WebhookSignatures.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(
                Ids.newId(),
                organizationId,
                url,
                description,
                types,
                request.isActive() == null || request.isActive(),
                null,
                null,
                now,
                now);
        endpoints.insert(new EndpointRow(endpoint, secret, null));
        return new IssuedWebhookSecret(endpoint, secret);
    }

    @Transactional
    public WebhookEndpoint update(Caller caller, UUID id, Patch<WebhookEndpointChanges> patch) {
        caller.requireAdmin();
        WebhookEndpoint current = locked(caller, id).endpoint();
        WebhookEndpointChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        String url = current.url();
        if (patch.has("url")) {
            url = checkUrl(sent.url(), errors);
        }
        String description =
                patch.has("description") ? checkDescription(sent.description(), errors) : current.description();
        List<String> types =
                patch.has("event_types") ? checkEventTypes(sent.eventTypes(), errors) : current.eventTypes();
        boolean active = current.isActive();
        if (patch.has("is_active")) {
            if (sent.isActive() == null) {
                errors.add(new FieldError("is_active", "cannot be cleared"));
            } else {
                active = sent.isActive();
            }
        }
        ReservaException.throwIfAny(errors);
        Instant now = now();
        String reason = active ? null : current.disabledReason();
        WebhookEndpoint changed = new WebhookEndpoint(
                current.id(),
                current.organizationId(),
                url,
                description,
                types,
                active,
                reason,
                current.previousSecretExpiresAt(),
                current.createdAt(),
                now);
        endpoints.update(changed, now);
        if (current.isActive() && !active) {
            deliveries.failPending(id, "endpoint deactivated");
        }
        return changed;
    }

    @Transactional
    public WebhookEndpoint delete(Caller caller, UUID id) {
        caller.requireAdmin();
        WebhookEndpoint endpoint = locked(caller, id).endpoint();
        endpoints.delete(endpoint.organizationId(), id);
        return endpoint;
    }

    /**
     * A new secret signs from now on; the one it replaces keeps signing beside it (a second {@code v1,} signature)
     * for 24 hours, so receivers can switch without losing a delivery. Rotating again within those hours retires
     * the oldest secret at once.
     */
    @Transactional
    public IssuedWebhookSecret rotateSecret(Caller caller, UUID id) {
        caller.requireAdmin();
        EndpointRow row = locked(caller, id);
        Instant now = now();
        String secret = WebhookSignatures.newSecret();
        Instant previousUntil = now.plus(properties.secretOverlap());
        endpoints.rotate(row.endpoint().organizationId(), id, secret, previousUntil, now);
        return new IssuedWebhookSecret(endpoints.find(id).orElseThrow().endpoint(), secret);
    }

    /** Queues a {@code webhook.test} event for this endpoint only, whatever event types it asked for. */
    @Transactional
    public WebhookDelivery sendTestEvent(Caller caller, UUID id) {
        caller.requireAdmin();
        WebhookEndpoint endpoint = requireActive(locked(caller, id).endpoint());
        Instant now = now();
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("endpoint_id", endpoint.id());
        data.put("message", "A test event from Reserva: if you can read this, deliveries reach you.");
        UUID eventId = Ids.newId();
        NewEvent event = new NewEvent(
                eventId,
                endpoint.organizationId(),
                EventType.WEBHOOK_TEST.wire(),
                eventId,
                json.writeValueAsString(data),
                null,
                now);
        events.insertTestEvent(event, endpoint.id());
        UUID delivery = deliveries.queue(endpoint.organizationId(), endpoint.id(), event.id(), event.type(), null);
        return deliveries.find(delivery).orElseThrow();
    }

    /** Sends again every event whose latest delivery to this endpoint since {@code since} failed. */
    @Transactional
    public int redeliverFailed(Caller caller, UUID id, Instant since) {
        caller.requireAdmin();
        if (since == null) {
            throw ReservaException.invalidField(
                    "since", "is required: the time from which failed deliveries are sent again");
        }
        WebhookEndpoint endpoint = requireActive(locked(caller, id).endpoint());
        return deliveries.redeliverFailed(endpoint.organizationId(), endpoint.id(), since);
    }

    static WebhookEndpoint requireActive(WebhookEndpoint endpoint) {
        if (!endpoint.isActive()) {
            throw new ReservaException(ErrorCode.CONFLICT, "The endpoint is not active; set is_active to true first");
        }
        return endpoint;
    }

    private EndpointRow visible(Caller caller, UUID id) {
        return endpoints
                .find(id)
                .filter(row -> caller.canSee(row.endpoint().organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Webhook endpoint", id));
    }

    private EndpointRow locked(Caller caller, UUID id) {
        EndpointRow row = visible(caller, id);
        return endpoints
                .lock(row.endpoint().organizationId(), id)
                .orElseThrow(() -> ReservaException.notFound("Webhook endpoint", id));
    }

    private String checkUrl(String url, List<FieldError> errors) {
        try {
            return guard.check(url).toString();
        } catch (AddressGuard.Refused refused) {
            errors.add(new FieldError("url", refused.getMessage()));
            return null;
        }
    }

    private static String checkDescription(String description, List<FieldError> errors) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.length() > DESCRIPTION_MAX) {
            errors.add(new FieldError("description", "is longer than " + DESCRIPTION_MAX + " characters"));
        }
        return description.strip();
    }

    private static List<String> checkEventTypes(List<String> types, List<FieldError> errors) {
        if (types == null) {
            return List.of();
        }
        if (types.size() > EVENT_TYPES_MAX) {
            errors.add(new FieldError("event_types", "has more than " + EVENT_TYPES_MAX + " entries"));
            return List.of();
        }
        LinkedHashSet<String> checked = new LinkedHashSet<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            EventType known =
                    type == null ? null : EventType.fromWire(type.strip()).orElse(null);
            if (known == null || known == EventType.WEBHOOK_TEST) {
                errors.add(new FieldError(
                        "event_types[" + i + "]", "is not an event type; one of " + String.join(", ", subscribable())));
            } else {
                checked.add(known.wire());
            }
        }
        return List.copyOf(checked);
    }

    static List<String> subscribable() {
        return java.util.Arrays.stream(EventType.values())
                .filter(type -> type != EventType.WEBHOOK_TEST)
                .map(EventType::wire)
                .toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
