package io.reserva.tenancy;

import io.reserva.shared.FieldError;
import io.reserva.shared.FieldRules;
import io.reserva.shared.PhoneNumbers;
import java.net.URI;
import java.text.Normalizer;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks and normalizes the fields of an organization, collecting every problem at once. */
final class OrganizationRules {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private OrganizationRules() {}

    static String slugFrom(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        slug = slug.length() > 50 ? slug.substring(0, 50).replaceAll("-$", "") : slug;
        return slug.isEmpty() ? "organization" : slug;
    }

    static void checkSlug(String slug, List<FieldError> errors) {
        if (slug != null && !SLUG.matcher(slug).matches()) {
            errors.add(new FieldError("slug", "use lowercase letters, digits and single dashes, e.g. trattoria-sole"));
        }
    }

    static String normalizeCurrency(String currency, List<FieldError> errors) {
        if (currency == null) {
            errors.add(new FieldError("currency", "is required"));
            return null;
        }
        return FieldRules.currency(currency, errors);
    }

    static String normalizeLocale(String locale, List<FieldError> errors) {
        if (locale == null) {
            return "en";
        }
        try {
            return new Locale.Builder().setLanguageTag(locale).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            errors.add(new FieldError("locale", "must be a BCP 47 language tag such as en or es-ES"));
            return locale;
        }
    }

    static String normalizeCountry(String country, List<FieldError> errors) {
        if (country == null) {
            return null;
        }
        String upper = country.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 code such as ES"));
        }
        return upper;
    }

    static void checkEmail(String email, List<FieldError> errors) {
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "is not an email address"));
        }
    }

    static void checkWebsite(String website, List<FieldError> errors) {
        if (website == null) {
            return;
        }
        try {
            URI uri = URI.create(website);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                errors.add(new FieldError("website", "must be an http(s) URL"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("website", "must be an http(s) URL"));
        }
    }

    /** E.164, reading a number without a country prefix as one of the organization's country. */
    static String normalizePhone(String phone, String country, List<FieldError> errors) {
        if (phone == null) {
            return null;
        }
        return PhoneNumbers.toE164(phone, country).orElseGet(() -> {
            errors.add(new FieldError(
                    "phone",
                    country == null
                            ? "is not a valid phone number; without a country, give it in international form (+34 ...)"
                            : "is not a valid phone number"));
            return phone;
        });
    }
}
