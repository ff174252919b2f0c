package io.reserva.assistants;

import io.reserva.shared.ReservaException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a tool call ended: its result as a JSON object (the same body the REST endpoint answers), or the error
 * the REST endpoint would have answered, with the fields at fault.
 */
public record ToolOutcome(String tool, Map<String, Object> result, ReservaException error) {

    public boolean isError() {
        return error != null;
    }

    /** The error as a JSON object: code, detail, the fields at fault, and any extension (nearest free starts). */
    public Map<String, Object> errorBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code().code());
        body.put("status", error.code().status().value());
        body.put("detail", error.getMessage());
        if (!error.errors().isEmpty()) {
            body.put(
                    "errors",
                    error.errors().stream()
                            .map(e -> Map.of("field", e.field(), "message", e.message()))
                            .toList());
        }
        body.putAll(error.extensions());
        return body;
    }

    /** One line a model can act on: what went wrong and, field by field, why. */
    public String errorText() {
        StringBuilder text = new StringBuilder(error.code().code()).append(": ").append(error.getMessage());
        List<String> fields =
                error.errors().stream().map(e -> e.field() + " " + e.message()).toList();
        if (!fields.isEmpty() && !error.getMessage().contains(fields.get(0))) {
            text.append(" (").append(String.join("; ", fields)).append(')');
        }
        return text.toString();
    }
}
