package io.reserva.tenancy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** What an admin sends to create an API key. */
public record NewApiKey(
        @Schema(description = "Left out: the caller's own organization. Null with role platform_admin.")
        UUID organizationId,

        @NotBlank @Size(max = 200) @Schema(example = "Front desk tablet")
        String name,

        // A string, not a Role: a value the caller may not grant is answered with the roles this caller may grant.
        @NotNull
        @Schema(
                example = "staff",
                allowableValues = {"platform_admin", "admin", "staff", "read_only"},
                description = "platform_admin only with a platform key; assistant keys come from /ai-assistants")
        String role,

        @Schema(description = "Optional expiry", example = "2027-12-31T23:59:59Z")
        Instant expiresAt) {}
