package io.reserva.api;

import io.reserva.shared.web.FilterOrder;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the management endpoints served on the application port. With {@code RESERVA_MANAGEMENT_PORT} set they
 * move to that port, which the operator keeps private, and answer there without a key (a Prometheus scraper
 * has none); health stays open either way, for load balancers and orchestrators.
 */
@Configuration(proxyBeanMethods = false)
class ManagementAccessConfiguration {

    private static final EndpointId HEALTH = EndpointId.of("health");

    @Bean
    FilterRegistrationBean<ManagementAccessFilter> managementAccessFilter(
            ObjectProvider<PathMappedEndpoints> endpoints, Environment environment, JsonMapper json) {
        List<String> guarded = ManagementPortType.get(environment) == ManagementPortType.SAME
                ? guardedPaths(endpoints.getIfAvailable())
                : List.of();
        var registration = new FilterRegistrationBean<>(new ManagementAccessFilter(guarded, json));
        // Right after authentication, which records the caller; before rate limiting and everything else.
        registration.setOrder(FilterOrder.AUTHENTICATION + 1);
        registration.setEnabled(!guarded.isEmpty());
        return registration;
    }

    static List<String> guardedPaths(PathMappedEndpoints endpoints) {
        if (endpoints == null) {
            return List.of();
        }
        String health = endpoints.getRootPath(HEALTH);
        return endpoints.stream()
                .map(PathMappedEndpoint::getRootPath)
                .filter(root -> !root.equals(health))
                .map(root -> endpoints.getBasePath().replaceAll("/+$", "") + "/" + root.replaceAll("^/+", ""))
                .toList();
    }
}
