package io.reserva.webhooks;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Something that happened to a reservation or a contact. Webhooks receive the same event as
 * {@code {"type", "timestamp", "data", "changed_fields"}}, with {@code id} in the {@code webhook-id} header.
 */
public record Event(
        @Schema(description = "Also the webhook-id of its deliveries", example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "reservation.confirmed") String type,

        @Schema(
                implementation = java.util.Map.class,
                description = "The reservation or contact after the change, exactly as GET /reservations/{id} or"
                        + " GET /contacts/{id} showed it then",
                example = "{\"id\": \"0192f3c4-9999-7f80-9a1b-2c3d4e5f6a7b\", \"status\": \"confirmed\","
                        + " \"party_size\": 4, \"start_datetime\": \"2027-03-28T18:30:00Z\"}")
        @JsonRawValue
        String data,

        @Schema(
                description = "For *.updated events: the fields that changed, in the API's spelling; null otherwise",
                example = "[\"party_size\", \"start_datetime\"]")
        List<String> changedFields,

        @Schema(example = "2027-03-20T10:15:30.123456Z") Instant createdAt) {

    /** The webhook body: byte for byte the same on every attempt, so a redelivery verifies like the first. */
    String payload() {
        StringBuilder body = new StringBuilder(data.length() + 128)
                .append("{\"type\":\"")
                .append(type)
                .append("\",\"timestamp\":\"")
                .append(createdAt)
                .append("\",\"data\":")
                .append(data);
        if (changedFields != null) {
            body.append(",\"changed_fields\":[");
            for (int i = 0; i < changedFields.size(); i++) {
                body.append(i == 0 ? "\"" : ",\"").append(changedFields.get(i)).append('"');
            }
            body.append(']');
        }
        return body.append('}').toString();
    }
}
