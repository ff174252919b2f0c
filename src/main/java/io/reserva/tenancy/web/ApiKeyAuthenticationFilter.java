package io.reserva.tenancy.web;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.shared.web.Problems;
import io.reserva.tenancy.ApiKeyManagement;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.CurrentCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code Authorization: Bearer <key>} and records who is calling. A request without the header goes on
 * as anonymous (the access interceptor decides whether that is allowed); a header with a bad key is refused
 * here, whatever the path.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiKeyManagement apiKeys;
    private final JsonMapper json;

    ApiKeyAuthenticationFilter(ApiKeyManagement apiKeys, JsonMapper json) {
        this.apiKeys = apiKeys;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && !CurrentCaller.isAuthenticatedByChannel(request)) {
            if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                refuse(request, response, "The Authorization header must be 'Bearer <API key>'");
                return;
            }
            Optional<Caller> caller =
                    apiKeys.authenticate(header.substring(BEARER.length()).strip());
            if (caller.isEmpty()) {
                refuse(request, response, "The API key is not valid: unknown, revoked or expired");
                return;
            }
            CurrentCaller.set(request, caller.get());
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        Problems.write(response, request, json, new ReservaException(ErrorCode.UNAUTHORIZED, detail));
    }
}
