package io.reserva.assistants;

import io.reserva.reservations.ReservationChanges;
import io.reserva.reservations.ReservationManagement;
import io.reserva.shared.Patch;
import io.reserva.tenancy.Caller;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** update_reservation: {@code PATCH /reservations/{id}}; only the fields sent change. */
@Component
class UpdateReservationHandler implements ToolHandler {

    private final ReservationManagement reservations;
    private final ToolArguments arguments;

    UpdateReservationHandler(ReservationManagement reservations, ToolArguments arguments) {
        this.reservations = reservations;
        this.arguments = arguments;
    }

    @Override
    public AssistantTool tool() {
        return AssistantTool.UPDATE_RESERVATION;
    }

    @Override
    public Object handle(Caller caller, AiAssistant assistant, Map<String, Object> args) {
        Map<String, Object> body = new LinkedHashMap<>(args);
        UUID id = ToolArguments.requiredId(body.remove("id"), "id");
        ReservationChanges changes = arguments.bind(body, ReservationChanges.class);
        return reservations.update(caller, id, new Patch<>(changes, new LinkedHashSet<>(body.keySet())));
    }
}
