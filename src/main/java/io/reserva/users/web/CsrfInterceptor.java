package io.reserva.users.web;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.PublicEndpoint;
import io.reserva.users.UserSessions;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * CSRF: a POST, PUT, PATCH or DELETE made with the session cookie must carry {@code X-CSRF-Token}, the token
 * {@code GET /sessions/current} gives; otherwise {@code 403 csrf_token_invalid}. Requests with an API key
 * never have a session here. Public handlers are exempt (they act for nobody: signing in, a one-time password
 * link, a guest's booking on a public page that a signed-in host happens to open in the same browser) unless
 * marked {@link CsrfProtected}. Fails closed for everything else, handlers outside the application included.
 */
class CsrfInterceptor implements HandlerInterceptor {

    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object secret = request.getAttribute(SessionAuthenticationFilter.SECRET_ATTRIBUTE);
        if (secret == null
                || SAFE_METHODS.contains(request.getMethod())
                || request.getDispatcherType() == DispatcherType.ERROR
                || isExempt(handler)) {
            return true;
        }
        String sent = request.getHeader(HEADER);
        boolean matches = sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8),
                        UserSessions.csrfToken((String) secret).getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            throw new ReservaException(
                    ErrorCode.CSRF_TOKEN_INVALID,
                    "A request made with the session cookie must send the " + HEADER
                            + " header that GET /sessions/current gives");
        }
        return true;
    }

    private static boolean isExempt(Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("io.reserva")) {
            return false;
        }
        boolean isPublic = method.hasMethodAnnotation(PublicEndpoint.class)
                || method.getBeanType().isAnnotationPresent(PublicEndpoint.class);
        return isPublic && !method.hasMethodAnnotation(CsrfProtected.class);
    }
}
