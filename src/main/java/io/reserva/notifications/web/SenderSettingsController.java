package io.reserva.notifications.web;

import io.reserva.notifications.NewSenderSettings;
import io.reserva.notifications.SenderSettings;
import io.reserva.notifications.SenderSettingsManagement;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class SenderSettingsController {

    private final SenderSettingsManagement management;

    SenderSettingsController(SenderSettingsManagement management) {
        this.management = management;
    }

    @GetMapping("/notification-settings")
    @Operation(
            summary = "Who guest messages come from: email From and Reply-To, SMS provider and sender id. Admin keys.",
            description = "Credentials are never returned: twilio_auth_token_set and webhook_secret_set say whether"
                    + " one is stored.")
    SenderSettings get(Caller caller, @RequestParam(name = "organization_id", required = false) UUID organizationId) {
        return management.get(caller, organizationId);
    }

    @PutMapping("/notification-settings")
    @Operation(
            summary = "Replace the sender settings. Admin keys.",
            description = "Every field is replaced, except twilio_auth_token and webhook_secret: left out they keep"
                    + " the stored value, an empty string removes it. twilio needs twilio_account_sid, an auth token"
                    + " and sms_from or twilio_messaging_service_sid; webhook needs webhook_url and a secret. Applies"
                    + " to messages sent from now on (SMS are queued only while a provider is set).")
    SenderSettings save(Caller caller, @RequestBody NewSenderSettings settings) {
        return management.save(caller, settings);
    }
}
