package io.reserva.users;

import io.reserva.tenancy.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who is signed in, where, until when, and the token that every state-changing request must carry. */
public record CurrentSession(
        UUID userId,
        @Schema(example = "marta@example.com") String email,
        @Schema(example = "Marta Ruiz") String name,
        UUID organizationId,

        @Schema(allowableValues = {"admin", "staff", "read_only"})
        Role role,

        @Schema(description = "Every organization this user belongs to; switch with PATCH /sessions/current")
        List<MembershipSummary> organizations,

        Instant createdAt,

        @Schema(description = "The session ends then, used or not")
        Instant expiresAt,

        @Schema(
                description = "Send as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE made with the"
                        + " session cookie")
        String csrfToken) {

    /** One organization the user may switch to. */
    public record MembershipSummary(
            UUID organizationId,
            @Schema(example = "Casa Lucio") String organizationName,
            Role role) {}
}
