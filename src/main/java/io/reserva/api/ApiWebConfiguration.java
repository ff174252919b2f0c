package io.reserva.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.reserva.shared.web.FilterOrder;
import jakarta.servlet.DispatcherType;
import jakarta.validation.Validator;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/** Registers the filters every request passes, in {@link FilterOrder}, and the PATCH binding. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    private final JsonMapper json;
    private final Validator validator;

    ApiWebConfiguration(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** Request mappings looked up by their literal prefix first ({@link LiteralPrefixHandlerMapping}). */
    @Bean
    WebMvcRegistrations literalPrefixHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new LiteralPrefixHandlerMapping();
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(FilterOrder.REQUEST_ID);
        return registration;
    }

    @Bean
    FilterRegistrationBean<HttpServerRequestsFilter> httpServerRequestsFilter(MeterRegistry registry) {
        var registration = new FilterRegistrationBean<>(new HttpServerRequestsFilter(registry));
        registration.setOrder(FilterOrder.HTTP_SERVER_REQUESTS);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryStringFilter> queryStringFilter() {
        var registration = new FilterRegistrationBean<>(new QueryStringFilter(json));
        registration.setOrder(FilterOrder.QUERY_STRING);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(ApiProperties properties) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(properties, json));
        registration.setOrder(FilterOrder.RATE_LIMIT);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ApiProperties properties) {
        var registration = new FilterRegistrationBean<>(new BodyLimitFilter(properties.maxBodyBytes(), json));
        registration.setOrder(FilterOrder.BODY_LIMIT);
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ApiProperties properties) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, properties, json));
        registration.setOrder(FilterOrder.IDEMPOTENCY);
        return registration;
    }

    /** Tomcat's own refusals (bad path encodings, an unparsable request line) answer as problems too. */
    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PatchArgumentResolver(json, validator));
    }
}
