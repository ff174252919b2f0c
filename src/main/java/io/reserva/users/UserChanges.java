package io.reserva.users;

import io.swagger.v3.oas.annotations.media.Schema;

/** What an admin may change about a user in their organization. The email is the account's and stays. */
public record UserChanges(
        @Schema(example = "Marta Ruiz Gil") String name,

        @Schema(
                example = "admin",
                allowableValues = {"admin", "staff", "read_only"})
        String role) {}
