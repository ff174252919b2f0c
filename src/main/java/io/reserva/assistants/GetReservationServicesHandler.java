package io.reserva.assistants;

import io.reserva.catalog.ServiceManagement;
import io.reserva.tenancy.Caller;
import java.util.Map;
import org.springframework.stereotype.Component;

/** get_reservation_services: {@code GET /reservation-services} in its query language. */
@Component
class GetReservationServicesHandler implements ToolHandler {

    private final ServiceManagement services;

    GetReservationServicesHandler(ServiceManagement services) {
        this.services = services;
    }

    @Override
    public AssistantTool tool() {
        return AssistantTool.GET_RESERVATION_SERVICES;
    }

    @Override
    public Object handle(Caller caller, AiAssistant assistant, Map<String, Object> arguments) {
        return services.list(caller, ServiceManagement.QUERY.parse(ToolArguments.queryParameters(arguments, null)));
    }
}
