package io.reserva.tenancy.web;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.AssistantEndpoint;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.CurrentCaller;
import io.reserva.tenancy.PublicEndpoint;
import io.reserva.tenancy.Role;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Fails closed: every handler of the application needs an API key unless it is marked {@link PublicEndpoint},
 * a read-only key may only read, and an AI assistant's key reaches nothing but handlers marked
 * {@link AssistantEndpoint} (not even public ones or handlers outside the application).
 */
class AccessInterceptor implements HandlerInterceptor {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Optional<Caller> assistant = CurrentCaller.of(request).filter(Caller::isAssistant);
        // The error dispatch only renders the answer of a request that was already checked.
        if (assistant.isPresent()
                && request.getDispatcherType() != DispatcherType.ERROR
                && !(handler instanceof HandlerMethod method && isForAssistants(method))) {
            throw new ReservaException(
                    ErrorCode.FORBIDDEN,
                    "An AI assistant's key can only call its tools: /mcp and /ai-assistants/{id}/tools");
        }
        if (!(handler instanceof HandlerMethod method) || !isOurs(method) || isPublic(method)) {
            return true;
        }
        Optional<Caller> caller = CurrentCaller.of(request);
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            throw new ReservaException(
                    ErrorCode.UNAUTHORIZED,
                    "This endpoint needs 'Authorization: Bearer <API key>' or a signed-in session (POST /sessions)");
        }
        if (caller.get().role() == Role.READ_ONLY && !READ_METHODS.contains(request.getMethod())) {
            throw new ReservaException(
                    ErrorCode.FORBIDDEN,
                    caller.get().isUser() ? "This user's role is read_only" : "This API key is read-only");
        }
        return true;
    }

    private static boolean isOurs(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("io.reserva");
    }

    private static boolean isForAssistants(HandlerMethod method) {
        return isOurs(method)
                && (method.hasMethodAnnotation(AssistantEndpoint.class)
                        || method.getBeanType().isAnnotationPresent(AssistantEndpoint.class));
    }

    private static boolean isPublic(HandlerMethod method) {
        return method.hasMethodAnnotation(PublicEndpoint.class)
                || method.getBeanType().isAnnotationPresent(PublicEndpoint.class);
    }
}
