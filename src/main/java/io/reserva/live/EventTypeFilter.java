package io.reserva.live;

import io.reserva.shared.ReservaException;
import io.reserva.webhooks.EventType;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which event types a stream wants: a comma list of types ({@code reservation.created}) and families
 * ({@code reservation.*}); left out or empty, every type. A name that matches no type is refused, so a typo does
 * not silently make a stream that never says anything.
 */
record EventTypeFilter(Set<String> exact, Set<String> prefixes) implements Predicate<String> {

    static final EventTypeFilter ALL = new EventTypeFilter(Set.of(), Set.of());

    static EventTypeFilter parse(String types) {
        if (types == null || types.isBlank()) {
            return ALL;
        }
        Set<String> exact = new LinkedHashSet<>();
        Set<String> prefixes = new LinkedHashSet<>();
        Set<String> known = EventType.wireNames();
        for (String part : types.split(",", -1)) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.equals("*")) {
                return ALL;
            }
            if (name.endsWith(".*")) {
                String prefix = name.substring(0, name.length() - 1);
                if (known.stream().noneMatch(type -> type.startsWith(prefix))) {
                    throw refused(part);
                }
                prefixes.add(prefix);
            } else if (known.contains(name)) {
                exact.add(name);
            } else {
                throw refused(part);
            }
        }
        return new EventTypeFilter(Set.copyOf(exact), Set.copyOf(prefixes));
    }

    @Override
    public boolean test(String type) {
        if (exact.isEmpty() && prefixes.isEmpty()) {
            return true;
        }
        return exact.contains(type) || prefixes.stream().anyMatch(type::startsWith);
    }

    private static ReservaException refused(String part) {
        String shown = part.length() > 60 ? part.substring(0, 60) + "…" : part;
        return ReservaException.invalidField(
                "types",
                "'" + shown.strip() + "' is not an event type or a family of them (e.g. reservation.created,"
                        + " reservation.*, contact.*)");
    }
}
