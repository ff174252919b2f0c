package io.reserva.assistants;

import io.reserva.tenancy.Caller;
import java.util.Map;

/**
 * One tool's work: its arguments (already checked against its schema) bound and handed to the facade of the REST
 * endpoint it stands for. A refusal is thrown as a {@link io.reserva.shared.ReservaException}; the result is the
 * object the REST endpoint would answer.
 */
interface ToolHandler {

    AssistantTool tool();

    /**
     * @param caller the assistant's own rights in its organization
     * @param assistant the assistant calling
     * @param arguments the arguments as sent, never null
     */
    Object handle(Caller caller, AiAssistant assistant, Map<String, Object> arguments);
}
