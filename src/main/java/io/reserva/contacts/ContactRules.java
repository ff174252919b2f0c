package io.reserva.contacts;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.FieldRules;
import io.reserva.shared.PhoneNumbers;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;

/**
 * Checks and normalizes the fields of contacts, companies and deals, collecting every problem at once. Field
 * names carry a prefix where the fields are nested ({@code contact.phone} on a reservation).
 */
final class ContactRules {

    static final int NAME_MAX = 100;
    static final int NOTES_MAX = 5000;
    static final int TAG_MAX = 50;
    static final int TAGS_MAX = 50;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$");

    private ContactRules() {}

    /** Staff run the front desk: admin and staff keys (and the platform) write, read-only keys do not. */
    static void requireWriter(Caller caller) {
        if (caller.role() == Role.READ_ONLY) {
            throw ReservaException.forbidden("This API key is read-only");
        }
    }

    /** Stripped text of 1 to max characters, or null when none was given (null or blank). */
    static String optionalText(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return stripped;
    }

    static String requiredText(String value, String field, int max, List<FieldError> errors) {
        String text = optionalText(value, field, max, errors);
        if (text == null) {
            errors.add(new FieldError(field, "is required (1 to " + max + " characters)"));
        }
        return text;
    }

    static String email(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError(field, "is not an email address"));
        }
        return email;
    }

    static String phone(String value, String country, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<String> e164 = PhoneNumbers.toE164(value.strip(), country);
        if (e164.isEmpty()) {
            errors.add(new FieldError(
                    field,
                    country == null
                            ? "is not a phone number; give it in international form (+34 ...)"
                            : "is not a phone number"));
            return value;
        }
        return e164.get();
    }

    /** Lower-cased, stripped and without repeats, in the order given. */
    static List<String> tags(List<String> tags, List<FieldError> errors) {
        if (tags == null) {
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            String normalized = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
            if (normalized.isEmpty() || normalized.length() > TAG_MAX || normalized.contains(",")) {
                errors.add(
                        new FieldError("tags[" + i + "]", "must be 1 to " + TAG_MAX + " characters, without commas"));
            } else {
                result.add(normalized);
            }
        }
        if (result.size() > TAGS_MAX) {
            errors.add(new FieldError("tags", "at most " + TAGS_MAX + " tags"));
        }
        return new ArrayList<>(result);
    }

    static String domain(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String domain = value.strip().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            errors.add(new FieldError("domain", "must be a host name such as example.com, without https://"));
        }
        return domain;
    }

    static BigDecimal amount(BigDecimal amount, List<FieldError> errors) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            errors.add(new FieldError("amount", "must not be negative"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("amount", "has at most two decimals"));
        } else if (amount.setScale(2, java.math.RoundingMode.UNNECESSARY).precision() > 14) {
            errors.add(new FieldError("amount", "must be below 1000000000000"));
        } else {
            return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        return amount;
    }

    static String currency(String currency, String fallback, List<FieldError> errors) {
        if (currency == null) {
            return fallback;
        }
        return FieldRules.currency(currency.strip(), errors);
    }

    /** The fields whose values differ, in the API's spelling; what a {@link ContactUpdated} reports. */
    static Set<String> changedFields(Contact before, Contact after) {
        Set<String> changed = new java.util.TreeSet<>();
        compare(changed, "first_name", before.firstName(), after.firstName());
        compare(changed, "last_name", before.lastName(), after.lastName());
        compare(changed, "email", before.email(), after.email());
        compare(changed, "phone", before.phone(), after.phone());
        compare(changed, "notes", before.notes(), after.notes());
        compare(changed, "tags", before.tags(), after.tags());
        compare(changed, "marketing_opt_in", before.marketingOptIn(), after.marketingOptIn());
        compare(changed, "company_id", before.companyId(), after.companyId());
        compare(changed, "custom_fields_by_key", before.customFieldsByKey(), after.customFieldsByKey());
        compare(changed, "visit_count", before.visitCount(), after.visitCount());
        compare(changed, "no_show_count", before.noShowCount(), after.noShowCount());
        compare(changed, "cancellation_count", before.cancellationCount(), after.cancellationCount());
        compare(changed, "last_visit_at", before.lastVisitAt(), after.lastVisitAt());
        return changed;
    }

    private static void compare(Set<String> changed, String field, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    /** The unique index or constraint a failed statement broke, if PostgreSQL named one. */
    static Optional<String> violatedConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return Optional.ofNullable(psql.getServerErrorMessage().getConstraint());
            }
        }
        return Optional.empty();
    }

    static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** A second contact with the same email or phone: 409, naming the field that collides. */
    static ReservaException duplicateContact(Throwable failure) {
        String constraint = violatedConstraint(failure).orElse("");
        String field = constraint.equals("contacts_phone_key") ? "phone" : "email";
        return new ReservaException(
                ErrorCode.CONFLICT,
                "Another contact of this organization has this " + field,
                List.of(new FieldError(field, "belongs to another contact")));
    }
}
