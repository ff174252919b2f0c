package io.reserva.users.web;

import io.reserva.shared.web.FilterOrder;
import io.reserva.users.UserSessions;
import io.reserva.users.UsersProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the session cookie in as a way to authenticate, right after API keys and before rate limiting. */
@Configuration(proxyBeanMethods = false)
class UsersWebConfiguration {

    @Bean
    SessionCookies sessionCookies(UsersProperties properties) {
        return new SessionCookies(properties);
    }

    @Bean
    FilterRegistrationBean<SessionAuthenticationFilter> sessionAuthenticationFilter(
            UserSessions sessions, SessionCookies cookies, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new SessionAuthenticationFilter(sessions, cookies, json));
        registration.setOrder(FilterOrder.SESSION_AUTHENTICATION);
        return registration;
    }
}
