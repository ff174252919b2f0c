package io.reserva.google;

import io.swagger.v3.oas.annotations.media.Schema;

/** What to issue: the user name Google will send (default {@code google}). */
public record NewPartnerCredential(
        @Schema(description = "1 to 100 visible characters, no colon; default google", example = "google")
        String username) {}
