package io.reserva.users;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** What an admin sends to add a user to an organization. */
public record NewUser(
        @Schema(description = "Left out: the caller's own organization. Required with a platform key.")
        UUID organizationId,

        @NotBlank @Size(max = 254) @Schema(example = "marta@example.com")
        String email,

        @NotBlank @Size(max = 200) @Schema(example = "Marta Ruiz")
        String name,

        @NotNull
        @Schema(
                example = "staff",
                allowableValues = {"admin", "staff", "read_only"})
        String role,

        @Schema(
                description = "The first password (at least 12 characters, not a common one). Left out: the answer"
                        + " carries a one-time link for the user to set it. Only for a new account.",
                example = "correct horse battery staple")
        String password) {

    @Override
    public String toString() {
        return "NewUser[organizationId=" + organizationId + ", email=" + email + ", role=" + role + "]";
    }
}
