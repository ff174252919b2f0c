package io.reserva.assistants;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The tools an assistant may be given, each mapping to one endpoint of the REST API. */
public enum AssistantTool {
    /** GET /reservations. */
    FIND_RESERVATIONS,
    /** POST /reservations. */
    CREATE_RESERVATION,
    /** PATCH /reservations/{id}. */
    UPDATE_RESERVATION,
    /** GET /reservation-services. */
    GET_RESERVATION_SERVICES,
    /** GET /reservation-available-slots. */
    GET_AVAILABLE_SLOTS,
    /** POST /waitlist-entries. */
    JOIN_WAITLIST;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AssistantTool> fromKey(String key) {
        return Arrays.stream(values()).filter(tool -> tool.key().equals(key)).findFirst();
    }

    static String keys() {
        return String.join(", ", Arrays.stream(values()).map(AssistantTool::key).toList());
    }
}
