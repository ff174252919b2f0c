package io.reserva.assistants.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** DNS rebinding defence: browser origins and, when configured, host names. */
class McpOriginFilterTests {

    @Test
    void allowsRequestsWithoutOriginAndListedOriginsOnly() throws Exception {
        McpOriginFilter filter = new McpOriginFilter(
                new McpProperties(List.of("http://localhost:6274/", " https://app.example.com"), List.of()),
                JsonMapper.builder().build());
        assertThat(passes(filter, null, "localhost:8080")).isTrue();
        assertThat(passes(filter, "http://localhost:6274", "localhost:8080")).isTrue();
        assertThat(passes(filter, "HTTPS://APP.EXAMPLE.COM", "localhost:8080")).isTrue();
        assertThat(passes(filter, "http://localhost:6275", "localhost:8080")).isFalse();
        assertThat(passes(filter, "null", "localhost:8080")).isFalse();
    }

    @Test
    void withAHostListOnlyThoseNamesAreServed() throws Exception {
        McpOriginFilter filter = new McpOriginFilter(
                new McpProperties(List.of(), List.of("localhost", "reserva.example.com:443")),
                JsonMapper.builder().build());
        assertThat(passes(filter, null, "localhost:8080")).isTrue();
        assertThat(passes(filter, null, "reserva.example.com:443")).isTrue();
        assertThat(passes(filter, null, "attacker.example:8080")).isFalse();
    }

    private static boolean passes(McpOriginFilter filter, String origin, String host) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        request.addHeader("Host", host);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean passed = new AtomicBoolean();
        FilterChain chain = (req, res) -> passed.set(true);
        filter.doFilter(request, response, chain);
        if (!passed.get()) {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getContentAsString()).contains("\"code\":\"forbidden\"");
        }
        return passed.get();
    }
}
