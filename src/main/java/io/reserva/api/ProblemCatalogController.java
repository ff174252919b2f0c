package io.reserva.api;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.shared.web.Problems;
import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The problem {@code type} URIs resolve here: every error code with its status and meaning. */
@RestController
@PublicEndpoint
@Tag(name = "Errors", description = "The stable error codes of problem responses")
class ProblemCatalogController {

    /** One error code as documented. */
    record ProblemType(String type, String code, int status, String title) {
        static ProblemType of(ErrorCode code) {
            return new ProblemType(
                    Problems.typeOf(code), code.code(), code.status().value(), code.title());
        }
    }

    @GetMapping("/problems")
    @Operation(summary = "List every error code")
    List<ProblemType> all() {
        return Arrays.stream(ErrorCode.values()).map(ProblemType::of).toList();
    }

    @GetMapping("/problems/{code}")
    @Operation(summary = "Describe one error code")
    ProblemType one(@PathVariable String code) {
        return Arrays.stream(ErrorCode.values())
                .filter(c -> c.code().equals(code))
                .findFirst()
                .map(ProblemType::of)
                .orElseThrow(() -> new ReservaException(ErrorCode.NOT_FOUND, "There is no error code " + code));
    }
}
