package io.reserva.webhooks.web;

import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.reserva.webhooks.IssuedWebhookSecret;
import io.reserva.webhooks.NewWebhookEndpoint;
import io.reserva.webhooks.WebhookDelivery;
import io.reserva.webhooks.WebhookEndpoint;
import io.reserva.webhooks.WebhookEndpointChanges;
import io.reserva.webhooks.WebhookEndpointManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
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
@RequestMapping("/webhook-endpoints")
@Tag(
        name = "Webhook endpoints",
        description = "Where events are sent, signed per Standard Webhooks (webhook-id, webhook-timestamp,"
                + " webhook-signature)")
class WebhookEndpointController {

    private final WebhookEndpointManagement management;

    WebhookEndpointController(WebhookEndpointManagement management) {
        this.management = management;
    }

    /** The body of a bulk redelivery. */
    record RedeliverFailed(
            @Schema(
                    description = "Failed deliveries created at or after this instant are sent again",
                    example = "2027-03-20T00:00:00Z",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            Instant since) {}

    /** How many deliveries a bulk redelivery queued. */
    record Redelivered(@Schema(example = "12") int redelivered) {}

    @GetMapping
    @Operation(summary = "List webhook endpoints")
    Page<WebhookEndpoint> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, request.getParameterMap());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a webhook endpoint (never its secret)")
    WebhookEndpoint get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Register an endpoint; the answer carries its whsec_ secret, shown only this once. Admin keys.")
    IssuedWebhookSecret create(Caller caller, @RequestBody NewWebhookEndpoint request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change an endpoint; is_active false gives up its pending deliveries. Admin keys.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = WebhookEndpointChanges.class))))
    WebhookEndpoint update(Caller caller, @PathVariable UUID id, Patch<WebhookEndpointChanges> patch) {
        return management.update(caller, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an endpoint with its delivery log. Admin keys.")
    WebhookEndpoint delete(Caller caller, @PathVariable UUID id) {
        return management.delete(caller, id);
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(
            summary = "A new secret; the old one keeps signing beside it for 24 hours (two v1 signatures). Admin keys.")
    IssuedWebhookSecret rotateSecret(Caller caller, @PathVariable UUID id) {
        return management.rotateSecret(caller, id);
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a webhook.test event to this endpoint now; answers the queued delivery. Admin keys.")
    WebhookDelivery sendTest(Caller caller, @PathVariable UUID id) {
        return management.sendTestEvent(caller, id);
    }

    @PostMapping("/{id}/redeliver-failed")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send again every event whose latest delivery here since a time failed. Admin keys.")
    Redelivered redeliverFailed(Caller caller, @PathVariable UUID id, @RequestBody RedeliverFailed request) {
        return new Redelivered(management.redeliverFailed(caller, id, request.since()));
    }
}
