package io.reserva.api;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.shared.web.Problems;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.CurrentCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the application port, the management endpoints other than health ({@code /metrics}: install paths, JVM and
 * pool details, every route with its traffic) answer only a platform admin key. Actuator handlers sit outside
 * Spring MVC's controllers, so the access interceptor never sees them; this filter runs right after
 * authentication instead. The path is the servlet path (decoded, normalized, without {@code ;parameters}), the
 * form Spring's matching sees, so {@code /%6Detrics} or {@code /metrics;x} are caught too.
 */
class ManagementAccessFilter extends OncePerRequestFilter {

    private final List<String> protectedPaths;
    private final JsonMapper json;

    ManagementAccessFilter(List<String> protectedPaths, JsonMapper json) {
        this.protectedPaths = List.copyOf(protectedPaths);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isProtected(request)) {
            Optional<Caller> caller = CurrentCaller.of(request);
            if (caller.isEmpty()) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                Problems.write(
                        response,
                        request,
                        json,
                        new ReservaException(
                                ErrorCode.UNAUTHORIZED,
                                "This endpoint needs a platform admin key ('Authorization: Bearer <key>'), or"
                                        + " serve it on RESERVA_MANAGEMENT_PORT"));
                return;
            }
            if (!caller.get().isPlatform()) {
                Problems.write(
                        response,
                        request,
                        json,
                        new ReservaException(ErrorCode.FORBIDDEN, "Only a platform admin key can read this endpoint"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean isProtected(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        for (String root : protectedPaths) {
            if (path.equals(root) || path.startsWith(root + "/")) {
                return true;
            }
        }
        return false;
    }
}
