package io.reserva.webhooks.web;

import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.reserva.webhooks.WebhookDelivery;
import io.reserva.webhooks.WebhookDeliveryManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/webhook-deliveries")
@Tag(name = "Webhook deliveries", description = "Every event sent to every endpoint, with each attempt's answer")
class WebhookDeliveryController {

    private final WebhookDeliveryManagement management;

    WebhookDeliveryController(WebhookDeliveryManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(
            summary = "List deliveries, newest first; filter by endpoint_id, event_id, event_type, status,"
                    + " created_at, next_attempt_at")
    Page<WebhookDelivery> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, request.getParameterMap());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a delivery with its attempts")
    WebhookDelivery get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping("/{id}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send this delivery's event to its endpoint again, as a new delivery. Admin keys.")
    WebhookDelivery redeliver(Caller caller, @PathVariable UUID id) {
        return management.redeliver(caller, id);
    }
}
