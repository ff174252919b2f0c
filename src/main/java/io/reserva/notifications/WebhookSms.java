package io.reserva.notifications;

import io.reserva.webhooks.AddressGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic adapter: each SMS is posted as JSON ({@code message_id}, {@code organization_id},
 * {@code reservation_id}, {@code kind}, {@code to}, {@code from}, {@code body}, {@code status_callback_url}) to the
 * organization's own URL, signed like our outgoing webhooks ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}). A {@code 2xx} is accepted, with the gateway's {@code provider_id} from the answer when
 * it gives one (else our {@code message_id} names it); {@code 408}, {@code 429} and {@code 5xx} are retried, any
 * other answer is a refusal. The URL must pass the webhooks' address guard (no private networks), when saved and
 * before every send.
 */
@Component
class WebhookSms implements SmsSender {

    static final String USER_AGENT = "Reserva-SMS/1";

    private final HttpClient client;
    private final JsonMapper json;
    private final SmsProperties properties;
    private final AddressGuard addresses;
    private final Clock clock;

    WebhookSms(JsonMapper json, SmsProperties properties, AddressGuard addresses, Clock clock) {
        this.json = json;
        this.addresses = addresses;
        this.properties = properties;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public SmsProvider provider() {
        return SmsProvider.WEBHOOK;
    }

    @Override
    public Result send(SenderSettingsManagement.SmsAccount account, OutgoingSms sms) {
        // Checked again before every send: what a host resolves to can change after the URL was saved.
        java.util.Optional<String> refused = addresses.refusal(account.webhookUrl());
        if (refused.isPresent()) {
            return new Refused("not sent: the webhook URL " + refused.get(), true);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("message_id", sms.messageId().toString());
        payload.put("organization_id", account.organizationId().toString());
        payload.put("reservation_id", sms.reservationId().toString());
        payload.put("kind", sms.kind().wire());
        payload.put("to", sms.to());
        payload.put("from", account.from());
        payload.put("body", sms.body());
        payload.put("status_callback_url", sms.statusCallbackUrl());
        String body = json.writeValueAsString(payload);
        String id = sms.messageId().toString();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(account.webhookUrl()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", SmsSignatures.webhook(account.webhookSecret(), id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return new Refused("the webhook URL cannot be used: " + e.getMessage(), false);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Refused(
                    "the SMS webhook could not be reached: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Refused("interrupted: the node is stopping", true);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Accepted(providerId(response.body()).orElse(id));
        }
        boolean retry = status == 408 || status == 429 || status >= 500;
        return new Refused("the SMS webhook answered " + status, retry);
    }

    private java.util.Optional<String> providerId(String body) {
        if (body == null || body.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode node = json.readTree(body);
            String providerId = node.path("provider_id").asString(null);
            return providerId == null || providerId.isBlank() || providerId.length() > 200
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(providerId);
        } catch (JacksonException e) {
            return java.util.Optional.empty();
        }
    }
}
