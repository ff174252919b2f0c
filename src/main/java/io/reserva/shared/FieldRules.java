package io.reserva.shared;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Checks of fields that several modules share, with one wording for the client. */
public final class FieldRules {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private FieldRules() {}

    /** An IANA region id: a fixed offset such as +02:00 would ignore daylight saving time. */
    public static void timezone(String zone, List<FieldError> errors) {
        if (zone == null || !ZONES.contains(zone)) {
            errors.add(new FieldError("timezone", "must be an IANA time zone such as Europe/Madrid"));
        }
    }

    /** An ISO 4217 code, upper-cased; an unknown code is an error and comes back as sent. */
    public static String currency(String currency, List<FieldError> errors) {
        try {
            return Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
            return currency;
        }
    }
}
