package io.reserva.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's Programmable Messaging API: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded
 * {@code To}, {@code From} or {@code MessagingServiceSid}, {@code Body} and {@code StatusCallback}, with HTTP Basic
 * authentication (Account SID and auth token). The answer's {@code sid} is the provider id its status callbacks
 * name.
 */
@Component
class TwilioSms implements SmsSender {

    private final HttpClient client;
    private final JsonMapper json;
    private final SmsProperties properties;
    private volatile URI baseUrl;

    TwilioSms(JsonMapper json, SmsProperties properties) {
        this.json = json;
        this.properties = properties;
        this.baseUrl = properties.twilioBaseUrl();
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** For tests, which stand in for Twilio with a local server. */
    void baseUrl(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public SmsProvider provider() {
        return SmsProvider.TWILIO;
    }

    @Override
    public Result send(SenderSettingsManagement.SmsAccount account, OutgoingSms sms) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", sms.to());
        if (account.twilioMessagingServiceSid() != null) {
            form.put("MessagingServiceSid", account.twilioMessagingServiceSid());
        } else {
            form.put("From", account.from());
        }
        form.put("Body", sms.body());
        if (sms.statusCallbackUrl() != null) {
            form.put("StatusCallback", sms.statusCallbackUrl());
        }
        String base = baseUrl.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/2010-04-01/Accounts/"
                + URLEncoder.encode(account.twilioAccountSid(), StandardCharsets.UTF_8) + "/Messages.json");
        String credentials = Base64.getEncoder()
                .encodeToString((account.twilioAccountSid() + ":" + account.twilioAuthToken())
                        .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.timeout())
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Refused("Twilio could not be reached: " + describe(e), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Refused("interrupted: the node is stopping", true);
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status >= 200 && status < 300) {
            String sid = body == null ? null : body.path("sid").asString(null);
            return sid == null
                    ? new Refused("Twilio answered " + status + " without a message sid", true)
                    : new Accepted(sid);
        }
        String reason = "Twilio answered " + status + errorOf(body);
        // Wrong credentials or account, throttling and outages heal without touching the message; anything else
        // Twilio refuses (an invalid To, a blocked number) will be refused again.
        boolean retry =
                status == 401 || status == 403 || status == 404 || status == 408 || status == 429 || status >= 500;
        return new Refused(reason, retry);
    }

    static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String errorOf(JsonNode body) {
        if (body == null) {
            return "";
        }
        String code =
                body.path("code").isMissingNode() ? null : body.path("code").asString(null);
        String message = body.path("message").asString(null);
        String described = (code == null ? "" : " (error " + code + ")") + (message == null ? "" : ": " + message);
        return described.length() > 500 ? described.substring(0, 500) : described;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
