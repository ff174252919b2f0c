package io.reserva.users.web;

import io.reserva.tenancy.CurrentCaller;
import io.reserva.users.UserSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a session cookie a caller, like an API key: runs after the key filter and only when the request
 * carries no {@code Authorization} header (a key always wins, and is never asked for a CSRF token). A cookie
 * that is unknown or ended is dropped (and cleared), so the request goes on as anonymous: public pages keep
 * working and protected ones answer {@code 401}.
 *
 * <p>The CSRF token of a state-changing request is checked by {@link CsrfInterceptor}, which knows the handler.
 */
class SessionAuthenticationFilter extends OncePerRequestFilter {

    static final String SECRET_ATTRIBUTE = UserSessions.SECRET_ATTRIBUTE;

    private final UserSessions sessions;
    private final SessionCookies cookies;

    SessionAuthenticationFilter(UserSessions sessions, SessionCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
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
        CurrentCaller.set(request, session.get().caller());
        request.setAttribute(SECRET_ATTRIBUTE, secret.get());
        chain.doFilter(request, response);
    }
}
