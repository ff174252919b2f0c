package io.reserva.assistants.web;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.reserva.api.RequestBodyErrors;
import io.reserva.assistants.AiAssistant;
import io.reserva.assistants.AssistantTool;
import io.reserva.assistants.AssistantTools;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Streamable HTTP transport of /mcp, stateless, in place of the SDK's servlet: the SDK's server still answers
 * initialize, ping, tools/list and tools/call, but everything that reaches it has been checked here first, and
 * every refusal is a JSON-RPC error object, never a serialized Java exception.
 *
 * <ul>
 *   <li>{@code 405} for GET and DELETE (no event stream, no session);
 *   <li>{@code 400} for an unsupported {@code MCP-Protocol-Version} header;
 *   <li>{@code 406} for an {@code Accept} that does not allow both {@code application/json} and
 *       {@code text/event-stream}; {@code 415} for a body that is not {@code application/json};
 *   <li>{@code 400} with {@code -32700} for a body that is not one JSON value, {@code -32600} for anything but one
 *       JSON-RPC 2.0 message (a batch, a wrong or missing {@code jsonrpc}, an id that is not a string or integer,
 *       no method);
 *   <li>{@code 200} with {@code -32602} for params that are not an object or do not fit the method, and for an
 *       unknown tool ({@code Unknown tool: NAME}); a failure inside the server is {@code -32603} with no detail.
 * </ul>
 *
 * Notifications and client responses are accepted with {@code 202} and no body.
 */
class McpJsonRpcTransport implements McpStatelessServerTransport {

    private static final Logger log = LoggerFactory.getLogger(McpJsonRpcTransport.class);

    static final int PARSE_ERROR = McpSchema.ErrorCodes.PARSE_ERROR;
    static final int INVALID_REQUEST = McpSchema.ErrorCodes.INVALID_REQUEST;
    static final int INVALID_PARAMS = McpSchema.ErrorCodes.INVALID_PARAMS;
    static final int INTERNAL_ERROR = McpSchema.ErrorCodes.INTERNAL_ERROR;

    private static final MediaType EVENT_STREAM = MediaType.TEXT_EVENT_STREAM;

    /** The params type the SDK reads for each method: params that cannot be read as it are invalid params. */
    private static final Map<String, Class<?>> PARAMS = Map.of(
            McpSchema.METHOD_INITIALIZE, McpSchema.InitializeRequest.class,
            McpSchema.METHOD_TOOLS_LIST, McpSchema.PaginatedRequest.class,
            McpSchema.METHOD_TOOLS_CALL, McpSchema.CallToolRequest.class);

    /** Strict reading of the body: one JSON value, nothing after it, no key twice. */
    private final JsonMapper reader = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final McpJsonMapper mcpJson;
    private final AssistantTools tools;
    private volatile McpStatelessServerHandler handler;

    McpJsonRpcTransport(McpJsonMapper mcpJson, AssistantTools tools) {
        this.mcpJson = mcpJson;
        this.tools = tools;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        this.handler = handler;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    /** One HTTP request to /mcp from this assistant: a refusal, or one message handed to the SDK's server. */
    void service(AiAssistant assistant, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            serve(assistant, request, response);
        } catch (Refused refused) {
            error(response, refused.status, refused.id, refused.code, refused.getMessage());
        }
    }

