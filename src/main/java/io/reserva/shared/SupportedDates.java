package io.reserva.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Dates and instants the server works with: years 1 to 9999, the four-digit years of ISO 8601. Java reads
 * {@code +999999999-12-31} and PostgreSQL cannot store it, and arithmetic on it (the next day, a time zone)
 * overflows; such a value is refused where it is parsed, like any other malformed date.
 */
public final class SupportedDates {

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private SupportedDates() {}

    /** A local date, {@code YYYY-MM-DD}, within the supported years. */
    public static LocalDate parseDate(CharSequence text) {
        LocalDate date = LocalDate.parse(text);
        return check(text, date.getYear(), date);
    }

    /** An ISO 8601 date-time with an offset, within the supported years. */
    public static OffsetDateTime parseDateTime(CharSequence text) {
        OffsetDateTime dateTime = OffsetDateTime.parse(text);
        return check(text, dateTime.getYear(), dateTime);
    }

    /** Whether a date-time value (Instant, OffsetDateTime, LocalDate) falls in the supported years. */
    public static boolean supports(Object value) {
        try {
            if (value instanceof Instant instant) {
                return supportsYear(instant.atOffset(ZoneOffset.UTC).getYear());
            }
            if (value instanceof OffsetDateTime dateTime) {
                return supportsYear(dateTime.getYear());
            }
            if (value instanceof LocalDate date) {
                return supportsYear(date.getYear());
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean supportsYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    private static <T> T check(CharSequence text, int year, T value) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new DateTimeParseException("The year must be between " + MIN_YEAR + " and " + MAX_YEAR, text, 0);
        }
        return value;
    }
}
