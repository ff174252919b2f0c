package io.reserva.customfields;

import io.reserva.shared.FieldError;
import io.reserva.shared.PhoneNumbers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of custom fields, as plain functions: what a definition may look like, and what value each field
 * type takes and how it is stored. Value rules throw {@link IllegalArgumentException} with a message for the
 * client.
 */
final class CustomFieldRules {

    static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    static final int TEXT_MAX = 1000;
    static final int TEXTAREA_MAX = 10_000;
    static final int OPTION_MAX = 200;
    static final int OPTIONS_MAX = 500;
    static final int LABEL_MAX = 200;
    static final int DESCRIPTION_MAX = 1000;

    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private CustomFieldRules() {}

    // ---- definitions

    static void checkKey(String key, List<FieldError> errors) {
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(new FieldError(
                    "key", "must start with a lowercase letter, then lowercase letters, digits or _ (at most 63)"));
        }
    }

    static String normalizeLabel(String label, List<FieldError> errors) {
        String stripped = label == null ? null : label.strip();
        if (stripped == null || stripped.isEmpty() || length(stripped) > LABEL_MAX) {
            errors.add(new FieldError("label", "must be 1 to " + LABEL_MAX + " characters"));
        }
        return stripped;
    }

    static String normalizeDescription(String description, List<FieldError> errors) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (length(description) > DESCRIPTION_MAX) {
            errors.add(new FieldError("description", "must be at most " + DESCRIPTION_MAX + " characters"));
        }
        return description.strip();
    }

    /** Options must come with select and multiselect, and only with them. */
    static List<String> checkOptions(CustomFieldType type, List<String> options, List<FieldError> errors) {
        if (type == null) {
            return options;
        }
        if (!type.hasOptions()) {
            if (options != null && !options.isEmpty()) {
                errors.add(new FieldError("options", "only select and multiselect fields have options"));
            }
            return null;
        }
        if (options == null || options.isEmpty()) {
            errors.add(new FieldError("options", "a " + type.wire() + " field needs at least one option"));
            return options;
        }
        if (options.size() > OPTIONS_MAX) {
            errors.add(new FieldError("options", "at most " + OPTIONS_MAX + " options"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option == null || option.isBlank() || length(option) > OPTION_MAX) {
                errors.add(new FieldError("options[" + i + "]", "must be 1 to " + OPTION_MAX + " characters"));
            } else if (!seen.add(option)) {
                errors.add(new FieldError("options[" + i + "]", "repeats '" + option + "'"));
            }
        }
        return List.copyOf(options.stream().map(o -> o == null ? "" : o).toList());
    }

    // ---- values

    /** No value: null, a blank string or an empty list. Sending one removes the stored value. */
    static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String text && text.isBlank())
                || (value instanceof List<?> list && list.isEmpty());
    }

    /** The value as stored, or an {@link IllegalArgumentException} saying what the field takes. */
    static Object normalize(CustomFieldType type, List<String> options, Object value, String country) {
        return switch (type) {
            case TEXT -> text(value, TEXT_MAX);
            case TEXTAREA -> text(value, TEXTAREA_MAX);
            case NUMBER -> number(value);
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw new IllegalArgumentException("must be true or false");
                }
                yield value;
            }
            case DATE -> date(value);
            case SELECT -> {
                String choice = string(value, "must be one of the options: " + String.join(", ", options));
                if (!options.contains(choice)) {
                    throw new IllegalArgumentException("must be one of the options: " + String.join(", ", options));
                }
                yield choice;
            }
            case MULTISELECT -> multiselect(value, options);
            case EMAIL -> email(value);
            case PHONE -> phone(value, country);
            case URL -> url(value);
        };
    }

    /** Whether two stored values are the same, comparing numbers by value (3 and 3.0 are the same). */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && !(a instanceof Boolean) && !(b instanceof Boolean)) {
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(a, b);
    }

    private static String text(Object value, int max) {
        String text = string(value, "must be a string");
        if (length(text) > max) {
            throw new IllegalArgumentException("must be at most " + max + " characters");
        }
        return text;
    }

    private static Object number(Object value) {
        if (!(value instanceof Number number) || value instanceof Boolean) {
            throw new IllegalArgumentException("must be a number");
        }
        if ((number instanceof Double d && !Double.isFinite(d)) || (number instanceof Float f && !Float.isFinite(f))) {
            throw new IllegalArgumentException("must be a finite number");
        }
        if (decimal(number).precision() > 30) {
            throw new IllegalArgumentException("must have at most 30 digits");
        }
        return number;
    }

    private static String date(Object value) {
        String date = string(value, "must be a date, YYYY-MM-DD");
        if (!DATE.matcher(date).matches()) {
            throw new IllegalArgumentException("must be a date, YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(date).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a day of the calendar");
        }
    }

    private static List<String> multiselect(Object value, List<String> options) {
        String expected = "must be a list of distinct options from: " + String.join(", ", options);
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(expected);
        }
        Set<String> seen = new HashSet<>();
        for (Object item : list) {
            if (!(item instanceof String choice) || !options.contains(choice) || !seen.add(choice)) {
                throw new IllegalArgumentException(expected);
            }
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static String email(Object value) {
        String email = string(value, "must be an email address").strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("must be an email address");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    private static String phone(Object value, String country) {
        String raw = string(value, "must be a phone number");
        return PhoneNumbers.toE164(raw, country)
                .orElseThrow(() -> new IllegalArgumentException(
                        country == null
                                ? "must be a phone number in international form (+34 ...)"
                                : "must be a phone number"));
    }

    private static String url(Object value) {
        String url = string(value, "must be an http(s) URL").strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() > 2000 || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an http(s) URL");
            }
            return url;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("must be an http(s) URL");
        }
    }

    private static String string(Object value, String message) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(message);
        }
        return text;
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
