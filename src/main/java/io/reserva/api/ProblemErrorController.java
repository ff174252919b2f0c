package io.reserva.api;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (by the servlet container or a filter) still answer as problems, not as the
 * container's HTML page.
 */
@RestController
@PublicEndpoint
@Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : 500;
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ReservaException problem;
        if (exception != null && RequestBodyErrors.isBodyTooLarge(exception)) {
            problem = BodyLimitFilter.tooLarge(-1);
        } else {
            ErrorCode errorCode = Arrays.stream(ErrorCode.values())
                    .filter(c -> c.status().value() == code)
                    .findFirst()
                    .orElse(code >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST);
            problem = new ReservaException(errorCode, errorCode.title());
        }
        return ProblemAdvice.problem(problem, request);
    }
}
