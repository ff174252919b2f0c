package io.reserva.api;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;

/**
 * The one place failures become RFC 9457 problems. Clients get a stable code, the offending fields and the
 * request id; never a stack trace, class name or SQL.
 */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ReservaException.class)
    ResponseEntity<Map<String, Object>> reserva(ReservaException e, HttpServletRequest request) {
        return problem(e, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(RequestBodyErrors.translate(e, request), request);
    }

    @ExceptionHandler(JacksonException.class)
    ResponseEntity<Map<String, Object>> jackson(JacksonException e, HttpServletRequest request) {
        return problem(RequestBodyErrors.translate(e, request), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(RequestBodyErrors.snakeCase(error.getField()), error.getDefaultMessage()))
                .toList();
        return problem(validation(errors), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Map<String, Object>> violations(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(
                        RequestBodyErrors.snakeCase(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(validation(errors), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> methodValidation(
            HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(
                                RequestBodyErrors.snakeCase(Objects.requireNonNullElse(
                                        result.getMethodParameter().getParameterName(), "parameter")),
                                error.getDefaultMessage())))
                .toList();
        return problem(validation(errors), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String expected = e.getRequiredType() == java.util.UUID.class
                ? "a UUID"
                : e.getRequiredType() == null
                        ? "valid"
                        : "a " + e.getRequiredType().getSimpleName();
        String message = "must be " + expected;
        return problem(
                new ReservaException(
                        ErrorCode.INVALID_PARAMETER,
                        e.getName() + " " + message + ", got '" + e.getValue() + "'",
                        List.of(new FieldError(e.getName(), message))),
                request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request) {
        return problem(
                new ReservaException(
                        ErrorCode.INVALID_QUERY,
                        "The query parameter " + e.getParameterName() + " is required",
                        List.of(new FieldError(e.getParameterName(), "is required"))),
                request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return problem(
                new ReservaException(
                        ErrorCode.INVALID_PARAMETER,
                        "The header " + e.getHeaderName() + " is required",
                        List.of(new FieldError(e.getHeaderName(), "is required"))),
                request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        String allowed = e.getSupportedHttpMethods() == null
                ? ""
                : e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
        return problem(
                new ReservaException(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not supported here"),
                request,
                HttpHeaders.ALLOW,
                allowed);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(
                new ReservaException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "Send the body as application/json (got " + e.getContentType() + ")"),
                request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(HttpServletRequest request) {
        return problem(
                new ReservaException(ErrorCode.NOT_ACCEPTABLE, "This endpoint answers application/json"), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(HttpServletRequest request) {
        return problem(
                new ReservaException(ErrorCode.NOT_FOUND, "There is nothing at " + request.getRequestURI()), request);
    }

    /** Constraints are the final word under concurrency: a lost race is a conflict, never a 500 or a 404. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Map<String, Object>> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        String state = sqlState(e);
        ReservaException problem = switch (state == null ? "" : state) {
            case "23505" -> new ReservaException(ErrorCode.CONFLICT, "This would duplicate an existing record");
            case "23P01" -> new ReservaException(ErrorCode.CONFLICT, "This overlaps an existing record");
            // ON DELETE RESTRICT: rows still point at what was to be deleted.
            case "23001" ->
                new ReservaException(
                        ErrorCode.CONFLICT, "This is still in use (for example by reservations) and stays");
            // A delete blocked by rows that still point here, or a write pointing at something missing.
            case "23503" ->
                "DELETE".equals(request.getMethod())
                        ? new ReservaException(
                                ErrorCode.CONFLICT, "This is still in use (for example by reservations) and stays")
                        : new ReservaException(
                                ErrorCode.VALIDATION_FAILED, "This refers to a record that does not exist");
            default -> new ReservaException(ErrorCode.VALIDATION_FAILED, "The data breaks a rule of the database");
        };
        log.info(
                "Integrity violation {} answered as {}: {}",
                state,
                problem.code().code(),
                e.getMostSpecificCause().getMessage());
        return problem(problem, request);
    }

    /**
     * A deadlock or serialization failure (SQLState 40P01, 40001) lost to a concurrent transaction: nothing was
     * changed, and the same request is likely to succeed when sent again.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Map<String, Object>> concurrency(ConcurrencyFailureException e, HttpServletRequest request) {
        log.info(
                "Concurrent transaction conflict on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getMostSpecificCause().getMessage());
        return problem(
                new ReservaException(
                        ErrorCode.SERVICE_UNAVAILABLE,
                        "A concurrent change got in the way and nothing was changed; send the request again"),
                request,
                HttpHeaders.RETRY_AFTER,
                "1");
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<Map<String, Object>> databaseDown(Exception e, HttpServletRequest request) {
        log.error("Database unavailable", e);
        return problem(
                new ReservaException(ErrorCode.SERVICE_UNAVAILABLE, "The database is not reachable; retry shortly"),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // The client hung up mid-answer (a closed tab, `curl | head`): nothing to answer, nothing wrong here.
            log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(
                new ReservaException(
                        ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; the request id helps us find it"),
                request);
    }

    private static ReservaException validation(List<FieldError> errors) {
        return new ReservaException(
                ErrorCode.VALIDATION_FAILED,
                String.join(
                        "; ",
                        errors.stream().map(e -> e.field() + " " + e.message()).toList()),
                errors);
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static ResponseEntity<Map<String, Object>> problem(
            ReservaException e, HttpServletRequest request, String header, String value) {
        return ResponseEntity.status(e.code().status())
                .contentType(Problems.MEDIA_TYPE)
                .header(header, value)
                .body(Problems.body(e, request));
    }

    static ResponseEntity<Map<String, Object>> problem(ReservaException e, HttpServletRequest request) {
        return ResponseEntity.status(e.code().status())
                .contentType(Problems.MEDIA_TYPE)
                .body(Problems.body(e, request));
    }
}
