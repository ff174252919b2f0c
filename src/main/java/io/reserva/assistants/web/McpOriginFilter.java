package io.reserva.assistants.web;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * DNS rebinding defence for /mcp, as the MCP transport specification asks: a browser page on another site must
 * not reach a local server through a name that resolves to it. A request carrying an {@code Origin} that is not
 * on the allow-list is refused with {@code 403} before anything else happens; so is a {@code Host} off the host
 * allow-list when one is configured. Requests without {@code Origin} come from programs, not browsers, and pass.
 */
class McpOriginFilter extends OncePerRequestFilter {

    private final Set<String> origins;
    private final Set<String> hosts;
    private final JsonMapper json;

    McpOriginFilter(McpProperties properties, JsonMapper json) {
        this.origins = properties.allowedOrigins().stream()
                .map(McpOriginFilter::normalizeOrigin)
                .collect(Collectors.toUnmodifiableSet());
        this.hosts = properties.allowedHosts().stream()
                .map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !origins.contains(normalizeOrigin(origin))) {
            refuse(request, response, "Origin " + origin + " may not call /mcp (see RESERVA_MCP_ALLOWED_ORIGINS)");
            return;
        }
        if (!hosts.isEmpty()) {
            String host = request.getHeader("Host");
            String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
            String withoutPort = name.replaceFirst(":\\d+$", "");
            if (!hosts.contains(name) && !hosts.contains(withoutPort)) {
                refuse(request, response, "Host " + host + " is not served here (see RESERVA_MCP_ALLOWED_HOSTS)");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        Problems.write(response, request, json, new ReservaException(ErrorCode.FORBIDDEN, detail));
    }

    private static String normalizeOrigin(String origin) {
        String value = origin.strip().toLowerCase(Locale.ROOT);
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
