package io.reserva.api;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds a PATCH body to {@code Patch<T>}: the values as {@code T} (same type checks and Bean Validation as a
 * POST body) plus the names of the fields the client sent.
 */
class PatchArgumentResolver implements HandlerMethodArgumentResolver {

    private final JsonMapper json;
    private final Validator validator;

    PatchArgumentResolver(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Patch.class;
    }

    @Override
    public Patch<?> resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory)
            throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String contentType = request.getContentType();
        if (contentType == null || !isJson(contentType)) {
            throw new ReservaException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json (got " + contentType + ")");
        }
        JsonNode body = json.readTree(request.getInputStream());
        if (body == null || body.isMissingNode() || !body.isObject()) {
            throw new ReservaException(ErrorCode.MALFORMED_REQUEST, "The body must be a JSON object");
        }
        Class<?> type =
                ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve();
        if (type == null) {
            throw new IllegalStateException("Patch parameters need a concrete type: " + parameter);
        }
        Object values = json.treeToValue(body, type);
        Set<ConstraintViolation<Object>> violations = validator.validate(values);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(
                            RequestBodyErrors.snakeCase(v.getPropertyPath().toString()), v.getMessage()))
                    .toList();
            ReservaException.throwIfAny(errors);
        }
        Set<String> fields = new LinkedHashSet<>(body.propertyNames());
        return new Patch<>(values, fields);
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType mediaType = MediaType.parseMediaType(contentType);
            return mediaType.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "merge-patch+json".equals(mediaType.getSubtype());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
