package io.reserva.api;

import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A browser at {@code /} is a person, most likely staff opening the console: it is sent to the console's
 * sign-in page, which also links the API documentation, the OpenAPI description, health and the error codes.
 * Only answers that accept HTML are redirected; API clients get what they got before (no handler for their
 * {@code Accept}).
 */
@RestController
@PublicEndpoint
@Hidden
class HomePageController {

    static final String SIGN_IN = "/console/sign-in";

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Void> home() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(SIGN_IN))
                .header("Cache-Control", "no-store")
                .build();
    }
}
