package io.reserva.users;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A one-time link to set a password: shown once, stored only as a hash. */
public record PasswordLink(
        @Schema(
                description = "Shown once; store or send it now",
                example = "pwt_4kQ9x2Lr7TzYp0WcVb3nHs8dJf1aGm6eUo5iRq2tXyZ")
        String token,

        @Schema(
                description = "Where the new password is sent: POST {\"password\": ...}",
                example = "/password-resets/pwt_4kQ9x2Lr7TzYp0WcVb3nHs8dJf1aGm6eUo5iRq2tXyZ")
        String path,

        Instant expiresAt) {}
