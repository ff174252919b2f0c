package io.reserva.google.web;

import io.reserva.google.GoogleRequests;
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
import java.time.Instant;
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
    private final GoogleRequests requests;
    private final JsonMapper json;

    PartnerAuthenticationFilter(PartnerCredentials credentials, GoogleRequests requests, JsonMapper json) {
        this.credentials = credentials;
        this.requests = requests;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant started = requests.now();
        try {
            authenticateAndServe(request, response, chain);
        } finally {
            Object cause = request.getAttribute(GoogleOutcomeAdvice.OUTCOME);
            int status = response.getStatus();
            String outcome = cause != null ? cause.toString() : status < 400 ? "ok" : "http_" + status;
            String path = request.getRequestURI();
            String method = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            requests.record(method.substring(method.lastIndexOf('/') + 1), started, status, outcome);
        }
    }

    private void authenticateAndServe(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
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
