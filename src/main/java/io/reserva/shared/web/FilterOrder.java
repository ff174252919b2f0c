package io.reserva.shared.web;

import org.springframework.core.Ordered;

/** The order of the servlet filters every request passes, outermost first. */
public final class FilterOrder {

    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;
    /** Where Spring Boot registered its observation filter, which the request metrics replace. */
    public static final int HTTP_SERVER_REQUESTS = Ordered.HIGHEST_PRECEDENCE + 1;

    public static final int QUERY_STRING = Ordered.HIGHEST_PRECEDENCE + 5;
    /** A channel with its own authentication on its own paths (Google's HTTP Basic), before the API keys. */
    public static final int CHANNEL_AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 8;

    public static final int AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 10;
    /** After API keys: a session cookie is read only when no key was presented. */
    public static final int SESSION_AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 15;

    public static final int RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 20;
    public static final int BODY_LIMIT = Ordered.HIGHEST_PRECEDENCE + 30;
    public static final int IDEMPOTENCY = Ordered.HIGHEST_PRECEDENCE + 40;

    private FilterOrder() {}
}
