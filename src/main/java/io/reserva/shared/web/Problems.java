package io.reserva.shared.web;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem bodies: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, plus
 * our stable {@code code}, the {@code request_id} and, for invalid input, {@code errors[]}.
 */
public final class Problems {

    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {}

    /** The {@code type} URI: a page of this server describing the error code. */
    public static String typeOf(ErrorCode code) {
        return "/problems/" + code.code();
    }

    public static Map<String, Object> body(
            ErrorCode code,
            String detail,
            List<FieldError> errors,
            Map<String, Object> extensions,
            HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", typeOf(code));
        body.put("title", code.title());
        body.put("status", code.status().value());
        body.put("detail", detail == null ? code.title() : detail);
        body.put("instance", request.getRequestURI());
        body.put("code", code.code());
        body.put("request_id", RequestIds.of(request));
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        extensions.forEach(body::putIfAbsent);
        return body;
    }

    public static Map<String, Object> body(ReservaException e, HttpServletRequest request) {
        return body(e.code(), e.getMessage(), e.errors(), e.extensions(), request);
    }

    /** For filters, which answer before Spring MVC's exception handling is in reach. */
    public static void write(
            HttpServletResponse response, HttpServletRequest request, JsonMapper json, ReservaException e)
            throws IOException {
        response.setStatus(e.code().status().value());
        response.setContentType(MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(e, request));
    }
}
