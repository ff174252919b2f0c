package io.reserva.notifications.web;

import io.reserva.notifications.GuestUnsubscribes;
import io.reserva.notifications.GuestUnsubscribes.UnsubscribePage;
import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link of guest emails: no API key, the token in the path is the permission. {@code GET} shows a
 * button and changes nothing (mail scanners open links); {@code POST} unsubscribes, from the button or from a mail
 * app's one-click unsubscribe (RFC 8058). The pages carry no script and no style of their own.
 */
@RestController
@PublicEndpoint
@Tag(name = "Notifications")
class UnsubscribeController {

    static final String PATH = "/public/notifications/{organization_id}/unsubscribe/{token}";
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final GuestUnsubscribes unsubscribes;

    UnsubscribeController(GuestUnsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "The page behind an email's unsubscribe link: a button that unsubscribes. No API key.",
            description = "Changes nothing; the button POSTs to the same address. An unknown token is 404.")
    @ApiResponse(
            responseCode = "200",
            description = "An HTML page with the button",
            content =
                    @Content(
                            mediaType = "text/html",
                            schema = @Schema(type = "string"),
                            examples = @ExampleObject(value = "<!DOCTYPE html><html lang=\"en\">…</html>")))
    ResponseEntity<String> page(
            @Parameter(example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b") @PathVariable("organization_id")
                    UUID organizationId,
            @Parameter(
                            description = "The message's unsubscribe token",
                            example = "q3Zf0Zq8W2m0b1ZyK4mQzq3Zf0Zq8W2m0b1ZyK4mQzq")
                    @PathVariable
                    String token) {
        UnsubscribePage page = unsubscribes.page(organizationId, token);
        boolean spanish = "es".equals(page.locale().getLanguage());
        String body = "<p>"
                + (spanish
                        ? "¿Dejar de recibir recordatorios de " + escape(page.organizationName())
                                + "? Las confirmaciones y los cambios de tus reservas te seguirán llegando."
                        : "Stop receiving reminders from " + escape(page.organizationName())
                                + "? Confirmations and changes of your bookings will still reach you.")
                + "</p><form method=\"post\"><button type=\"submit\">"
                + (spanish ? "Darme de baja" : "Unsubscribe")
                + "</button></form>";
        return html(spanish, spanish ? "Darse de baja" : "Unsubscribe", body);
    }

    @PostMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @Operation(
            summary = "Unsubscribes the guest from reminders (one-click, RFC 8058). No API key.",
            description = "Records that the guest wants no non-essential email from the organization: reminders stop;"
                    + " confirmations, changes and cancellations of their bookings still go out. Any body is"
                    + " accepted (mail apps send List-Unsubscribe=One-Click). Doing it twice is fine. An unknown"
                    + " token is 404.")
    @ApiResponse(
            responseCode = "200",
            description = "An HTML page saying it is done",
            content =
                    @Content(
                            mediaType = "text/html",
                            schema = @Schema(type = "string"),
                            examples = @ExampleObject(value = "<!DOCTYPE html><html lang=\"en\">…</html>")))
    ResponseEntity<String> unsubscribe(
            @Parameter(example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b") @PathVariable("organization_id")
                    UUID organizationId,
            @Parameter(
                            description = "The message's unsubscribe token",
                            example = "q3Zf0Zq8W2m0b1ZyK4mQzq3Zf0Zq8W2m0b1ZyK4mQzq")
                    @PathVariable
                    String token) {
        UnsubscribePage page = unsubscribes.unsubscribe(organizationId, token);
        boolean spanish = "es".equals(page.locale().getLanguage());
        String body = "<p>"
                + (spanish
                        ? "Listo: " + escape(page.organizationName()) + " no te enviará más recordatorios."
                        : "Done: " + escape(page.organizationName()) + " will send you no more reminders.")
                + "</p>";
        return html(spanish, spanish ? "Baja confirmada" : "Unsubscribed", body);
    }

    private static ResponseEntity<String> html(boolean spanish, String title, String body) {
        String page = "<!DOCTYPE html><html lang=\"" + (spanish ? "es" : "en") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title></head><body><main><h1>" + escape(title) + "</h1>" + body + "</main></body></html>";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(page);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
