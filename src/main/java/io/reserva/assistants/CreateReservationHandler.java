package io.reserva.assistants;

import io.reserva.reservations.NewReservation;
import io.reserva.reservations.ReservationManagement;
import io.reserva.reservations.ReservationSource;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.tenancy.Caller;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * create_reservation: {@code POST /reservations} with source {@code ai_assistant}, and the tool's own optional
 * {@code idempotency_key} (see {@link ToolIdempotency}), the only tool that takes one.
 */
@Component
class CreateReservationHandler implements ToolHandler {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final String IDEMPOTENCY_KEY = ToolCatalogue.IDEMPOTENCY_KEY;

    private final ReservationManagement reservations;
    private final ToolIdempotency idempotency;
    private final ToolArguments arguments;
    private final JsonMapper json;

    CreateReservationHandler(
            ReservationManagement reservations, ToolIdempotency idempotency, ToolArguments arguments, JsonMapper json) {
        this.reservations = reservations;
        this.idempotency = idempotency;
        this.arguments = arguments;
        this.json = json;
    }

    @Override
    public AssistantTool tool() {
        return AssistantTool.CREATE_RESERVATION;
    }

    @Override
    public Object handle(Caller caller, AiAssistant assistant, Map<String, Object> args) {
        Map<String, Object> body = new LinkedHashMap<>(args);
        Object key = body.remove(IDEMPOTENCY_KEY);
        if (key != null && !(key instanceof String text && text.matches("[\\x21-\\x7e]{1,255}"))) {
            throw ReservaException.invalidField(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters");
        }
        NewReservation request = asAssistant(arguments.bind(body, NewReservation.class));
        if (key == null) {
            return reservations.create(caller, request);
        }
        String idempotencyKey = (String) key;
        byte[] hash =
                Secrets.sha256(json.writeValueAsString(new TreeMap<>(body)).getBytes(StandardCharsets.UTF_8));
        ToolIdempotency.Claim claim =
                idempotency.claim(assistant.organizationId(), assistant.id(), idempotencyKey, hash);
        if (claim instanceof ToolIdempotency.Claim.Replay replay) {
            return replay.result();
        }
        if (claim instanceof ToolIdempotency.Claim.Conflict) {
            throw new ReservaException(
                    ErrorCode.IDEMPOTENCY_CONFLICT,
                    "idempotency_key was already used with other arguments",
                    List.of(new FieldError(IDEMPOTENCY_KEY, "was already used with other arguments")));
        }
        if (claim instanceof ToolIdempotency.Claim.InProgress) {
            throw new ReservaException(
                    ErrorCode.IDEMPOTENCY_IN_PROGRESS, "A call with this idempotency_key is still running; retry");
        }
        try {
            // Stored for replays as it is answered: without the stored contact.
            Map<String, Object> created = json.convertValue(
                    ToolResults.asSeenByAssistant(tool(), reservations.create(caller, request)), OBJECT);
            idempotency.complete(assistant.organizationId(), assistant.id(), idempotencyKey, created);
            return created;
        } catch (RuntimeException e) {
            idempotency.release(assistant.organizationId(), assistant.id(), idempotencyKey);
            throw e;
        }
    }

    /** The request as an assistant may make it: its own organization, source ai_assistant, never staff-only. */
    private static NewReservation asAssistant(NewReservation sent) {
        return new NewReservation(
                null,
                sent.serviceId(),
                sent.contactId(),
                sent.contact(),
                sent.partySize(),
                sent.startDatetime(),
                sent.status(),
                sent.holdMinutes(),
                ReservationSource.AI_ASSISTANT,
                sent.customerNotes(),
                sent.internalNotes(),
                sent.dealId(),
                sent.companyId(),
                sent.preferredResourceId(),
                sent.seatingPreference(),
                null,
                sent.customFieldsByKey(),
                null);
    }
}
