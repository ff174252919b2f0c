package io.reserva.uploads.web;

import io.reserva.shared.web.FilterOrder;
import io.reserva.shared.web.RequestBodyLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Images are larger than JSON bodies: a PUT to the local upload path passes the generic body limit with up to
 * 16 MB, whatever {@code RESERVA_MAX_BODY_BYTES} says. The store refuses anything over 5 MB itself (413), and
 * reads the rest of such a body first, so a client still sending gets that answer rather than a reset
 * connection; past 16 MB the generic limit answers at once.
 */
@Configuration(proxyBeanMethods = false)
class UploadBodyLimitFilter {

    static final long UPLOAD_LIMIT = 16L * 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadBodyLimit() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("PUT".equals(request.getMethod()) && request.getRequestURI().startsWith("/uploads/")) {
                    request.setAttribute(RequestBodyLimit.ATTRIBUTE, UPLOAD_LIMIT);
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(FilterOrder.BODY_LIMIT - 1);
        return registration;
    }
}