    private void serve(AiAssistant assistant, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            throw new Refused(
                    HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    null,
                    INVALID_REQUEST,
                    "/mcp takes POST only: this server is stateless and offers no event stream or session");
        }
        String version = request.getHeader(HttpHeaders.PROTOCOL_VERSION);
        if (version != null && !protocolVersions().contains(version)) {
            throw new Refused(
                    HttpServletResponse.SC_BAD_REQUEST,
                    null,
                    INVALID_REQUEST,
                    "Unsupported MCP-Protocol-Version " + version + " (supported: "
                            + String.join(", ", protocolVersions()) + ")");
        }
        if (!acceptsJsonAndEventStream(request.getHeader("Accept"))) {
            throw new Refused(
                    HttpServletResponse.SC_NOT_ACCEPTABLE,
                    null,
                    INVALID_REQUEST,
                    "Accept must allow both application/json and text/event-stream");
        }
        if (!isJson(request.getContentType())) {
            throw new Refused(
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    null,
                    INVALID_REQUEST,
                    "Content-Type must be application/json");
        }
        JsonNode message;
        try {
            message = reader.readTree(body(request));
        } catch (JacksonException e) {
            message = null;
        }
        if (message == null || message.isMissingNode()) {
            throw new Refused(
                    HttpServletResponse.SC_BAD_REQUEST,
                    null,
                    PARSE_ERROR,
                    "Parse error: the body must be one JSON-RPC message in JSON");
        }
        handle(assistant, message, response);
    }

    private void handle(AiAssistant assistant, JsonNode message, HttpServletResponse response) throws IOException {
        if (message.isArray()) {
            throw new Refused(
                    HttpServletResponse.SC_BAD_REQUEST,
                    null,
                    INVALID_REQUEST,
                    "Batches are not supported: send one JSON-RPC message per request");
        }
        if (!message.isObject()) {
            throw new Refused(
                    HttpServletResponse.SC_BAD_REQUEST, null, INVALID_REQUEST, "A JSON-RPC message is a JSON object");
        }
        JsonNode idNode = message.get("id");
        Object id = id(idNode);
        boolean hasId = idNode != null;
        if (hasId && id == null) {
            throw new Refused(
                    HttpServletResponse.SC_BAD_REQUEST, null, INVALID_REQUEST, "id must be a string or an integer");
        }
        JsonNode jsonrpc = message.get("jsonrpc");
        if (jsonrpc == null || !jsonrpc.isString() || !"2.0".equals(jsonrpc.asString())) {
            throw new Refused(HttpServletResponse.SC_BAD_REQUEST, id, INVALID_REQUEST, "jsonrpc must be \"2.0\"");
        }
        JsonNode methodNode = message.get("method");
        if (methodNode == null) {
            if (hasId && (message.has("result") || message.has("error"))) {
                // A client's answer to a server request; a stateless server sends none, so nothing waits for it.
                response.setStatus(HttpServletResponse.SC_ACCEPTED);
                return;
            }
            throw new Refused(HttpServletResponse.SC_BAD_REQUEST, id, INVALID_REQUEST, "method is required");
        }
        if (!methodNode.isString() || methodNode.asString().isEmpty()) {
            throw new Refused(
                    HttpServletResponse.SC_BAD_REQUEST, id, INVALID_REQUEST, "method must be a non-empty string");
        }
        String method = methodNode.asString();
        JsonNode paramsNode = message.get("params");
        if (paramsNode != null && !paramsNode.isObject()) {
            if (!hasId) {
                response.setStatus(HttpServletResponse.SC_ACCEPTED);
                return;
            }
            throw new Refused(HttpServletResponse.SC_OK, id, INVALID_PARAMS, "params must be an object");
        }
        Object params = paramsNode == null ? null : reader.convertValue(paramsNode, Map.class);
        McpTransportContext context = McpTransportContext.create(Map.of(McpServerConfiguration.ASSISTANT, assistant));
        if (!hasId) {
            notification(context, new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION, method, params));
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
            return;
        }
        String invalid = invalidParams(method, paramsNode);
        if (invalid != null) {
            throw new Refused(HttpServletResponse.SC_OK, id, INVALID_PARAMS, invalid);
        }
        if (method.equals(McpSchema.METHOD_TOOLS_CALL)) {
            String name = paramsNode.get("name").asString();
            if (AssistantTool.fromKey(name).isEmpty()) {
                // Not one of the five: the SDK would not know it either, but the call is still audited.
                @SuppressWarnings("unchecked")
                Map<String, Object> arguments = (Map<String, Object>) ((Map<String, Object>) params).get("arguments");
                tools.call(assistant, name, arguments, "mcp");
                throw new Refused(HttpServletResponse.SC_OK, id, INVALID_PARAMS, "Unknown tool: " + name);
            }
        }
        request(context, new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, method, id, params), response);
    }

    private void request(McpTransportContext context, McpSchema.JSONRPCRequest request, HttpServletResponse response)
            throws IOException {
        McpSchema.JSONRPCResponse answer;
        try {
            answer = handler.handleRequest(context, request)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .block();
        } catch (RuntimeException e) {
            log.error("MCP {} failed", request.method(), e);
            throw new Refused(
                    HttpServletResponse.SC_INTERNAL_SERVER_ERROR, request.id(), INTERNAL_ERROR, "Internal error");
        }
        if (answer != null && answer.error() != null && answer.error().code() == INTERNAL_ERROR) {
            // The SDK puts the exception's own message there; it is for the log, not the client.
            log.error("MCP {} failed: {}", request.method(), answer.error().message());
            throw new Refused(HttpServletResponse.SC_OK, request.id(), INTERNAL_ERROR, "Internal error");
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(mcpJson.writeValueAsString(answer));
    }

    private void notification(McpTransportContext context, McpSchema.JSONRPCNotification notification) {
        try {
            handler.handleNotification(context, notification)
                    .contextWrite(ctx -> ctx.put(McpTransportContext.KEY, context))
                    .block();
        } catch (RuntimeException e) {
            // A notification has no answer: the client hears 202 whatever the server made of it.
            log.warn("MCP notification {} failed", notification.method(), e);
        }
    }

    /** Why the params do not fit the method, or null when they do (as far as this transport can tell). */
    private String invalidParams(String method, JsonNode params) {
        if (params == null && method.equals(McpSchema.METHOD_INITIALIZE)) {
            return "params are required for initialize";
        }
        if (method.equals(McpSchema.METHOD_TOOLS_CALL)) {
            if (params == null
                    || params.get("name") == null
                    || !params.get("name").isString()) {
                return "params.name must be the tool's name, a string";
            }
            JsonNode arguments = params.get("arguments");
            if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
                return "params.arguments must be an object";
            }
        }
        Class<?> type = PARAMS.get(method);
        if (type != null && params != null) {
            try {
                mcpJson.convertValue(reader.convertValue(params, Map.class), type);
            } catch (RuntimeException e) {
                return "params do not fit " + method;
            }
        }
        return null;
    }

    /** A request id as JSON-RPC and MCP allow it (a string or an integer), or null for anything else. */
    private static Object id(JsonNode id) {
        if (id == null) {
            return null;
        }
        if (id.isString()) {
            return id.asString();
        }
        if (id.isIntegralNumber()) {
            return id.canConvertToInt() ? (Object) id.asInt() : id.canConvertToLong() ? id.asLong() : null;
        }
        return null;
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        try {
            return request.getInputStream().readAllBytes();
        } catch (IOException e) {
            ReservaException translated = RequestBodyErrors.translate(e);
            if (translated.code() == ErrorCode.PAYLOAD_TOO_LARGE) {
                throw translated;
            }
            throw e;
        }
    }

    static boolean acceptsJsonAndEventStream(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(t -> t.includes(MediaType.APPLICATION_JSON))
                    && types.stream().anyMatch(t -> t.includes(EVENT_STREAM));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** A request this transport answers with a JSON-RPC error instead of passing it on. */
    private static final class Refused extends RuntimeException {

        final int status;
        final Object id;
        final int code;

        Refused(int status, Object id, int code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.id = id;
            this.code = code;
        }
    }

    /** A JSON-RPC error response; id null where the request's id could not be read (as JSON-RPC 2.0 asks). */
    private void error(HttpServletResponse response, int status, Object id, int code, String message)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        body.put("id", id);
        body.put("error", error);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(reader.writeValueAsString(body));
    }
}
