package io.reserva.catalog;

import io.reserva.shared.FieldError;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.ListQuery;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Field checks the catalog's services share; each adds a {@link FieldError} instead of throwing. */
final class CatalogRules {

    private static final Pattern COLOR = Pattern.compile("^#[0-9A-Fa-f]{6}$");

    private CatalogRules() {}

    static void require(String field, Object value, List<FieldError> errors) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    /** A PATCH that sends null for a field that cannot be empty. */
    static void notCleared(Patch<?> patch, String field, Object sent, List<FieldError> errors) {
        if (patch.has(field) && sent == null) {
            errors.add(new FieldError(field, "cannot be cleared"));
        }
    }

    /** The new value of a field that cannot be empty: the sent one, or the current one when left out or refused. */
    static <T> T kept(Patch<?> patch, String field, T sent, T current, List<FieldError> errors) {
        if (!patch.has(field)) {
            return current;
        }
        if (sent == null) {
            errors.add(new FieldError(field, "cannot be cleared"));
            return current;
        }
        return sent;
    }

    static void text(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    static void name(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.strip().length() > 200) {
            errors.add(new FieldError(field, "must be at most 200 characters"));
        }
    }

    /** Checks {@code min ≤ value ≤ max} when the value is there; a missing required value is reported elsewhere. */
    static void range(String field, Integer value, int min, int max, List<FieldError> errors) {
        if (value != null && (value < min || value > max)) {
            errors.add(new FieldError(
                    field,
                    max == Integer.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max));
        }
    }

    static void color(String color, List<FieldError> errors) {
        if (color != null && !COLOR.matcher(color).matches()) {
            errors.add(new FieldError("color", "must be #RRGGBB, e.g. #3B82F6"));
        }
    }

    static void httpUrl(String field, String url, List<FieldError> errors) {
        if (url == null) {
            return;
        }
        try {
            URI uri = URI.create(url);
            if (url.length() > 2000
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                errors.add(new FieldError(field, "must be an http(s) URL"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be an http(s) URL"));
        }
    }

    /** The organization a list shows: the one asked for (checked), the key's own, or all for a platform key. */
    static Optional<UUID> scope(Caller caller, ListQuery query) {
        return query.organizationId() != null || !caller.isPlatform()
                ? Optional.of(caller.organizationFor(query.organizationId()))
                : Optional.empty();
    }

    /** Weekly hours and exceptions: what staff do day to day (blocking a day off), so admins and staff. */
    static void requireScheduleWriter(Caller caller) {
        if (caller.role() == Role.READ_ONLY) {
            throw ReservaException.forbidden("This API key is read-only");
        }
    }

    static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
