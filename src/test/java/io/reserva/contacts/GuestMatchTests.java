package io.reserva.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a guest typing on a public channel is taken to be the stored contact their email or phone matched. */
class GuestMatchTests {

    private static final Contact ANA = contact("Ana", "García", "ana@example.com", "+34612345678");

    @Test
    void theSameNameIgnoringCaseAndSpacesIsTheSameGuest() {
        assertThat(ContactDirectory.isSameGuest(ANA, typed(" ana ", "GARCÍA", "ana@example.com", null)))
                .isTrue();
        assertThat(ContactDirectory.isSameGuest(ANA, typed("Ana", "García", "ana@example.com", "+34612345678")))
                .isTrue();
    }

    @Test
    void anotherNameIsNot() {
        assertThat(ContactDirectory.isSameGuest(ANA, typed("Mallory", "García", "ana@example.com", null)))
                .isFalse();
        assertThat(ContactDirectory.isSameGuest(ANA, typed("Ana", null, "ana@example.com", null)))
                .as("half the name is not the name")
                .isFalse();
        assertThat(ContactDirectory.isSameGuest(ANA, typed("Ana", "Garci", null, "+34612345678")))
                .isFalse();
    }

    @Test
    void aDetailThatContradictsTheStoredOneIsNot() {
        assertThat(ContactDirectory.isSameGuest(ANA, typed("Ana", "García", "ana@example.com", "+34699999999")))
                .isFalse();
        assertThat(ContactDirectory.isSameGuest(ANA, typed("Ana", "García", "other@example.com", "+34612345678")))
                .isFalse();
    }

    @Test
    void aStoredNameLeftEmptyIsMatchedOnlyByLeavingItEmpty() {
        Contact onlyFirst = contact("Ana", null, "ana@example.com", null);
        assertThat(ContactDirectory.isSameGuest(onlyFirst, typed("Ana", null, "ana@example.com", null)))
                .isTrue();
        assertThat(ContactDirectory.isSameGuest(onlyFirst, typed("Ana", "Anything", "ana@example.com", null)))
                .isFalse();
    }

    private static ContactDetails typed(String first, String last, String email, String phone) {
        return new ContactDetails(first == null ? null : first.strip(), last, email, phone);
    }

    private static Contact contact(String first, String last, String email, String phone) {
        Instant at = Instant.parse("2027-01-01T00:00:00Z");
        return new Contact(
                UUID.randomUUID(),
                UUID.randomUUID(),
                first,
                last,
                email,
                phone,
                "notes",
                List.of(),
                false,
                null,
                Map.of(),
                0,
                0,
                0,
                null,
                at,
                at);
    }
}
