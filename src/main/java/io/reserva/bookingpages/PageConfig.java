package io.reserva.bookingpages;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** What a booking page shows and how it looks. Every text is shown as plain text, never as HTML. */
public record PageConfig(
        @Schema(description = "At most 200 characters", example = "Book a table at Trattoria Sole")
        String heroTitle,

        @Schema(description = "At most 300 characters", example = "Fresh pasta, every evening")
        String heroSubtitle,

        @Schema(description = "At most 5000 characters", example = "Family-run since 1987.")
        String description,

        @Schema(description = "At most 5000 characters", example = "Tables are kept for 15 minutes.")
        String instructions,

        @Schema(description = "Shown on the confirmation; at most 2000 characters", example = "See you soon!")
        String thankYouMessage,

        @Schema(
                description = "When set, the guest must accept it to book; at most 5000 characters",
                example = "Cancel up to 24 hours before for free.")
        String policyText,

        @Schema(
                description = "An http(s) URL or a path on this server, e.g. a public_url from /s3-url-signing",
                example = "https://cdn.example.com/logo.png")
        String logoUrl,

        @Schema(description = "Like logo_url", example = "https://cdn.example.com/cover.jpg")
        String coverUrl,

        @Schema(description = "#rrggbb; buttons and links", example = "#1f6feb")
        String primaryColor,

        @Schema(description = "Required and non-empty for mode selected_services; the organization's services")
        List<UUID> bookingServiceIds,

        @Schema(description = "en (default) or es", example = "es")
        String locale,

        @Schema(
                description = "Whether guests may join the waitlist from the page: off (default); later (a day with"
                        + " nothing that suits them); later_and_now (also the queue at the door, today)",
                example = "later")
        String waitlist) {

    public static final String WAITLIST_OFF = "off";
    public static final String WAITLIST_LATER = "later";
    public static final String WAITLIST_LATER_AND_NOW = "later_and_now";

    public static final PageConfig EMPTY =
            new PageConfig(null, null, null, null, null, null, null, null, null, null, "en", WAITLIST_OFF);

    public PageConfig {
        bookingServiceIds = bookingServiceIds == null ? null : List.copyOf(bookingServiceIds);
    }

    /** Whether guests may join the later waitlist from the page (links stored before V130 have no setting). */
    public boolean takesLaterWaitlist() {
        return WAITLIST_LATER.equals(waitlist) || WAITLIST_LATER_AND_NOW.equals(waitlist);
    }

    /** Whether guests may also join today's queue at the door from the page. */
    public boolean takesNowWaitlist() {
        return WAITLIST_LATER_AND_NOW.equals(waitlist);
    }
}
