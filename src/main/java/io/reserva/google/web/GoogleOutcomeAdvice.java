package io.reserva.google.web;

import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Notes a business failure's cause on the request (Google's failures are 200 answers), so the partner filter can
 * record how each of Google's requests ended without reading bodies.
 */
@ControllerAdvice(assignableTypes = {BookingServerController.class, WaitlistServerController.class})
class GoogleOutcomeAdvice implements ResponseBodyAdvice<Object> {

    static final String OUTCOME = GoogleOutcomeAdvice.class.getName() + ".outcome";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof Map<?, ?> map && request instanceof ServletServerHttpRequest servlet) {
            Object failure = map.get("booking_failure");
            if (failure == null) {
                failure = map.get("waitlist_business_logic_failure");
            }
            if (failure instanceof Map<?, ?> cause && cause.get("cause") != null) {
                servlet.getServletRequest()
                        .setAttribute(OUTCOME, cause.get("cause").toString());
            }
        }
        return body;
    }
}
