package io.reserva.notifications.web;

import io.reserva.notifications.NotificationManagement;
import io.reserva.notifications.NotificationTemplate;
import io.reserva.notifications.RenderedMessage;
import io.reserva.notifications.SmsTemplateText;
import io.reserva.notifications.TemplatePreview;
import io.reserva.notifications.TemplateText;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/notification-templates")
@Tag(name = "Notifications")
class NotificationTemplateController {

    private final NotificationManagement management;

    NotificationTemplateController(NotificationManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "The organization's own templates (kinds and languages without one use the built-in text)")
    Map<String, List<NotificationTemplate>> list(
            Caller caller, @RequestParam(name = "organization_id", required = false) UUID organizationId) {
        return Map.of("data", management.templates(caller, organizationId));
    }

    @PutMapping("/{kind}/{locale}")
    @Operation(
            summary = "Save the text of a kind (confirmation, change, cancellation, reminder) in a language (en, es);"
                    + " an unknown placeholder is 422 naming it. Admin keys.")
    NotificationTemplate save(
            Caller caller, @PathVariable String kind, @PathVariable String locale, @RequestBody TemplateText text) {
        return management.saveTemplate(caller, kind, locale, text);
    }

    @DeleteMapping("/{kind}/{locale}")
    @Operation(summary = "Go back to the built-in text; answers the template removed. Admin keys.")
    NotificationTemplate delete(
            Caller caller,
            @PathVariable String kind,
            @PathVariable String locale,
            @RequestParam(name = "organization_id", required = false) UUID organizationId) {
        return management.deleteTemplate(caller, kind, locale, organizationId);
    }

    @PutMapping("/{kind}/{locale}/sms")
    @Operation(
            summary = "Save the SMS text of a kind in a language (en, es): plain text, cut to the SMS length when"
                    + " sent; an unknown placeholder, or an email-only one (links, logo, colour), is 422 naming it."
                    + " Admin keys.")
    NotificationTemplate saveSms(
            Caller caller, @PathVariable String kind, @PathVariable String locale, @RequestBody SmsTemplateText text) {
        return management.saveSmsTemplate(caller, kind, locale, text);
    }

    @DeleteMapping("/{kind}/{locale}/sms")
    @Operation(summary = "Go back to the built-in SMS text; answers the template removed. Admin keys.")
    NotificationTemplate deleteSms(
            Caller caller,
            @PathVariable String kind,
            @PathVariable String locale,
            @RequestParam(name = "organization_id", required = false) UUID organizationId) {
        return management.deleteTemplate(caller, kind, locale, "sms", organizationId);
    }

    @PostMapping("/preview")
    @Operation(
            summary = "Render a kind in a language against one of the organization's reservations, with the texts"
                    + " sent, else the organization's template, else the built-in one")
    RenderedMessage preview(Caller caller, @RequestBody TemplatePreview request) {
        return management.preview(caller, request);
    }
}
