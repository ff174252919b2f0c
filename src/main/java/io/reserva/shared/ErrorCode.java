package io.reserva.shared;

import org.springframework.http.HttpStatus;

/**
 * The stable error codes a client can program against; each knows its HTTP status and a short title.
 *
 * <p>The code strings are part of the public API: never rename one, only add.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request body could not be read"),
    INVALID_QUERY(HttpStatus.BAD_REQUEST, "The query parameters are not valid"),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "A path or header parameter is not valid"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Missing or invalid API key"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "This API key may not do that"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "No acceptable representation"),
    CONFLICT(HttpStatus.CONFLICT, "The request conflicts with the current state"),
    IDEMPOTENCY_CONFLICT(HttpStatus.CONFLICT, "Idempotency key reused with a different request"),
    IDEMPOTENCY_IN_PROGRESS(HttpStatus.CONFLICT, "A request with this idempotency key is still being processed"),
    SLOT_UNAVAILABLE(HttpStatus.CONFLICT, "This time cannot be booked"),
    PACING_LIMIT(HttpStatus.CONFLICT, "The service's pacing limit is reached at this time"),
    HOLD_EXPIRED(HttpStatus.CONFLICT, "The hold has expired"),
    INVALID_TRANSITION(HttpStatus.CONFLICT, "The reservation cannot move to that status"),
    OUTSIDE_CANCELLATION_WINDOW(HttpStatus.CONFLICT, "Too late to cancel under the service's policy"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type"),
    VALIDATION_FAILED(HttpStatus.UNPROCESSABLE_CONTENT, "The request is not valid"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    INVALID_SIGNATURE(HttpStatus.FORBIDDEN, "The signed URL is not valid or has expired"),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "The email or the password is wrong"),
    CSRF_TOKEN_INVALID(HttpStatus.FORBIDDEN, "Missing or wrong CSRF token"),
    INVALID_TOKEN(HttpStatus.NOT_FOUND, "The link is not valid: unknown, used or expired"),
    WAITLIST_FULL(HttpStatus.CONFLICT, "The waitlist is full"),
    ALREADY_ON_WAITLIST(HttpStatus.CONFLICT, "This phone number is already on the waitlist"),
    DAY_CLOSED(HttpStatus.UNPROCESSABLE_CONTENT, "The venue is closed that day"),
    OFFER_EXPIRED(HttpStatus.CONFLICT, "The offer has lapsed"),
    NO_OPEN_OFFER(HttpStatus.CONFLICT, "The waitlist entry has no open offer"),
    INVALID_ARGUMENT(HttpStatus.BAD_REQUEST, "A field of the request is missing or not valid");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The wire form, e.g. {@code validation_failed}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
