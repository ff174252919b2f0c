package io.reserva.users;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/** A user just added: with the one-time link to set a password when none was given for a new account. */
public record CreatedUser(
        @JsonUnwrapped User user,

        @Schema(description = "Null when a password was given or the account already had one")
        PasswordLink passwordSetup) {}
