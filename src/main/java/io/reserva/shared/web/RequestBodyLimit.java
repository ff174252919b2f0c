package io.reserva.shared.web;

/**
 * A request attribute (a {@code Long}) with which a filter running before the body limit raises that limit for
 * one request, e.g. an upload of an image larger than a JSON body may be.
 */
public final class RequestBodyLimit {

    public static final String ATTRIBUTE = RequestBodyLimit.class.getName();

    private RequestBodyLimit() {}
}
