package io.reserva.tenancy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What an API key may do. */
public enum Role {
    /** Every organization, and creating organizations; the bootstrap key has it. */
    PLATFORM_ADMIN,
    /** Everything in one organization, including its settings and keys. */
    ADMIN,
    /** Day-to-day work in one organization: bookings, guests, schedules; not settings or keys. */
    STAFF,
    /** Reads only. */
    READ_ONLY,
    /**
     * An AI assistant's credential: calls that assistant's enabled tools and nothing else. Only handlers marked
     * {@link AssistantEndpoint} accept it; issued through {@code /ai-assistants}, never through {@code /api-keys}.
     */
    ASSISTANT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String wire) {
        return Arrays.stream(values())
                .filter(role -> role.wire().equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + wire));
    }
}
