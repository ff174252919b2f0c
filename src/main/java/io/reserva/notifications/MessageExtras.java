package io.reserva.notifications;

import java.util.regex.Pattern;

/**
 * The optional parts of a message, each null when it has none: the venue's logo and colour (taken from its booking
 * page), the guest's private manage link, and the link that unsubscribes them from reminders. The logo and colour
 * are checked here, whatever the page stored: an absolute http(s) URL without characters that could leave an HTML
 * attribute, and a colour as {@code #rrggbb}; anything else is left out.
 */
record MessageExtras(String logoUrl, String brandColor, String manageLink, String unsubscribeLink) {

    static final MessageExtras NONE = new MessageExtras(null, null, null, null);

    /** The colour of the built-in messages when the venue has none. */
    static final String DEFAULT_COLOR = "#1f2937";

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>\\\\`]+");

    MessageExtras {
        logoUrl = logoUrl != null && URL.matcher(logoUrl).matches() ? logoUrl : null;
        brandColor = brandColor != null && COLOR.matcher(brandColor).matches()
                ? brandColor.toLowerCase(java.util.Locale.ROOT)
                : null;
    }

    /**
     * A logo as the booking page stored it, made absolute: a path on this server ({@code /uploads/...}) is put after
     * {@code publicUrl}; a value that is neither is dropped.
     */
    static String absoluteLogo(String logoUrl, String publicUrl) {
        if (logoUrl == null || logoUrl.isBlank()) {
            return null;
        }
        String url = logoUrl.strip();
        if (url.startsWith("/") && !url.startsWith("//")) {
            return publicUrl + url;
        }
        return url;
    }

    String colorOrDefault() {
        return brandColor == null ? DEFAULT_COLOR : brandColor;
    }
}
