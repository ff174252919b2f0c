package io.reserva.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.shared.web.RequestIds;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The ids a request is known by: the client's own when sane, else a fresh one shaped as before. */
class RequestIdFilterTests {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void aRequestWithoutAnIdGetsARandomVersion4Uuid() throws Exception {
        String first = idGiven(null);
        String second = idGiven(null);

        for (String id : new String[] {first, second}) {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
        }
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aSaneClientIdIsKeptAndAnUnsafeOneReplaced() throws Exception {
        assertThat(idGiven("trace-abc.123")).isEqualTo("trace-abc.123");
        assertThat(UUID.fromString(idGiven("bad id with spaces")).version()).isEqualTo(4);
    }

    private String idGiven(String sent) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/reservations");
        if (sent != null) {
            request.addHeader(RequestIds.HEADER, sent);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        String id = response.getHeader(RequestIds.HEADER);
        assertThat(request.getAttribute(RequestIds.ATTRIBUTE)).isEqualTo(id);
        return id;
    }
}
