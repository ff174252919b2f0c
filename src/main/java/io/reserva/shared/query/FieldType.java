package io.reserva.shared.query;

import io.reserva.shared.SupportedDates;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The type of a queryable field: how a query-string value is parsed and bound to SQL. */
public enum FieldType {
    STRING {
        @Override
        Object parse(String raw) {
            return raw;
        }
    },
    UUID {
        @Override
        Object parse(String raw) {
            try {
                return java.util.UUID.fromString(raw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("must be a UUID");
            }
        }
    },
    INTEGER {
        @Override
        Object parse(String raw) {
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number");
            }
        }
    },
    DECIMAL {
        @Override
        Object parse(String raw) {
            try {
                return new BigDecimal(raw);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number");
            }
        }
    },
    BOOLEAN {
        @Override
        Object parse(String raw) {
            if (raw.equals("true")) {
                return Boolean.TRUE;
            }
            if (raw.equals("false")) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("must be true or false");
        }
    },
    INSTANT {
        @Override
        Object parse(String raw) {
            try {
                return SupportedDates.parseDateTime(raw);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "must be an ISO 8601 date-time with offset, e.g. 2027-03-28T18:30:00Z");
            }
        }

        @Override
        Object fromDatabase(Object value) {
            if (value instanceof Timestamp timestamp) {
                return timestamp.toInstant().toString();
            }
            if (value instanceof OffsetDateTime offsetDateTime) {
                return offsetDateTime.toInstant().toString();
            }
            return value instanceof Instant instant ? instant.toString() : String.valueOf(value);
        }
    },
    DATE {
        @Override
        Object parse(String raw) {
            try {
                return SupportedDates.parseDate(raw);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be a date, YYYY-MM-DD");
            }
        }
    };

    /** Parses a client's value, throwing {@link IllegalArgumentException} with a message fit for the client. */
    abstract Object parse(String raw);

    /** The value read back from a row, in the string form a cursor can carry and {@link #parse} reads again. */
    Object fromDatabase(Object value) {
        return String.valueOf(value);
    }
}
