package io.reserva.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
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
        return wire == null
                ? Optional.empty()
                : Optional.ofNullable(type.cast(Spellings.OF.get(type).get(wire)));
    }

    /** The constant spelled {@code wire}; an IllegalArgumentException "must be one of …" otherwise. */
    static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String wire) {
        return find(type, wire)
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(WireEnum::wire)
                                .collect(Collectors.joining(", "))));
    }

    /**
     * Each wire enum's constants by spelling, built once per type: every row read from the database parses a few
     * (a day of the console reads 400 reservations), and cloning the constants and lower-casing each name per call
     * showed in its profile.
     */
    final class Spellings {

        static final ClassValue<Map<String, Object>> OF = new ClassValue<>() {
            @Override
            protected Map<String, Object> computeValue(Class<?> type) {
                return Arrays.stream(type.getEnumConstants())
                        .collect(Collectors.toUnmodifiableMap(constant -> ((WireEnum) constant).wire(), c -> c));
            }
        };

        private Spellings() {}
    }
}
