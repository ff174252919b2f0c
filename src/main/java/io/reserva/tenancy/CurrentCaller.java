package io.reserva.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The caller of the current request, as the authentication filter found it (empty: anonymous). */
public final class CurrentCaller {

    public static final String ATTRIBUTE = Caller.class.getName();

    private CurrentCaller() {}

    public static Optional<Caller> of(HttpServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }

    public static void set(HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }
}
