package io.reserva.bookingpages;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the public booking API shows and takes. Only fields a guest may see: no internal notes, no resources, no
 * other guests, no reservation ids (a guest holds a private token instead).
 */
public final class GuestModels {

    private GuestModels() {}

    /** Everything a booking page needs to draw itself. */
    public record PublicBookingPage(
            @Schema(example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
            UUID organizationId,

            @Schema(example = "Trattoria Sole") String organizationName,
            PublicVenue venue,
            @Schema(example = "dinner") String slug,
            @Schema(example = "Dinner page") String name,
            @Schema(example = "all_services") BookingLinkMode mode,
            PublicPageConfig pageConfig,

            @Schema(description = "The services the guest may choose from, in name order")
            List<PublicService> services,

            @Schema(
                    description = "The areas of the floor the guest may ask for (seating_preference of a hold, area_id"
                            + " of the slots), in the link's order; empty: the page offers no choice")
            List<PublicArea> areas,

            @Schema(description = "The reservation custom fields to ask for, in display order")
            List<PublicCustomField> customFields,

            @Schema(description = "How long a chosen time is held while the guest fills in details", example = "10")
            int holdMinutes) {}

    /**
     * The venue as the page shows it: the organization's public business details (its name, address and phone;
     * never its email) and the link's logo. A detail the organization left empty is left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublicVenue(
            @Schema(example = "Trattoria Sole") String name,
            @Schema(example = "Calle Mayor 1, 28013 Madrid") String address,

            @Schema(description = "E.164", example = "+34911234567")
            String phone,

            @Schema(example = "https://cdn.example.com/logo.png")
            String logoUrl,

            @Schema(description = "IANA time zone the page writes times in", example = "Europe/Madrid")
            String timezone) {}

    /** The page config minus what only the organization needs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PublicPageConfig(
            @Schema(example = "Book a table") String heroTitle,
            String heroSubtitle,
            String description,
            String instructions,
            String thankYouMessage,
            String policyText,
            String logoUrl,
            String coverUrl,
            @Schema(example = "#1f6feb") String primaryColor,
            @Schema(example = "en") String locale,

            @Schema(description = "off, later or later_and_now: whether the page offers the waitlist")
            String waitlist) {

        static PublicPageConfig of(PageConfig c) {
            return new PublicPageConfig(
                    c.heroTitle(),
                    c.heroSubtitle(),
                    c.description(),
                    c.instructions(),
                    c.thankYouMessage(),
                    c.policyText(),
                    c.logoUrl(),
                    c.coverUrl(),
                    c.primaryColor(),
                    c.locale() == null ? "en" : c.locale(),
                    c.waitlist() == null ? PageConfig.WAITLIST_OFF : c.waitlist());
        }
    }

    public record PublicService(
            UUID id,
            @Schema(example = "Dinner") String name,
            String description,
            @Schema(example = "90") int durationMinutes,
            @Schema(example = "1") int minPartySize,

            @Schema(description = "null: no limit", example = "8")
            Integer maxPartySize,

            @Schema(example = "45.00") BigDecimal price,
            @Schema(example = "EUR") String currency,
            String imageUrl,
            @Schema(example = "Europe/Madrid") String timezone,

            @Schema(description = "Bookings wait for the venue to confirm them")
            boolean requiresConfirmation,

            @Schema(description = "Guests may cancel or reschedule")
            boolean allowCancellation,

            @Schema(description = "Until this many hours before the start; null: any time", example = "24")
            Integer cancellationDeadlineHours,

            @Schema(description = "How far ahead it can be booked; null: no limit", example = "60")
            Integer maxAdvanceDays) {}

    /** An area of the floor a page offers: its id and name, nothing else of the catalog. */
    public record PublicArea(
            @Schema(example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
            UUID id,

            @Schema(example = "Terrace") String name) {}

    public record PublicCustomField(
            @Schema(example = "dietary_requirements") String key,
            @Schema(example = "Dietary requirements") String label,
            @Schema(example = "select") String fieldType,
            List<String> options,
            boolean isRequired,
            String description) {}

    /** Per-day availability of one service for one party size. */
    public record PublicSlots(
            UUID serviceId,
            @Schema(example = "Europe/Madrid") String timezone,
            @Schema(example = "2") int partySize,
            List<PublicDay> days) {}

    public record PublicDay(
            @Schema(example = "2027-03-28") LocalDate date,
            boolean bookable,

            @Schema(
                    description = "Why nothing is bookable: closed, fully_booked, outside_booking_window,"
                            + " party_too_large, party_too_small",
                    example = "fully_booked")
            String reason,

            List<PublicSlot> slots) {}

    public record PublicSlot(
            @Schema(example = "2027-03-28T18:30:00Z") Instant startDatetime,
            @Schema(example = "2027-03-28T20:00:00Z") Instant endDatetime,

            @Schema(description = "Wall-clock start in the service's time zone", example = "20:30")
            String localTime) {}

    /** The guest picks a start: it is held for them while they give their details. */
    public record HoldRequest(
            @NotNull UUID serviceId,

            @NotNull @Min(1) @Max(1000) @Schema(example = "2")
            Integer partySize,

            @NotNull @Schema(example = "2027-03-28T18:30:00Z")
            Instant startDatetime,

            @Schema(
                    description = "One of the page's areas the guest asks for; left out: any area. Honoured when a"
                            + " table there is free, else the guest is seated elsewhere (seating_preference_met false)",
                    example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
            UUID seatingPreference,

            @Schema(description = "Answers to the reservation custom fields, by key; required ones must be given here")
            Map<String, Object> customFieldsByKey) {}

    /** Contact details and answers that turn a hold into a booking. */
    public record GuestDetails(
            @NotNull @Valid GuestContact contact,

            @Schema(description = "Values of the reservation custom fields, by key")
            Map<String, Object> customFieldsByKey,

            @Size(max = 2000) @Schema(example = "A high chair, please")
            String customerNotes,

            @Schema(description = "Required (true) when the page has a policy_text")
            Boolean policyAccepted) {}

    public record GuestContact(
            @Size(max = 100) @Schema(example = "Ana") String firstName,
            @Size(max = 100) @Schema(example = "García") String lastName,

            @Size(max = 254) @Schema(example = "ana@example.com")
            String email,

            @Size(max = 40) @Schema(example = "+34 612 345 678")
            String phone) {}

    public record RescheduleRequest(
            @NotNull @Schema(example = "2027-03-29T18:30:00Z")
            Instant startDatetime,

            @Min(1) @Max(1000) @Schema(description = "Left out: unchanged", example = "2")
            Integer partySize) {}

    public record CancelRequest(
            @Size(max = 1000) @Schema(example = "Plans changed")
            String reason) {}

    /** A guest's view of their booking, behind their private token. */
    public record GuestBooking(
            @Schema(description = "The private token; keep it secret, it is the key to this booking")
            String token,

            @Schema(description = "The private page to see, cancel or reschedule this booking")
            String managePath,

            @Schema(example = "K7QX4M") String confirmationCode,
            @Schema(example = "confirmed") String status,
            UUID serviceId,
            @Schema(example = "Dinner") String serviceName,
            @Schema(example = "2") int partySize,
            @Schema(example = "2027-03-28T18:30:00Z") Instant startDatetime,
            @Schema(example = "2027-03-28T20:00:00Z") Instant endDatetime,
            @Schema(example = "Europe/Madrid") String timezone,

            @Schema(description = "While held: when the hold lapses")
            Instant holdExpiresAt,

            @Schema(example = "Ana") String firstName,
            @Schema(example = "García") String lastName,
            String customerNotes,
            Map<String, Object> customFieldsByKey,

            @Schema(description = "The area the guest asked for; null when none")
            PublicArea seatingPreference,

            @Schema(
                    description = "Whether the party sits in that area: false when it was full and the party was seated"
                            + " elsewhere; null when no area was asked for")
            Boolean seatingPreferenceMet,

            @Schema(description = "Whether the guest may still cancel or reschedule")
            boolean canChange,

            @Schema(description = "Until when (null: any time before the start, or never when can_change is false)")
            Instant changeDeadline,

            @Schema(description = "Whether the booking page still takes bookings (rescheduling needs it)")
            boolean linkActive,

            @Schema(example = "Trattoria Sole") String organizationName,

            @Schema(description = "The page's texts and branding, for the manage page")
            PublicPageConfig pageConfig) {}

    /** A guest asks to wait: for a later start on a day (kind later) or in today's queue at the door (kind now). */
    @Schema(name = "GuestWaitlistJoin")
    public record WaitlistJoinRequest(
            @NotNull UUID serviceId,

            @NotNull @Min(1) @Max(1000) @Schema(example = "2")
            Integer partySize,

            @Schema(
                    description = "later (default): a start on date in the window; now: the queue at the door today",
                    example = "later")
            String kind,

            @Schema(description = "Later: the local date wanted", example = "2027-03-28")
            LocalDate date,

            @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
            @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", example = "19:30")
            LocalTime windowStart,

            @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
            @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", example = "21:30")
            LocalTime windowEnd,

            @NotNull @Valid @Schema(description = "First name and phone are required; the venue calls or texts")
            GuestContact contact,

            @Size(max = 2000) @Schema(example = "A high chair, please")
            String notes) {}

    /**
     * A guest's waitlist entry behind their private token: where they stand and what is on offer. Only what the
     * guest sent or owns: no ids of the entry, contact or reservation, no other guests, no notes of the venue.
     */
    @Schema(name = "GuestWaitlistEntry")
    public record GuestWaitlistEntry(
            @Schema(description = "The private token, only in the answer to joining; keep it secret")
            String token,

            @Schema(description = "The private status page of this entry")
            String statusPath,

            @Schema(example = "later") String kind,

            @Schema(
                    description = "waiting, offered, checked_in, seated, cancelled, declined_by_merchant, no_show,"
                            + " expired",
                    example = "waiting")
            String status,

            UUID serviceId,
            @Schema(example = "Dinner") String serviceName,
            @Schema(example = "2") int partySize,

            @Schema(description = "The local date of the queue", example = "2027-03-28")
            LocalDate date,

            @Schema(example = "19:30") String windowStart,
            @Schema(example = "21:30") String windowEnd,
            @Schema(example = "Europe/Madrid") String timezone,

            @Schema(description = "1 for the next party; null once the entry left the queue", example = "3")
            Integer position,

            @Schema(example = "2") Integer partiesAhead,

            @Schema(description = "Now entries: the quoted seat time range", example = "2027-03-28T19:40:00Z")
            Instant estimatedSeatFrom,

            @Schema(example = "2027-03-28T19:50:00Z") Instant estimatedSeatTo,

            @Schema(description = "Later entries: the start held for the guest", example = "2027-03-28T19:45:00Z")
            Instant offerStart,

            @Schema(description = "Until when the offer can be accepted", example = "2027-03-28T18:10:00Z")
            Instant offerExpiresAt,

            @Schema(description = "Whether an offer is open now (accept or decline it)")
            boolean offerOpen,

            @Schema(description = "Whether the guest may still leave the list")
            boolean canCancel,

            @Schema(description = "Once an offer was accepted here: the booking's confirmation code")
            String confirmationCode,

            @Schema(description = "Once an offer was accepted here: the booking's private manage page")
            String managePath,

            @Schema(example = "Trattoria Sole") String organizationName,
            PublicPageConfig pageConfig) {}
}
