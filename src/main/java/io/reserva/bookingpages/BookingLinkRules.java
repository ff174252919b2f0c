package io.reserva.bookingpages;

import io.reserva.catalog.CatalogSnapshot;
import io.reserva.shared.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The checks of a booking link, each naming the field at fault. */
final class BookingLinkRules {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    static final Set<String> LOCALES = Set.of("en", "es");

    static final Set<String> WAITLIST_MODES =
            Set.of(PageConfig.WAITLIST_OFF, PageConfig.WAITLIST_LATER, PageConfig.WAITLIST_LATER_AND_NOW);
    static final int NAME_MAX = 200;
    static final int SLUG_MAX = 100;
    static final int URL_MAX = 2000;
    static final int SERVICES_MAX = 100;
    static final int AREAS_MAX = 50;

    private BookingLinkRules() {}

    static String name(String name, List<FieldError> errors) {
        String trimmed = name == null ? null : name.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (trimmed.length() > NAME_MAX) {
            errors.add(new FieldError("name", "must be at most " + NAME_MAX + " characters"));
        }
        return trimmed;
    }

    static String slug(String slug, List<FieldError> errors) {
        if (slug == null || slug.isEmpty()) {
            errors.add(new FieldError("slug", "is required"));
        } else if (slug.length() > SLUG_MAX || !SLUG.matcher(slug).matches()) {
            errors.add(new FieldError(
                    "slug",
                    "must be 1 to " + SLUG_MAX + " lowercase letters, digits and single hyphens, such as dinner-2"));
        }
        return slug;
    }

    /**
     * The service rules of a link as a whole: a single_service link names one of the organization's services, a
     * selected_services link lists them, and neither list goes with another mode.
     */
    static void services(
            BookingLinkMode mode, UUID serviceId, PageConfig config, CatalogSnapshot catalog, List<FieldError> errors) {
        if (mode == BookingLinkMode.SINGLE_SERVICE) {
            if (serviceId == null) {
                errors.add(new FieldError("service_id", "is required for mode single_service"));
            } else if (catalog.service(serviceId).isEmpty()) {
                errors.add(new FieldError("service_id", "is not a service of this organization"));
            }
        } else if (serviceId != null) {
            errors.add(new FieldError("service_id", "only goes with mode single_service"));
        }
        List<UUID> selected = config.bookingServiceIds();
        if (mode == BookingLinkMode.SELECTED_SERVICES) {
            if (selected == null || selected.isEmpty()) {
                errors.add(new FieldError(
                        "page_config.booking_service_ids",
                        "must list at least one service for mode selected_services"));
                return;
            }
            if (selected.size() > SERVICES_MAX) {
                errors.add(new FieldError(
                        "page_config.booking_service_ids", "must list at most " + SERVICES_MAX + " services"));
            }
            if (new HashSet<>(selected).size() != selected.size()) {
                errors.add(new FieldError("page_config.booking_service_ids", "must not repeat a service"));
            }
            for (int i = 0; i < selected.size(); i++) {
                UUID id = selected.get(i);
                if (id == null || catalog.service(id).isEmpty()) {
                    errors.add(new FieldError(
                            "page_config.booking_service_ids[" + i + "]", "is not a service of this organization"));
                }
            }
        } else if (selected != null && !selected.isEmpty()) {
            errors.add(new FieldError("page_config.booking_service_ids", "only goes with mode selected_services"));
        }
    }

    /**
     * The areas a link offers its guests: the organization's own (another organization's reads as unknown), each
     * once, at most {@value #AREAS_MAX}. Null is none.
     */
    static List<UUID> areas(List<UUID> areaIds, CatalogSnapshot catalog, List<FieldError> errors) {
        if (areaIds == null || areaIds.isEmpty()) {
            return List.of();
        }
        if (areaIds.size() > AREAS_MAX) {
            errors.add(new FieldError("area_ids", "must list at most " + AREAS_MAX + " areas"));
        }
        if (new HashSet<>(areaIds).size() != areaIds.size()) {
            errors.add(new FieldError("area_ids", "must not repeat an area"));
        }
        for (int i = 0; i < areaIds.size(); i++) {
            UUID id = areaIds.get(i);
            if (id == null || catalog.area(id).isEmpty()) {
                errors.add(new FieldError("area_ids[" + i + "]", "is not an area of this organization"));
            }
        }
        return new ArrayList<>(areaIds);
    }

    /** The page config with its texts trimmed (blank is null), its colour lower-cased and its locale defaulted. */
    static PageConfig pageConfig(PageConfig config, List<FieldError> errors) {
        if (config == null) {
            return PageConfig.EMPTY;
        }
        String locale = config.locale() == null ? "en" : config.locale().toLowerCase(Locale.ROOT);
        if (!LOCALES.contains(locale)) {
            errors.add(new FieldError("page_config.locale", "must be en or es"));
        }
        String waitlist = config.waitlist() == null ? PageConfig.WAITLIST_OFF : config.waitlist();
        if (!WAITLIST_MODES.contains(waitlist)) {
            errors.add(new FieldError("page_config.waitlist", "must be off, later or later_and_now"));
        }
        String color = blankToNull(config.primaryColor());
        if (color != null && !COLOR.matcher(color).matches()) {
            errors.add(new FieldError("page_config.primary_color", "must be a colour as #rrggbb, such as #1f6feb"));
        }
        return new PageConfig(
                text(config.heroTitle(), "page_config.hero_title", 200, errors),
                text(config.heroSubtitle(), "page_config.hero_subtitle", 300, errors),
                text(config.description(), "page_config.description", 5000, errors),
                text(config.instructions(), "page_config.instructions", 5000, errors),
                text(config.thankYouMessage(), "page_config.thank_you_message", 2000, errors),
                text(config.policyText(), "page_config.policy_text", 5000, errors),
                imageUrl(config.logoUrl(), "page_config.logo_url", errors),
                imageUrl(config.coverUrl(), "page_config.cover_url", errors),
                color == null ? null : color.toLowerCase(Locale.ROOT),
                config.bookingServiceIds() == null ? null : new ArrayList<>(config.bookingServiceIds()),
                locale,
                waitlist);
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        String text = blankToNull(value);
        if (text != null && text.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return text;
    }

    /**
     * An absolute http(s) URL, or a path on this server (an upload's public_url). Nothing else: no
     * {@code javascript:} or {@code data:} URLs, no protocol-relative {@code //host} paths.
     */
    static String imageUrl(String value, String field, List<FieldError> errors) {
        String url = blankToNull(value);
        if (url == null) {
            return null;
        }
        boolean valid = false;
        if (url.length() <= URL_MAX && url.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\\' || c > '~')) {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
                valid = scheme == null
                        ? url.startsWith("/") && !url.startsWith("//")
                        : (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
            } catch (URISyntaxException e) {
                valid = false;
            }
        }
        if (!valid) {
            errors.add(new FieldError(field, "must be an http(s) URL or a path on this server, such as /uploads/..."));
        }
        return url;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
