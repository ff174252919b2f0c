package io.reserva.users.web;

import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The shell of the console's settings screens: a fixed page that loads its own script and styles from this server.
 * It is public because it holds nothing: the script asks {@code /sessions/current} and the public REST API for
 * everything it shows, and a browser without a session is sent to the console's sign-in. The language is the
 * browser's first choice when it is Spanish, else English; the page can switch it.
 */
@Controller
@PublicEndpoint
@Hidden
class ConsoleSettingsPageController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final String SHELL = """
            <!doctype html>
            <html lang="{{lang}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{{title}}</title>
            <link rel="icon" href="/console/settings/icon.svg">
            <link rel="stylesheet" href="/console/settings/settings.css">
            <script type="module" src="/console/settings/settings.js"></script>
            </head>
            <body>
            <a class="skip-link" href="#main">{{skip}}</a>
            <main id="main" tabindex="-1">
            <p class="loading" role="status">{{loading}}</p>
            <noscript><p class="error">{{noscript}}</p></noscript>
            </main>
            </body>
            </html>
            """;

    @GetMapping(
            value = {"/console/settings", "/console/settings/"},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        boolean spanish = prefersSpanish(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String body = SHELL.replace("{{lang}}", spanish ? "es" : "en")
                .replace("{{title}}", spanish ? "Ajustes · Reserva" : "Settings · Reserva")
                .replace("{{skip}}", spanish ? "Ir al contenido" : "Skip to the content")
                .replace("{{loading}}", spanish ? "Cargando los ajustes…" : "Loading the settings…")
                .replace(
                        "{{noscript}}",
                        spanish
                                ? "Los ajustes de la consola necesitan JavaScript activado."
                                : "The console's settings need JavaScript switched on.");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /** The first language of the header decides; quality values are not weighed (browsers list in order). */
    static boolean prefersSpanish(String acceptLanguage) {
        return acceptLanguage != null
                && acceptLanguage.trim().toLowerCase(Locale.ROOT).startsWith("es");
    }
}
