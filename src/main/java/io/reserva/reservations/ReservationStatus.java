package io.reserva.reservations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;
import java.util.Map;
import java.util.Set;

/** Where a reservation stands, and where it may go next. */
public enum ReservationStatus implements WireEnum {
    HELD,
    PENDING,
    CONFIRMED,
    SEATED,
    COMPLETED,
    CANCELLED,
    NO_SHOW,
    EXPIRED;

    private static final Map<ReservationStatus, Set<ReservationStatus>> NEXT = Map.of(
            HELD, Set.of(PENDING, CONFIRMED, CANCELLED, EXPIRED),
            PENDING, Set.of(CONFIRMED, CANCELLED),
            CONFIRMED, Set.of(SEATED, COMPLETED, NO_SHOW, CANCELLED),
            SEATED, Set.of(COMPLETED),
            COMPLETED, Set.of(),
            CANCELLED, Set.of(),
            NO_SHOW, Set.of(),
            EXPIRED, Set.of());

    public boolean canMoveTo(ReservationStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether a reservation in this status holds its place: held, pending, confirmed and seated do. */
    public boolean occupies() {
        return this == HELD || this == PENDING || this == CONFIRMED || this == SEATED;
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    @JsonCreator
    public static ReservationStatus fromWire(String wire) {
        return WireEnum.parse(ReservationStatus.class, wire);
    }
}
