package io.reserva.users;

import io.reserva.tenancy.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A staff user as one organization sees them: their account's email, and the name and role it gave them. */
public record User(
        UUID id,
        UUID organizationId,
        @Schema(example = "marta@example.com") String email,
        @Schema(example = "Marta Ruiz") String name,

        @Schema(allowableValues = {"admin", "staff", "read_only"})
        Role role,

        @Schema(
                description = "active: can sign in; invited: has not set a password yet",
                allowableValues = {"active", "invited"})
        String status,

        Instant createdAt,
        Instant updatedAt) {}
