package io.reserva.api;

import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a browser sees at {@code /}: where the API is described, where its health is, and how the booking pages
 * are reached (until the staff console exists, everything else is the API). A fixed page, no script, no style,
 * under a Content-Security-Policy that allows nothing at all.
 */
@RestController
@PublicEndpoint
@Hidden
class HomePageController {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Reserva</title>
            </head>
            <body>
            <main>
            <h1>Reserva</h1>
            <p>This server takes reservations through its HTTP API. Every call needs an API key
            (<code>Authorization: Bearer &lt;key&gt;</code>); the server's log says on every start where its keys are
            kept.</p>
            <ul>
            <li><a href="/docs">API documentation</a>: every endpoint, with a console to try them</li>
            <li><a href="/openapi.json">OpenAPI description</a> (<code>/openapi.json</code>), for client generators</li>
            <li><a href="/health">Health</a> (<code>/health</code>, <code>/health/readiness</code>)</li>
            <li><a href="/problems">Error codes</a> of problem answers</li>
            </ul>
            <h2>Booking pages</h2>
            <p>Guests book on public pages at <code>/b/{organization_id}/{slug}</code>, one per booking link.
            Create a link with <code>POST /reservation-booking-links</code> and open its address in a browser.</p>
            <p>There is no staff console yet: staff work through the API (or an AI assistant over
            <code>/mcp</code>).</p>
            </main>
            </body>
            </html>
            """;

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> home() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(PAGE);
    }
}
