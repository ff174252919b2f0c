package io.reserva.notifications.web;

import io.reserva.notifications.SmsCallbacks;
import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where SMS providers call back: no API key, each request is verified with the organization's own provider
 * credentials (a bad signature is 403 and changes nothing).
 */
@RestController
@PublicEndpoint
@Tag(name = "SMS callbacks", description = "Delivery statuses and guests' STOP/START replies, posted by SMS providers")
class SmsCallbackController {

    /** An empty TwiML answer: Twilio sends no reply of ours (it answers STOP itself). */
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final SmsCallbacks callbacks;

    SmsCallbackController(SmsCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping(path = "/sms/twilio/{organizationId}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(
            summary = "Twilio's status callback (MessageSid, MessageStatus, ErrorCode), signed with X-Twilio-Signature",
            description = "Records the status on the message log (delivery_status); undelivered or failed makes the"
                    + " message failed with the error code. An unknown MessageSid is accepted and ignored. A"
                    + " signature that does not verify is 403 invalid_signature.")
    @ApiResponse(responseCode = "204", description = "Recorded")
    ResponseEntity<Void> twilioStatus(
            @PathVariable UUID organizationId,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
            HttpServletRequest request) {
        callbacks.twilioStatus(organizationId, signedUrl(request), form(request), signature);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(
            path = "/sms/twilio/{organizationId}/inbound",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_XML_VALUE)
    @Operation(
            summary = "Twilio's inbound message webhook (From, Body), signed with X-Twilio-Signature",
            description = "STOP, STOPALL, UNSUBSCRIBE, CANCEL, END or QUIT opts the contact with that phone out of"
                    + " SMS; START or UNSTOP back in. Any other text is ignored. Answers empty TwiML. A signature that"
                    + " does not verify is 403 invalid_signature.")
    @ApiResponse(
            responseCode = "200",
            description = "Empty TwiML",
            content =
                    @Content(
                            mediaType = "text/xml",
                            schema = @Schema(type = "string"),
                            examples = @ExampleObject(value = EMPTY_TWIML)))
    ResponseEntity<String> twilioInbound(
            @PathVariable UUID organizationId,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
            HttpServletRequest request) {
        callbacks.twilioInbound(organizationId, signedUrl(request), form(request), signature);
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    @PostMapping(path = "/sms/webhook/{organizationId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The SMS webhook gateway's delivery status, signed like our webhooks",
            description = "Headers webhook-id, webhook-timestamp (at most 5 minutes off) and webhook-signature"
                    + " (v1, base64 HMAC-SHA256 of id.timestamp.body with the organization's webhook secret); one that"
                    + " does not verify is 403 invalid_signature.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            value = "{\"message_id\": \"0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b\","
                                                    + " \"status\": \"undelivered\", \"error_code\": \"30003\"}")))
    @ApiResponse(responseCode = "204", description = "Recorded")
    ResponseEntity<Void> webhookStatus(
            @PathVariable UUID organizationId,
            @RequestHeader(name = "webhook-id", required = false) String id,
            @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
            @RequestHeader(name = "webhook-signature", required = false) String signature,
            @RequestBody(required = false) String body) {
        callbacks.webhookStatus(organizationId, id, timestamp, signature, body);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/sms/webhook/{organizationId}/inbound", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A guest's reply through the SMS webhook gateway: STOP or START, signed like our webhooks",
            description = "The same keywords as Twilio's inbound webhook; any other text is ignored. Signed as the"
                    + " status callback is; one that does not verify is 403 invalid_signature.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(value = "{\"from\": \"+34612345678\", \"body\": \"STOP\"}")))
    @ApiResponse(responseCode = "204", description = "Handled")
    ResponseEntity<Void> webhookInbound(
            @PathVariable UUID organizationId,
            @RequestHeader(name = "webhook-id", required = false) String id,
            @RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
            @RequestHeader(name = "webhook-signature", required = false) String signature,
            @RequestBody(required = false) String body) {
        callbacks.webhookInbound(organizationId, id, timestamp, signature, body);
        return ResponseEntity.noContent().build();
    }

    private String signedUrl(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        return callbacks.signedUrl(request.getRequestURL() + query, request.getRequestURI() + query);
    }

    private static Map<String, String> form(HttpServletRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values.length == 0 ? "" : values[0]));
        return form;
    }
}
