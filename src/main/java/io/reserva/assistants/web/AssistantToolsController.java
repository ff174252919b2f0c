package io.reserva.assistants.web;

import io.reserva.assistants.AiAssistant;
import io.reserva.assistants.AiAssistantManagement;
import io.reserva.assistants.AssistantTools;
import io.reserva.assistants.ToolOutcome;
import io.reserva.tenancy.AssistantEndpoint;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools without MCP, for function-calling clients: the same schemas and the same calls as /mcp. The
 * assistant's own key may use its own id; admin keys of its organization may use any assistant's (to try it out),
 * and the call then runs with the assistant's rights, not the admin's.
 */
@RestController
@AssistantEndpoint
@Tag(name = "AI assistants", description = "Assistants, their reservation tools, and the MCP server")
class AssistantToolsController {

    private static final JsonMapper ARGUMENTS = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {};

    /** One function as function-calling APIs describe it; parameters is the MCP tool's inputSchema. */
    record ToolFunction(
            @Schema(example = "get_available_slots") String name,
            @Schema(example = "Find available slots") String title,
            String description,

            @Schema(description = "JSON Schema (draft 2020-12) of the arguments")
            Map<String, Object> parameters) {}

    record ToolList(List<ToolFunction> data) {}

    private final AiAssistantManagement assistants;
    private final AssistantTools tools;

    AssistantToolsController(AiAssistantManagement assistants, AssistantTools tools) {
        this.assistants = assistants;
        this.tools = tools;
    }

    @GetMapping("/ai-assistants/{id}/tools")
    @Operation(
            summary = "The assistant's enabled tools as function-calling schemas (its own key, or admin keys);"
                    + " none while it is inactive")
    ToolList list(Caller caller, @PathVariable UUID id) {
        AiAssistant assistant = assistants.forToolUse(caller, id);
        return new ToolList(tools.enabledFor(assistant).stream()
                .map(d -> new ToolFunction(d.tool().key(), d.title(), d.description(), d.inputSchema()))
                .toList());
    }

    @PostMapping("/ai-assistants/{id}/tools/{tool}")
    @Operation(
            summary = "Call one enabled tool with its arguments (its own key, or admin keys); answers the result"
                    + " the REST endpoint would, or its problem",
            description = "A disabled or unknown tool is 404. Arguments are checked against the tool's schema and"
                    + " the API's validation; a refusal names each field (errors[].field). Every call is in"
                    + " /ai-assistants/{id}/tool-calls.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            examples = @ExampleObject(name = "get_available_slots", value = """
                                                                    {"service_id": "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b",
                                                                     "date": "2027-03-28", "party_size": 4}"""))))
    Map<String, Object> call(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable String tool,
            @RequestBody(required = false) ObjectNode arguments) {
        AiAssistant assistant = assistants.forToolUse(caller, id);
        // Read as a tree, not through the API's strict text reader, so that a text the tool refuses (NUL, say)
        // reaches the tool, is refused there naming every field, and is audited, exactly as over MCP.
        Map<String, Object> values = arguments == null ? null : ARGUMENTS.convertValue(arguments, AS_MAP);
        ToolOutcome outcome = tools.call(assistant, tool, values, "rest");
        if (outcome.isError()) {
            throw outcome.error();
        }
        return outcome.result();
    }
}
