package io.reserva.reservations;

import io.reserva.contacts.ContactDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * What the guest typed when booking on a channel without an API key (a booking page, an AI assistant): kept on
 * the reservation as typed (email lower-cased, phone in E.164), and the only guest data those channels show back.
 * See docs/booking-pages.md, "Whose details a booking shows".
 */
@Schema(
        name = "ReservationGuestDetails",
        description = "The details the guest typed on a booking page or to an AI assistant; null for bookings made"
                + " with an API key")
public record GuestDetails(
        @Schema(example = "Ana") String firstName,
        @Schema(example = "García") String lastName,
        @Schema(example = "ana.garcia@example.com") String email,
        @Schema(example = "+34612345678") String phone,

        @Schema(
                description = "An existing contact whose email or phone the guest typed but whose name did not"
                        + " match: the booking was not filed under it (contact_id is null). Staff may link it by"
                        + " setting contact_id once they know it is the same person. Never shown to guests or"
                        + " assistants",
                example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID unverifiedContactId) {

    static GuestDetails typed(ContactDetails typed, UUID unverifiedContactId) {
        return new GuestDetails(typed.firstName(), typed.lastName(), typed.email(), typed.phone(), unverifiedContactId);
    }

    /** What the guest may read back: what they typed, without the staff's review note. */
    GuestDetails asTyped() {
        return unverifiedContactId == null ? this : new GuestDetails(firstName, lastName, email, phone, null);
    }
}
