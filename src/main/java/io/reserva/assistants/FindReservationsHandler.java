package io.reserva.assistants;

import io.reserva.reservations.ReservationManagement;
import io.reserva.tenancy.Caller;
import java.util.Map;
import org.springframework.stereotype.Component;

/** find_reservations: {@code GET /reservations} in its query language, plus the {@code resource} filter. */
@Component
class FindReservationsHandler implements ToolHandler {

    private final ReservationManagement reservations;

    FindReservationsHandler(ReservationManagement reservations) {
        this.reservations = reservations;
    }

    @Override
    public AssistantTool tool() {
        return AssistantTool.FIND_RESERVATIONS;
    }

    @Override
    public Object handle(Caller caller, AiAssistant assistant, Map<String, Object> arguments) {
        return reservations.list(
                caller,
                ReservationManagement.ASSISTANT_QUERY.parse(ToolArguments.queryParameters(arguments, "resource")),
                ToolArguments.optionalFilterId(arguments.get("resource"), "resource"));
    }
}
