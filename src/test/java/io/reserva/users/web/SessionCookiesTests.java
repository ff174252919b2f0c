package io.reserva.users.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.users.UsersProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SessionCookiesTests {

    static SessionCookies trusting(String... proxies) {
        return new SessionCookies(
                new UsersProperties(null, null, null, null, null, null, null, null, List.of(proxies)));
    }

    static MockHttpServletRequest from(String address, String forwardedProto) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sessions");
        request.setRemoteAddr(address);
        if (forwardedProto != null) {
            request.addHeader("X-Forwarded-Proto", forwardedProto);
        }
        return request;
    }

    @Test
    void believesForwardedProtoOnlyFromConfiguredProxies() {
        SessionCookies cookies = trusting("10.1.0.0/16", "::1");
        assertThat(cookies.isHttps(from("10.1.200.3", "https"))).isTrue();
        assertThat(cookies.isHttps(from("::1", "https"))).isTrue();
        assertThat(cookies.isHttps(from("10.2.0.1", "https"))).isFalse();
        assertThat(cookies.isHttps(from("10.1.200.3", "http"))).isFalse();
        assertThat(cookies.isHttps(from("10.1.200.3", null))).isFalse();
        assertThat(trusting().isHttps(from("127.0.0.1", "https"))).isFalse();
    }

    @Test
    void aTlsConnectionIsHttpsWhoeverSendsIt() {
        MockHttpServletRequest request = from("203.0.113.9", null);
        request.setSecure(true);
        assertThat(trusting().isHttps(request)).isTrue();
    }

    @Test
    void refusesAProxySettingThatIsNotAnAddress() {
        assertThatThrownBy(() -> trusting("proxy.example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trusting("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
