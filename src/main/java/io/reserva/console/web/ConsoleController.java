package io.reserva.console.web;

import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's day and sign-in shells (see {@link ConsoleShell}). They carry no data at all: the scripts ask the
 * public API with the session cookie, and a page that gets {@code 401} goes to the sign-in page. So the shells are
 * public and the same for everyone. The day's shell carries one setting, the undo grace period of status moves.
 */
@Controller
@PublicEndpoint
@Hidden
class ConsoleController {

    private final String app;
    private final String signIn = ConsoleShell.template("console/sign-in.html");

    ConsoleController(ConsoleProperties properties) {
        this.app = ConsoleShell.template("console/app.html")
                .replace("{{undo_ms}}", Long.toString(properties.undoGrace().toMillis()));
    }

    @GetMapping(
            value = {"/console", "/console/"},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> app() {
        return ConsoleShell.html(app);
    }

    @GetMapping(value = "/console/sign-in", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> signIn() {
        return ConsoleShell.html(signIn);
    }
}
