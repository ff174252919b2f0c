package io.reserva.tenancy.web;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.CurrentCaller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the {@link Caller} as a parameter. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return CurrentCaller.of(request.getNativeRequest(HttpServletRequest.class))
                .orElseThrow(() -> new ReservaException(ErrorCode.UNAUTHORIZED, "An API key is required"));
    }
}
