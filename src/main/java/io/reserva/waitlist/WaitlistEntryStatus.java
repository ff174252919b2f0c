package io.reserva.waitlist;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;
import java.util.Map;
import java.util.Set;

/**
 * Where a waitlist entry stands, in the vocabulary of Google's waitlist API so a channel maps one to one. Waiting,
 * offered (the table is ready, or a later start is held for the guest) and checked in are active; the rest end
 * the entry.
 */
public enum WaitlistEntryStatus implements WireEnum {
    WAITING,
    OFFERED,
    CHECKED_IN,
    SEATED,
    CANCELLED,
    DECLINED_BY_MERCHANT,
    NO_SHOW,
    EXPIRED;

    private static final Map<WaitlistEntryStatus, Set<WaitlistEntryStatus>> NEXT = Map.of(
            WAITING, Set.of(OFFERED, CHECKED_IN, SEATED, CANCELLED, DECLINED_BY_MERCHANT, NO_SHOW, EXPIRED),
            // Back to waiting: the guest declined the offer or let it lapse, and keeps their place in the queue.
            OFFERED, Set.of(WAITING, CHECKED_IN, SEATED, CANCELLED, DECLINED_BY_MERCHANT, NO_SHOW, EXPIRED),
            // A guest who checked in is at the venue: they can leave or be turned away, not fail to show up.
            CHECKED_IN, Set.of(SEATED, CANCELLED, DECLINED_BY_MERCHANT),
            SEATED, Set.of(),
            CANCELLED, Set.of(),
            DECLINED_BY_MERCHANT, Set.of(),
            NO_SHOW, Set.of(),
            EXPIRED, Set.of());

    public boolean canMoveTo(WaitlistEntryStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether the entry is still in the queue. */
    public boolean isActive() {
        return this == WAITING || this == OFFERED || this == CHECKED_IN;
    }

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    @JsonCreator
    public static WaitlistEntryStatus fromWire(String wire) {
        return WireEnum.parse(WaitlistEntryStatus.class, wire);
    }
}
