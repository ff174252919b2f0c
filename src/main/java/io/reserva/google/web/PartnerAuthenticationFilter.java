package io.reserva.google.web;

import io.reserva.google.PartnerCredentials;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.shared.web.Problems;
import io.reserva.tenancy.CurrentCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google's calls carry HTTP Basic with a partner credential; every path of the booking server needs one, and
 * anything else is {@code 401} with a Basic challenge (the answer Google's reference lists for a failed
 * authentication) before the request goes further.
 */
class PartnerAuthenticationFilter extends OncePerRequestFilter {

    private final PartnerCredentials credentials;
    private final JsonMapper json;

    PartnerAuthenticationFilter(PartnerCredentials credentials, JsonMapper json) {
        this.credentials = credentials;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!credentials.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"reserva-google\", charset=\"UTF-8\"");
            Problems.write(
                    response,
                    request,
                    json,
                    new ReservaException(
                            ErrorCode.UNAUTHORIZED,
                            "The booking server needs a valid partner credential (HTTP Basic)"));
            return;
        }
        CurrentCaller.authenticatedByChannel(request);
        chain.doFilter(request, response);
    }
}
