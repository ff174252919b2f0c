package io.reserva.users.web;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.PublicEndpoint;
import io.reserva.users.CurrentSession;
import io.reserva.users.UserSessions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in and the signed-in session. The handlers on {@code /sessions/current} are open to every role
 * (read_only users sign out and change their password too), so they are marked public and check the session
 * themselves; those that change something are {@link CsrfProtected}.
 */
@RestController
@RequestMapping("/sessions")
@Tag(
        name = "Sessions",
        description = "Staff sign-in for browsers: a session cookie (HttpOnly, SameSite=Lax) that acts like an API"
                + " key of the user's role; state-changing requests with it need the X-CSRF-Token header")
class SessionController {

    private final UserSessions sessions;
    private final SessionCookies cookies;

    SessionController(UserSessions sessions, SessionCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @PostMapping
    @PublicEndpoint
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Sign in: sets the session cookie (a new session id every time) and answers the session with"
                    + " its CSRF token. Wrong email or password: 401 invalid_credentials, the same for both;"
                    + " too many failures for the account or the address: 429 with Retry-After")
    CurrentSession signIn(@Valid @RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response) {
        UserSessions.Started started;
        try {
            started = sessions.signIn(body.email(), body.password(), body.organizationId(), request.getRemoteAddr());
        } catch (ReservaException e) {
            if (e.code() == ErrorCode.RATE_LIMITED) {
                response.setHeader(
                        HttpHeaders.RETRY_AFTER, String.valueOf(e.extensions().get("retry_after")));
            }
            throw e;
        }
        cookies.set(request, response, started.secret(), started.maxAge());
        return started.session();
    }

    @GetMapping("/current")
    @PublicEndpoint
    @Operation(summary = "Who is signed in, in which organization, until when, and the CSRF token")
    CurrentSession current(HttpServletRequest request) {
        return sessions.current(secret(request));
    }

    @DeleteMapping("/current")
    @PublicEndpoint
    @CsrfProtected
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out: the session ends at once, on every node, and the cookie is cleared")
    void signOut(HttpServletRequest request, HttpServletResponse response) {
        sessions.signOut(secret(request));
        cookies.clear(request, response);
    }

    @PatchMapping("/current")
    @PublicEndpoint
    @CsrfProtected
    @Operation(summary = "Switch to another of the user's organizations; the session gets a new id (and cookie)")
    CurrentSession switchOrganization(
            @Valid @RequestBody SwitchOrganization body, HttpServletRequest request, HttpServletResponse response) {
        UserSessions.Started started = sessions.switchOrganization(secret(request), body.organizationId());
        cookies.set(request, response, started.secret(), started.maxAge());
        return started.session();
    }

    @PostMapping("/current/password")
    @PublicEndpoint
    @CsrfProtected
    @Operation(
            summary = "Change the signed-in user's password: every session of the account ends, this browser gets"
                    + " a new one")
    CurrentSession changePassword(
            @Valid @RequestBody PasswordChange body, HttpServletRequest request, HttpServletResponse response) {
        UserSessions.Started started =
                sessions.changePassword(secret(request), body.currentPassword(), body.newPassword());
        cookies.set(request, response, started.secret(), started.maxAge());
        return started.session();
    }

    private static String secret(HttpServletRequest request) {
        Object secret = request.getAttribute(SessionAuthenticationFilter.SECRET_ATTRIBUTE);
        if (secret == null) {
            throw new ReservaException(
                    ErrorCode.UNAUTHORIZED, "This needs a signed-in session (POST /sessions); API keys have none");
        }
        return (String) secret;
    }

    record SignIn(
            @NotNull @Schema(example = "marta@example.com") String email,

            @NotNull @Schema(example = "correct horse battery staple")
            String password,

            @Schema(description = "Left out: the user's oldest membership")
            UUID organizationId) {
        @Override
        public String toString() {
            return "SignIn[email=" + email + ", organizationId=" + organizationId + "]";
        }
    }

    record SwitchOrganization(@NotNull UUID organizationId) {}

    record PasswordChange(
            @NotNull @Schema(example = "correct horse battery staple")
            String currentPassword,

            @NotNull @Schema(example = "a new and longer passphrase")
            String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }
}
