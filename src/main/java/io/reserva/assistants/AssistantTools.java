package io.reserva.assistants;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way in to the five reservation tools, for the MCP server and the REST face alike: what they are (the
 * {@link ToolCatalogue}) and calling them. A call is checked against the tool's schema, handed to that tool's
 * {@link ToolHandler}, which goes through the REST API's own facades (so validation, tenancy and events are the
 * API's), and written to the audit trail ({@link ToolAuditTrail}), whatever happens. Tools act with the
 * assistant's rights in the assistant's organization, never with {@code override}.
 */
@Service
public class AssistantTools {

    private static final Logger log = LoggerFactory.getLogger(AssistantTools.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final ToolCatalogue catalogue;
    private final Map<AssistantTool, ToolHandler> handlers = new EnumMap<>(AssistantTool.class);
    private final ToolAuditTrail auditTrail;
    private final JsonMapper json;

    AssistantTools(ToolCatalogue catalogue, List<ToolHandler> handlers, ToolAuditTrail auditTrail, JsonMapper json) {
        this.catalogue = catalogue;
        for (ToolHandler handler : handlers) {
            if (this.handlers.put(handler.tool(), handler) != null) {
                throw new IllegalStateException(
                        "Two handlers for " + handler.tool().key());
            }
        }
        this.auditTrail = auditTrail;
        this.json = json;
    }

    public List<ToolDefinition> definitions() {
        return catalogue.definitions();
    }

    public ToolDefinition definition(AssistantTool tool) {
        return catalogue.definition(tool);
    }

    /** The tools this assistant may call now, in their canonical order: none when it is inactive. */
    public List<ToolDefinition> enabledFor(AiAssistant assistant) {
        return catalogue.enabledFor(assistant);
    }

    /** A result as JSON text, for clients that read only a tool's text content. */
    public String text(Map<String, Object> result) {
        return json.writeValueAsString(result);
    }

    /** An error outcome as a plain JSON object (codes, fields, extensions such as the nearest free starts). */
    public Map<String, Object> errorBody(ToolOutcome outcome) {
        return json.convertValue(outcome.errorBody(), OBJECT);
    }

    /**
     * Calls a tool for an assistant and records the call. A tool the assistant may not call (unknown, disabled, or
     * the assistant inactive) is a {@code not_found} error, exactly like an unknown one. Never throws for bad
     * input or a refusal: the outcome carries the error.
     */
    public ToolOutcome call(AiAssistant assistant, String toolKey, Map<String, Object> arguments, String channel) {
        long started = System.nanoTime();
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        AssistantTool tool = AssistantTool.fromKey(toolKey).orElse(null);
        ToolOutcome outcome;
        if (tool == null || !assistant.mayCall(tool) || !handlers.containsKey(tool)) {
            outcome = new ToolOutcome(toolKey, null, unknown(assistant, toolKey));
        } else {
            outcome = run(assistant, tool, args);
        }
        int durationMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        auditTrail.record(assistant, toolKey, args, channel, outcome, durationMs);
        return outcome;
    }

    private static ReservaException unknown(AiAssistant assistant, String toolKey) {
        return new ReservaException(
                ErrorCode.NOT_FOUND,
                "Unknown tool '" + toolKey + "': this assistant's tools are "
                        + (assistant.isActive() && !assistant.tools().isEmpty()
                                ? String.join(", ", assistant.tools())
                                : "none"));
    }

    private ToolOutcome run(AiAssistant assistant, AssistantTool tool, Map<String, Object> args) {
        // The assistant's own rights in its own organization, whoever invokes it (an admin trying it out too).
        Caller caller = new Caller(
                assistant.credential() == null ? null : assistant.credential().apiKeyId(),
                assistant.organizationId(),
                Role.ASSISTANT);
        try {
            ToolArguments.checkNames(tool, catalogue.argumentNames(tool), args);
            ToolArguments.checkNoNul(args);
            return new ToolOutcome(
                    tool.key(),
                    asObject(ToolResults.asSeenByAssistant(
                            tool, handlers.get(tool).handle(caller, assistant, args))),
                    null);
        } catch (ReservaException e) {
            return new ToolOutcome(tool.key(), null, e);
        } catch (DataAccessException e) {
            log.error("Tool {} failed on the database", tool.key(), e);
            return new ToolOutcome(
                    tool.key(),
                    null,
                    new ReservaException(ErrorCode.SERVICE_UNAVAILABLE, "The database did not answer; try again"));
        } catch (RuntimeException e) {
            log.error("Tool {} failed", tool.key(), e);
            return new ToolOutcome(
                    tool.key(), null, new ReservaException(ErrorCode.INTERNAL_ERROR, "The tool failed unexpectedly"));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asObject(Object result) {
        // A handler that already answers a JSON object (a replayed create) needs no second conversion.
        return result instanceof Map<?, ?> object ? (Map<String, Object>) object : json.convertValue(result, OBJECT);
    }
}
