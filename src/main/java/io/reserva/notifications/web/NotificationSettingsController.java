package io.reserva.notifications.web;

import io.reserva.notifications.NewOptOut;
import io.reserva.notifications.NewReminderSetting;
import io.reserva.notifications.NotificationManagement;
import io.reserva.notifications.OptOut;
import io.reserva.notifications.ReminderSettings;
import io.reserva.notifications.Unsubscribe;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class NotificationSettingsController {

    private final NotificationManagement management;

    NotificationSettingsController(NotificationManagement management) {
        this.management = management;
    }

    @GetMapping("/notification-reminder-settings")
    @Operation(summary = "How many hours before the start reminders go out, for the organization and per service")
    ReminderSettings reminderSettings(
            Caller caller, @RequestParam(name = "organization_id", required = false) UUID organizationId) {
        return management.reminderSettings(caller, organizationId);
    }

    @PutMapping("/notification-reminder-settings")
    @Operation(
            summary = "Set the reminder hours of the organization (no service_id) or of one service; 0 sends none."
                    + " Applies to bookings confirmed or moved from now on. Admin keys.")
    ReminderSettings saveReminderSetting(Caller caller, @RequestBody NewReminderSetting setting) {
        return management.saveReminderSetting(caller, setting);
    }

    @PostMapping("/notification-opt-outs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record that a guest wants no email, or no SMS with channel sms (none is sent to them on that"
                    + " channel, transactional included)")
    OptOut optOut(Caller caller, @RequestBody NewOptOut request) {
        return management.optOut(caller, request);
    }

    @GetMapping("/notification-opt-outs/{contactId}")
    @Operation(summary = "Whether a guest opted out of email, or of SMS with channel=sms (404 when they did not)")
    OptOut getOptOut(
            Caller caller,
            @PathVariable UUID contactId,
            @RequestParam(name = "organization_id", required = false) UUID organizationId,
            @RequestParam(name = "channel", required = false) String channel) {
        return management.getOptOut(caller, contactId, organizationId, channel);
    }

    @DeleteMapping("/notification-opt-outs/{contactId}")
    @Operation(
            summary = "Send email (or SMS with channel=sms) to a guest who had opted out again; answers the opt-out"
                    + " removed")
    OptOut optIn(
            Caller caller,
            @PathVariable UUID contactId,
            @RequestParam(name = "organization_id", required = false) UUID organizationId,
            @RequestParam(name = "channel", required = false) String channel) {
        return management.optIn(caller, contactId, organizationId, channel);
    }

    @GetMapping("/notification-unsubscribes/{contactId}")
    @Operation(
            summary = "Whether a guest unsubscribed from reminders through an email's link (404 when they did not)."
                    + " Booking messages still reach them; an opt-out (/notification-opt-outs) stops everything")
    Unsubscribe getUnsubscribe(
            Caller caller,
            @PathVariable UUID contactId,
            @RequestParam(name = "organization_id", required = false) UUID organizationId) {
        return management.getUnsubscribe(caller, contactId, organizationId);
    }

    @DeleteMapping("/notification-unsubscribes/{contactId}")
    @Operation(
            summary = "Undo a guest's unsubscribe, when they ask for their reminders back; answers the unsubscribe"
                    + " removed")
    Unsubscribe resubscribe(
            Caller caller,
            @PathVariable UUID contactId,
            @RequestParam(name = "organization_id", required = false) UUID organizationId) {
        return management.resubscribe(caller, contactId, organizationId);
    }
}
