package io.reserva.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum as the API spells it: {@code confirmed}, {@code no_show}, {@code booking-link-logo}. Most are their
 * constant's name in lower case ({@link #lowerCase}); parsing answers the constant, or an error that lists every
 * spelling, built from the constants themselves so it cannot go stale.
 */
public interface WireEnum {

    /** The spelling on the wire. */
    String wire();

    /** The usual spelling: the constant's name in lower case. */
    static String lowerCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireEnum> Optional<E> find(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.wire().equals(wire))
                .findFirst();
    }

    /** The constant spelled {@code wire}; an IllegalArgumentException "must be one of …" otherwise. */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String wire) {
        return find(type, wire)
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(WireEnum::wire)
                                .collect(Collectors.joining(", "))));
    }
}
