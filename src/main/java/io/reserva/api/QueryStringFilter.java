package io.reserva.api;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A query string the container cannot parse ({@code ?a=%ff}, {@code ?=x}, {@code ?&&&=&=}) is refused with
 * {@code 400 invalid_query} before anything reads a parameter. Tomcat throws on the first read of such a query,
 * wherever that happens (a filter, a controller), which would otherwise surface as a 500.
 */
class QueryStringFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    QueryStringFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getQueryString() != null) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException e) {
                Problems.write(
                        response,
                        request,
                        json,
                        new ReservaException(
                                ErrorCode.INVALID_QUERY,
                                "The query string could not be read: every parameter needs a name, and"
                                        + " percent-escapes must encode UTF-8"));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
