package io.reserva.console.web;

import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's two HTML shells. They carry no data at all: the scripts ask the public API with the session
 * cookie, and a page that gets {@code 401} goes to the sign-in page. So the shells are public and the same for
 * everyone, under a Content-Security-Policy that allows only this server's scripts, styles and API.
 */
@Controller
@PublicEndpoint
@Hidden
class ConsoleController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final String app = template("console/app.html");
    private final String signIn = template("console/sign-in.html");

    @GetMapping(
            value = {"/console", "/console/"},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> app() {
        return html(app);
    }

    @GetMapping(value = "/console/sign-in", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> signIn() {
        return html(signIn);
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    private static String template(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The console template " + path + " is missing", e);
        }
    }
}
