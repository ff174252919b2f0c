package io.reserva.tenancy;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;

/** What an API key may do. */
public enum Role implements WireEnum {
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

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    public static Role fromWire(String wire) {
        return WireEnum.parse(Role.class, wire);
    }
}
