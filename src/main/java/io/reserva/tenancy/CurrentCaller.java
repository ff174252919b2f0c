package io.reserva.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The caller of the current request, as the authentication filter found it (empty: anonymous). */
public final class CurrentCaller {

    public static final String ATTRIBUTE = Caller.class.getName();
    private static final String CHANNEL_ATTRIBUTE = CurrentCaller.class.getName() + ".channel";

    private CurrentCaller() {}

    public static Optional<Caller> of(HttpServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }

    public static void set(HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }

    /**
     * Marks a request a channel has authenticated by its own scheme on its own paths (Google's HTTP Basic): the
     * API key filter then leaves its {@code Authorization} header alone. The request has no {@link Caller}, so it
     * reaches only {@link PublicEndpoint} handlers. Set by a servlet filter that runs before authentication.
     */
    public static void authenticatedByChannel(HttpServletRequest request) {
        request.setAttribute(CHANNEL_ATTRIBUTE, Boolean.TRUE);
    }

    public static boolean isAuthenticatedByChannel(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(CHANNEL_ATTRIBUTE));
    }
}
