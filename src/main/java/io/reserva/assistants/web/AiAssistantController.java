package io.reserva.assistants.web;

import io.reserva.assistants.AiAssistant;
import io.reserva.assistants.AiAssistantChanges;
import io.reserva.assistants.AiAssistantManagement;
import io.reserva.assistants.IssuedAiAssistant;
import io.reserva.assistants.NewAiAssistant;
import io.reserva.assistants.ToolCall;
import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Managing assistants: admin keys of the organization (and the platform key) only. */
@RestController
@RequestMapping("/ai-assistants")
@Tag(name = "AI assistants", description = "Assistants, their reservation tools, and the MCP server")
class AiAssistantController {

    private final AiAssistantManagement management;

    AiAssistantController(AiAssistantManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List assistants (admin keys); searchTerm looks in name and instructions")
    Page<AiAssistant> list(Caller caller, HttpServletRequest request) {
        return management.list(caller, AiAssistantManagement.QUERY.parse(request.getParameterMap()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get an assistant (admin keys)")
    AiAssistant get(Caller caller, @PathVariable UUID id) {
        return management.get(caller, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create an assistant (admin keys); its credential's secret is in this answer only",
            description = "The secret is an API key of role assistant: it calls /mcp and this assistant's"
                    + " /ai-assistants/{id}/tools, and every other endpoint refuses it with 403.")
    IssuedAiAssistant create(Caller caller, @Valid @RequestBody NewAiAssistant request) {
        return management.create(caller, request);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change an assistant: name, instructions, is_active, internal_tools.tools (admin keys);"
                    + " takes effect on the assistant's next request",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = AiAssistantChanges.class))))
    AiAssistant update(Caller caller, @PathVariable UUID id, Patch<AiAssistantChanges> patch) {
        return management.update(caller, id, patch);
    }

    @PostMapping("/{id}/credential")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Issue a new credential (admin keys); the previous one stops working at once. The secret is"
                    + " in this answer only")
    IssuedAiAssistant rotateCredential(Caller caller, @PathVariable UUID id) {
        return management.rotateCredential(caller, id);
    }

    @DeleteMapping("/{id}/credential")
    @Operation(summary = "Revoke the credential (admin keys); the assistant stays, without a way in")
    AiAssistant revokeCredential(Caller caller, @PathVariable UUID id) {
        return management.revokeCredential(caller, id);
    }

    @GetMapping("/{id}/tool-calls")
    @Operation(
            summary = "The assistant's tool calls, newest first (admin keys): tool, arguments, outcome, error code,"
                    + " duration")
    Page<ToolCall> toolCalls(Caller caller, @PathVariable UUID id, HttpServletRequest request) {
        return management.toolCalls(caller, id, AiAssistantManagement.TOOL_CALL_QUERY.parse(request.getParameterMap()));
    }
}
