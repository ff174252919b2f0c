package io.reserva.assistants.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MCP endpoint's defence against DNS rebinding ({@code RESERVA_MCP_ALLOWED_ORIGINS},
 * {@code RESERVA_MCP_ALLOWED_HOSTS}).
 *
 * @param allowedOrigins browser origins allowed to call /mcp (e.g. {@code http://localhost:6274} for the MCP
 *     Inspector); a request with any other {@code Origin} is refused, one without it (not from a browser) passes
 * @param allowedHosts when not empty, the only {@code Host} names (with or without port) /mcp answers to
 */
@ConfigurationProperties("reserva.mcp")
record McpProperties(List<String> allowedOrigins, List<String> allowedHosts) {

    McpProperties {
        allowedOrigins = clean(allowedOrigins);
        allowedHosts = clean(allowedHosts);
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
