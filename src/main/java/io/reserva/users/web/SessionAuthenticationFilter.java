package io.reserva.users.web;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.shared.web.Problems;
import io.reserva.tenancy.CurrentCaller;
import io.reserva.users.UserSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a session cookie a caller, like an API key: runs after the key filter and only when the request
 * carries no {@code Authorization} header (a key always wins, and is never asked for a CSRF token). A cookie
 * that is unknown or ended is dropped (and cleared), so the request goes on as anonymous: public pages keep
 * working and protected ones answer {@code 401}.
 *
 * <p>CSRF: a POST, PUT, PATCH or DELETE made with the session must carry {@code X-CSRF-Token}, the token
 * {@code GET /sessions/current} gives; otherwise {@code 403 csrf_token_invalid}. Signing in and setting a
 * password through a one-time link are exempt: they act for nobody's session.
 */
class SessionAuthenticationFilter extends OncePerRequestFilter {

    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SECRET_ATTRIBUTE = SessionAuthenticationFilter.class.getName() + ".secret";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final UserSessions sessions;
    private final SessionCookies cookies;
    private final JsonMapper json;

    SessionAuthenticationFilter(UserSessions sessions, SessionCookies cookies, JsonMapper json) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> secret = SessionCookies.read(request);
        if (secret.isEmpty() || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserSessions.Resolved> session = sessions.resolve(secret.get());
        if (session.isEmpty()) {
            cookies.clear(request, response);
            chain.doFilter(request, response);
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !isExempt(request) && !csrfMatches(request, secret.get())) {
            Problems.write(
                    response,
                    request,
                    json,
                    new ReservaException(
                            ErrorCode.CSRF_TOKEN_INVALID,
                            "A request made with the session cookie must send the " + CSRF_HEADER
                                    + " header that GET /sessions/current gives"));
            return;
        }
        CurrentCaller.set(request, session.get().caller());
        request.setAttribute(SECRET_ATTRIBUTE, secret.get());
        chain.doFilter(request, response);
    }

    private static boolean isExempt(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "POST".equals(request.getMethod()) && (path.equals("/sessions") || path.startsWith("/password-resets/"));
    }

    private static boolean csrfMatches(HttpServletRequest request, String secret) {
        String sent = request.getHeader(CSRF_HEADER);
        return sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8),
                        UserSessions.csrfToken(secret).getBytes(StandardCharsets.UTF_8));
    }
}
