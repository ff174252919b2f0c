package io.reserva.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

/** Where the id of the current request is kept: a request attribute, and the logging context as request_id. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIds.class.getName();
    public static final String MDC_KEY = "request_id";

    private RequestIds() {}

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : MDC.get(MDC_KEY);
    }
}
