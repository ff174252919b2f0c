package io.reserva.assistants.web;

import io.reserva.assistants.AiAssistant;
import io.reserva.assistants.AiAssistantManagement;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.AssistantEndpoint;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MCP endpoint. Spring MVC routes it, so authentication, rate limits, request ids and the access check apply
 * as everywhere; then the SDK's transport speaks the protocol. Only an assistant's key is served: its assistant
 * is looked up on every request, so a PATCH of the assistant shows on the next request.
 */
@RestController
@AssistantEndpoint
@Tag(name = "AI assistants", description = "Assistants, their reservation tools, and the MCP server")
class McpController {

    private final AiAssistantManagement assistants;
    private final McpJsonRpcTransport transport;

    McpController(AiAssistantManagement assistants, McpJsonRpcTransport transport) {
        this.assistants = assistants;
        this.transport = transport;
    }

    @RequestMapping(
            path = "/mcp",
            method = {RequestMethod.POST, RequestMethod.GET, RequestMethod.DELETE})
    @Operation(
            summary = "Model Context Protocol (Streamable HTTP, stateless): the assistant's enabled tools",
            description = "JSON-RPC 2.0 over POST with 'Accept: application/json, text/event-stream' and the"
                    + " assistant's key as 'Authorization: Bearer'. initialize, tools/list (only the tools enabled"
                    + " for this assistant; none while it is inactive) and tools/call. No session is kept, so GET"
                    + " (a server-sent event stream) and DELETE answer 405. A browser Origin not on"
                    + " RESERVA_MCP_ALLOWED_ORIGINS is refused with 403.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            examples = @ExampleObject(name = "tools/call", value = """
                                                                    {"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                                                                     "params": {"name": "get_available_slots",
                                                                      "arguments": {"service_id": "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b",
                                                                       "date": "2027-03-28", "party_size": 4}}}"""))),
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "A JSON-RPC response",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            examples = @ExampleObject(name = "tool result", value = """
                                                                    {"jsonrpc": "2.0", "id": 2, "result": {"isError": false,
                                                                     "content": [{"type": "text", "text": "{\\"date\\": \\"2027-03-28\\", ...}"}],
                                                                     "structuredContent": {"date": "2027-03-28", "bookable": true,
                                                                      "slots": [{"start_datetime": "2027-03-28T18:30:00Z"}]}}}"""))))
    void mcp(Caller caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!caller.isAssistant()) {
            throw new ReservaException(
                    ErrorCode.FORBIDDEN,
                    "/mcp serves AI assistants: use the key issued by POST /ai-assistants (or rotated with"
                            + " POST /ai-assistants/{id}/credential)");
        }
        AiAssistant assistant = assistants
                .ofCredential(caller)
                .orElseThrow(() ->
                        new ReservaException(ErrorCode.UNAUTHORIZED, "This key no longer stands for an assistant"));
        transport.service(assistant, request, response);
    }
}
