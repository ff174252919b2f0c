package io.reserva.api;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.shared.web.Problems;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat answers some requests itself, before the application sees them: a path with {@code %2F}, {@code %00}
 * or an invalid encoding, an unparsable query string. Its default report is an HTML page; this one writes the
 * same problem body as the rest of the API, with a code chosen by the status as {@link ProblemErrorController}
 * does. Public with a no-argument constructor because Tomcat creates it by class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ErrorCode code = codeFor(status);
        Map<String, Object> body = Problems.body(new ReservaException(code, code.title()), request);
        try {
            response.setContentType(Problems.MEDIA_TYPE.toString());
            response.setCharacterEncoding("UTF-8");
            OutputStream out = response.getOutputStream();
            out.write(JSON.writeValueAsBytes(body));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was already committed: nothing more can be said.
        }
    }

    static ErrorCode codeFor(int status) {
        if (status == 400) {
            return ErrorCode.MALFORMED_REQUEST;
        }
        return Arrays.stream(ErrorCode.values())
                .filter(c -> c.status().value() == status)
                .findFirst()
                .orElse(status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST);
    }
}
