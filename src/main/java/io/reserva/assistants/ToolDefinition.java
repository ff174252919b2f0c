package io.reserva.assistants;

import java.util.Map;

/** One tool as clients see it: name, what it does, and the JSON Schema (draft 2020-12) of its arguments. */
public record ToolDefinition(AssistantTool tool, String title, String description, Map<String, Object> inputSchema) {

    /** Whether the tool only reads (the MCP read-only and idempotent hints). */
    public boolean onlyReads() {
        return tool == AssistantTool.FIND_RESERVATIONS
                || tool == AssistantTool.GET_RESERVATION_SERVICES
                || tool == AssistantTool.GET_AVAILABLE_SLOTS;
    }
}
