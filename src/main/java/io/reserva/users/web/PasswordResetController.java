package io.reserva.users.web;

import io.reserva.tenancy.PublicEndpoint;
import io.reserva.users.UserManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PublicEndpoint
@Tag(name = "Users")
class PasswordResetController {

    private final UserManagement users;

    PasswordResetController(UserManagement users) {
        this.users = users;
    }

    @PostMapping("/password-resets/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Set a password through a one-time link (an invitation's or an admin's reset). Every session"
                    + " of the account ends; the link works once. Unknown, used or expired: 404 invalid_token")
    void complete(@PathVariable String token, @Valid @RequestBody NewPassword body) {
        users.completePasswordLink(token, body.password());
    }

    record NewPassword(
            @NotNull @Schema(example = "correct horse battery staple")
            String password) {
        @Override
        public String toString() {
            return "NewPassword[]";
        }
    }
}
