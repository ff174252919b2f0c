package io.reserva.users.web;

import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.reserva.users.CreatedUser;
import io.reserva.users.NewUser;
import io.reserva.users.PasswordLink;
import io.reserva.users.SessionsEnded;
import io.reserva.users.User;
import io.reserva.users.UserChanges;
import io.reserva.users.UserManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/users")
@Tag(
        name = "Users",
        description = "Staff accounts of an organization (admins only): one email per person across the"
                + " installation, a name and a role (admin, staff, read_only) in each organization")
class UserController {

    private static final String ORGANIZATION_PARAMETER =
            "Required with a platform key (a user may belong to several organizations); otherwise the caller's own";

    private final UserManagement users;

    UserController(UserManagement users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "List the organization's users (filters: id, email, name, role, created_at, updated_at)")
    Page<User> list(Caller caller, HttpServletRequest request) {
        return users.list(caller, UserManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a user of the organization")
    User get(
            Caller caller,
            @PathVariable UUID id,
            @Parameter(description = ORGANIZATION_PARAMETER) @RequestParam(name = "organization_id", required = false)
                    UUID organizationId) {
        return users.get(caller, organizationId, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Add a user to an organization. A new account gets the password sent, or else a one-time"
                    + " link to set it (password_setup, shown once). An email that already has an account is added"
                    + " as it is: its password stays its own")
    CreatedUser create(Caller caller, @Valid @RequestBody NewUser request) {
        return users.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change the user's name or role in the organization (takes effect on their next request)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = UserChanges.class))))
    User update(
            Caller caller,
            @PathVariable UUID id,
            @Parameter(description = ORGANIZATION_PARAMETER) @RequestParam(name = "organization_id", required = false)
                    UUID organizationId,
            Patch<UserChanges> patch) {
        return users.update(caller, organizationId, id, patch);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove the user from the organization; their sessions there end at once")
    User remove(
            Caller caller,
            @PathVariable UUID id,
            @Parameter(description = ORGANIZATION_PARAMETER) @RequestParam(name = "organization_id", required = false)
                    UUID organizationId) {
        return users.remove(caller, organizationId, id);
    }

    @DeleteMapping("/{id}/sessions")
    @Operation(
            summary = "End the user's sessions at once, on every node (in this organization; a platform key ends"
                    + " all of them)")
    SessionsEnded endSessions(
            Caller caller,
            @PathVariable UUID id,
            @Parameter(description = ORGANIZATION_PARAMETER) @RequestParam(name = "organization_id", required = false)
                    UUID organizationId) {
        return users.endSessions(caller, organizationId, id);
    }

    @PostMapping("/{id}/password-resets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a one-time password reset link (shown once, expires; earlier links stop working)."
                    + " 409 for a user who also belongs to other organizations, unless a platform key asks")
    PasswordLink createResetLink(
            Caller caller,
            @PathVariable UUID id,
            @Parameter(description = ORGANIZATION_PARAMETER) @RequestParam(name = "organization_id", required = false)
                    UUID organizationId) {
        return users.createResetLink(caller, organizationId, id);
    }
}
