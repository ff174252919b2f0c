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
 * Images are larger than JSON bodies: a PUT to the local upload path may carry up to 5 MB (plus one byte, so the
 * store itself sees and refuses a body one byte too large), whatever {@code RESERVA_MAX_BODY_BYTES} says.
 */
@Configuration(proxyBeanMethods = false)
class UploadBodyLimitFilter {

    static final long UPLOAD_LIMIT = 5L * 1024 * 1024 + 1;

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
