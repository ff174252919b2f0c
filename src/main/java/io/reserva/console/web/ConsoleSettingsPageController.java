package io.reserva.console.web;

import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The shell of the console's settings screens (see {@link ConsoleShell}): a fixed page that loads its own script and
 * styles from this server. It is public because it holds nothing: the script asks {@code /sessions/current} and the
 * public REST API for everything it shows, and a browser without a session is sent to the console's sign-in. The
 * language is the browser's first choice when it is Spanish, else English; the page can switch it.
 */
@Controller
@PublicEndpoint
@Hidden
class ConsoleSettingsPageController {

    private final String shell = ConsoleShell.template("console/settings.html");

    @GetMapping(
            value = {"/console/settings", "/console/settings/"},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        boolean spanish = prefersSpanish(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String body = shell.replace("{{lang}}", spanish ? "es" : "en")
                .replace("{{title}}", spanish ? "Ajustes · Reserva" : "Settings · Reserva")
                .replace("{{skip}}", spanish ? "Ir al contenido" : "Skip to the content")
                .replace("{{loading}}", spanish ? "Cargando los ajustes…" : "Loading the settings…")
                .replace(
                        "{{noscript}}",
                        spanish
                                ? "Los ajustes de la consola necesitan JavaScript activado."
                                : "The console's settings need JavaScript switched on.");
        return ConsoleShell.html(body);
    }

    /** The first language of the header decides; quality values are not weighed (browsers list in order). */
    static boolean prefersSpanish(String acceptLanguage) {
        return acceptLanguage != null
                && acceptLanguage.trim().toLowerCase(Locale.ROOT).startsWith("es");
    }
}
