package io.reserva.assistants;

import io.reserva.availability.SlotFinder;
import io.reserva.availability.SlotSearch;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** get_available_slots: {@code GET /reservation-available-slots}, for one date or a range. */
@Component
class GetAvailableSlotsHandler implements ToolHandler {

    private final SlotFinder slots;
    private final ToolArguments arguments;

    GetAvailableSlotsHandler(SlotFinder slots, ToolArguments arguments) {
        this.slots = slots;
        this.arguments = arguments;
    }

    @Override
    public AssistantTool tool() {
        return AssistantTool.GET_AVAILABLE_SLOTS;
    }

    @Override
    public Object handle(Caller caller, AiAssistant assistant, Map<String, Object> args) {
        return slots.find(caller, search(arguments.bind(args, SlotArguments.class)));
    }

    /** The search the slots endpoint would make of the same parameters: one date, or a range of both ends. */
    static SlotSearch search(SlotArguments sent) {
        List<FieldError> errors = new ArrayList<>();
        boolean isRange = sent.startDate() != null || sent.endDate() != null;
        if (sent.date() != null && isRange) {
            errors.add(new FieldError("date", "give either date or start_date and end_date, not both"));
        } else if (sent.date() == null && !isRange) {
            errors.add(new FieldError("date", "is required (or start_date and end_date for a range)"));
        } else if (isRange && (sent.startDate() == null || sent.endDate() == null)) {
            errors.add(new FieldError(sent.startDate() == null ? "start_date" : "end_date", "is required for a range"));
        }
        ReservaException.throwIfAny(errors);
        return new SlotSearch(
                null,
                sent.serviceId(),
                isRange ? sent.startDate() : sent.date(),
                isRange ? sent.endDate() : sent.date(),
                sent.partySize() == null ? 1 : sent.partySize(),
                sent.resourceId(),
                sent.areaId(),
                !isRange);
    }
}
