package io.reserva.assistants;

import io.reserva.shared.Ids;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the audit row of every tool call, whatever its outcome. What is recorded is made storable first:
 * PostgreSQL refuses the NUL character in text and in {@code jsonb}, so each one is written as the six
 * characters {@code \u0000}; the row then shows what was sent instead of going missing.
 */
@Component
class ToolAuditTrail {

    private static final Logger log = LoggerFactory.getLogger(ToolAuditTrail.class);

    static final int MAX_TOOL_NAME = 100;
    static final String NUL_ESCAPE = "\\u0000";

    private final ToolCallRepository calls;
    private final Clock clock;

    ToolAuditTrail(ToolCallRepository calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    void record(
            AiAssistant assistant,
            String toolKey,
            Map<String, Object> arguments,
            String channel,
            ToolOutcome outcome,
            int durationMs) {
        String tool = toolKey == null ? "" : storable(toolKey);
        if (tool.length() > MAX_TOOL_NAME) {
            tool = tool.substring(0, MAX_TOOL_NAME);
        }
        ToolCall call = new ToolCall(
                Ids.newId(),
                assistant.organizationId(),
                assistant.id(),
                tool,
                channel,
                storableObject(arguments),
                outcome.isError() ? "error" : "ok",
                outcome.isError() ? outcome.error().code().code() : null,
                outcome.isError() ? storable(outcome.errorText()) : null,
                durationMs,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            calls.insert(call);
        } catch (RuntimeException e) {
            // The call has happened; a lost audit line must not turn its answer into a failure. Should the
            // arguments be what the database refused, the row is kept without them.
            log.error(
                    "Could not record the {} call of assistant {}; recording it without arguments",
                    tool,
                    assistant.id(),
                    e);
            insertWithoutArguments(call);
        }
    }

    private void insertWithoutArguments(ToolCall call) {
        try {
            calls.insert(new ToolCall(
                    call.id(),
                    call.organizationId(),
                    call.assistantId(),
                    call.tool(),
                    call.channel(),
                    Map.of("unrecorded", "the arguments could not be stored"),
                    call.outcome(),
                    call.errorCode(),
                    call.errorMessage(),
                    call.durationMs(),
                    call.createdAt()));
        } catch (RuntimeException e) {
            log.error("Could not record the {} call of assistant {}", call.tool(), call.assistantId(), e);
        }
    }

    static String storable(String text) {
        return text.indexOf(ToolArguments.NUL) < 0 ? text : text.replace(String.valueOf(ToolArguments.NUL), NUL_ESCAPE);
    }

    static Map<String, Object> storableObject(Map<?, ?> object) {
        Map<String, Object> copy = new LinkedHashMap<>();
        object.forEach((name, value) -> copy.put(storable(String.valueOf(name)), storableValue(value)));
        return copy;
    }

    private static Object storableValue(Object value) {
        if (value instanceof String text) {
            return storable(text);
        }
        if (value instanceof Map<?, ?> object) {
            return storableObject(object);
        }
        if (value instanceof List<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(storableValue(item)));
            return copy;
        }
        return value;
    }
}
