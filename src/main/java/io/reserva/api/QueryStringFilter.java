package io.reserva.api;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A query string the container cannot parse ({@code ?a=%ff}, {@code ?=x}, {@code ?&&&=&=}) is refused with
 * {@code 400 invalid_query} before anything reads a parameter. Tomcat throws on the first read of such a query,
 * wherever that happens (a filter, a controller), which would otherwise surface as a 500. A parameter carrying
 * the NUL character, which PostgreSQL cannot take, is refused here too, naming the parameter.
 */
class QueryStringFilter extends OncePerRequestFilter {

    private static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private final JsonMapper json;

    QueryStringFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getQueryString() != null) {
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
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
            for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
                if (hasNul(parameter.getKey())
                        || Arrays.stream(parameter.getValue()).anyMatch(QueryStringFilter::hasNul)) {
                    String name = parameter.getKey().replace('\u0000', '?');
                    Problems.write(
                            response,
                            request,
                            json,
                            new ReservaException(
                                    ErrorCode.INVALID_QUERY,
                                    name + " " + NUL_MESSAGE,
                                    List.of(new FieldError(name, NUL_MESSAGE))));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
