package io.reserva.users.web;

import io.reserva.shared.web.FilterOrder;
import io.reserva.users.UserSessions;
import io.reserva.users.UsersProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the session cookie in as a way to authenticate, right after API keys and before rate limiting, and the
 * CSRF check of requests made with it.
 */
@Configuration(proxyBeanMethods = false)
class UsersWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CsrfInterceptor());
    }

    @Bean
    SessionCookies sessionCookies(UsersProperties properties) {
        return new SessionCookies(properties);
    }

    @Bean
    FilterRegistrationBean<SessionAuthenticationFilter> sessionAuthenticationFilter(
            UserSessions sessions, SessionCookies cookies) {
        var registration = new FilterRegistrationBean<>(new SessionAuthenticationFilter(sessions, cookies));
        registration.setOrder(FilterOrder.SESSION_AUTHENTICATION);
        return registration;
    }
}
