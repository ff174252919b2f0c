package io.reserva.google.web;

import io.reserva.google.GoogleProperties;
import io.reserva.google.GoogleRequests;
import io.reserva.google.PartnerCredentials;
import io.reserva.shared.web.FilterOrder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Puts partner authentication in front of the booking server's paths, and only those. */
@Configuration(proxyBeanMethods = false)
class GoogleWebConfiguration {

    @Bean
    FilterRegistrationBean<PartnerAuthenticationFilter> googlePartnerAuthenticationFilter(
            PartnerCredentials credentials, GoogleRequests requests, GoogleProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new PartnerAuthenticationFilter(credentials, requests, json));
        registration.addUrlPatterns(properties.basePath(), properties.basePath() + "/*");
        registration.setOrder(FilterOrder.CHANNEL_AUTHENTICATION);
        return registration;
    }
}
