package io.reserva.reservations;

import io.reserva.contacts.Contact;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** Who is coming: the few fields of a reservation's contact that a list of bookings needs. */
@Schema(name = "ReservationContact", description = "The reservation's guest; null when it has none (a walk-in)")
public record ContactSummary(
        @Schema(example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "Ana") String firstName,
        @Schema(example = "García") String lastName,
        @Schema(example = "ana.garcia@example.com") String email,
        @Schema(example = "+34612345678") String phone) {

    static ContactSummary of(Contact contact) {
        return new ContactSummary(
                contact.id(), contact.firstName(), contact.lastName(), contact.email(), contact.phone());
    }
}
