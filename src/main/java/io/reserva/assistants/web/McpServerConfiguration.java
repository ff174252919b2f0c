package io.reserva.assistants.web;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.reserva.assistants.AiAssistant;
import io.reserva.assistants.AssistantTool;
import io.reserva.assistants.AssistantTools;
import io.reserva.assistants.ToolDefinition;
import io.reserva.assistants.ToolOutcome;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.web.FilterOrder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server: the official Java SDK's stateless server behind our own Streamable HTTP transport
 * ({@link McpJsonRpcTransport}, which checks every request and answers refusals as JSON-RPC errors), driven from
 * {@link McpController} so that /mcp passes the same filters and access checks as every endpoint.
 *
 * <p>Stateless, because every request carries its credential and nothing needs remembering between requests:
 * any node behind a balancer can answer any request. One server holds the five tools; what a request sees is
 * decided per request from the assistant its key stands for (resolved by the controller and handed to the SDK
 * through the transport context): a tool filter hides the tools that assistant may not call, and the call handler
 * refuses them. An assistant changed by a PATCH is read again on the next request, so no restart or cache.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfiguration {

    static final String ASSISTANT = AiAssistant.class.getName();
    static final String SERVER_NAME = "reserva";

    /** The protocol's own JSON (camelCase, lenient to fields it does not know), apart from the API's snake_case. */
    @Bean
    McpJsonMapper mcpJsonMapper() {
        return new JacksonMcpJsonMapper(JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());
    }

    @Bean
    McpJsonRpcTransport mcpTransport(McpJsonMapper mcpJsonMapper, AssistantTools tools) {
        return new McpJsonRpcTransport(mcpJsonMapper, tools);
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(
            McpJsonRpcTransport mcpTransport, McpJsonMapper mcpJsonMapper, AssistantTools tools) {
        return McpServer.sync(mcpTransport)
                .serverInfo(
                        SERVER_NAME,
                        McpServerConfiguration.class.getPackage().getImplementationVersion() == null
                                ? "dev"
                                : McpServerConfiguration.class.getPackage().getImplementationVersion())
                .instructions("Reserva's reservation tools for one organization: find services, find available"
                        + " slots, book, change and find reservations. Times are UTC instants; dates are local to"
                        + " the service.")
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .jsonMapper(mcpJsonMapper)
                .immediateExecution(true)
                .validateToolInputs(false)
                .tools(tools.definitions().stream()
                        .map(definition -> new McpStatelessServerFeatures.SyncToolSpecification(
                                tool(definition), (context, request) -> call(tools, context, request)))
                        .toList())
                .addToolFilter((context, tool) -> AssistantTool.fromKey(tool.name())
                        .map(key -> assistant(context).mayCall(key))
                        .orElse(false))
                .build();
    }

    @Bean
    FilterRegistrationBean<McpOriginFilter> mcpOriginFilter(McpProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new McpOriginFilter(properties, json));
        registration.addUrlPatterns("/mcp", "/mcp/*");
        // Before authentication: a page of a foreign origin learns nothing, not even whether its key was good.
        registration.setOrder(FilterOrder.REQUEST_ID + 5);
        return registration;
    }

    private static McpSchema.Tool tool(ToolDefinition definition) {
        boolean reads = definition.onlyReads();
        return McpSchema.Tool.builder()
                .name(definition.tool().key())
                .title(definition.title())
                .description(definition.description())
                .inputSchema(definition.inputSchema())
                .annotations(new McpSchema.ToolAnnotations(definition.title(), reads, false, reads, false, null))
                .build();
    }

    private static McpSchema.CallToolResult call(
            AssistantTools tools, McpTransportContext context, McpSchema.CallToolRequest request) {
        ToolOutcome outcome = tools.call(assistant(context), request.name(), request.arguments(), "mcp");
        if (outcome.isError()
                && outcome.error().code() == ErrorCode.NOT_FOUND
                && outcome.result() == null
                && !AssistantTool.fromKey(request.name())
                        .map(assistant(context)::mayCall)
                        .orElse(false)) {
            // A tool this assistant may not call is unknown to it, as the protocol answers for unknown tools.
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message("Unknown tool: " + request.name())
                    .build();
        }
        if (outcome.isError()) {
            return McpSchema.CallToolResult.builder()
                    .isError(true)
                    .addTextContent(outcome.errorText())
                    .structuredContent(tools.errorBody(outcome))
                    .build();
        }
        return McpSchema.CallToolResult.builder()
                .isError(false)
                .addTextContent(tools.text(outcome.result()))
                .structuredContent(outcome.result())
                .build();
    }

    private static AiAssistant assistant(McpTransportContext context) {
        if (!(context.get(ASSISTANT) instanceof AiAssistant assistant)) {
            // McpController always sets it; without it nothing is visible or callable.
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_REQUEST)
                    .message("No assistant")
                    .build();
        }
        return assistant;
    }
}
