package io.reserva.contacts;

import java.util.Set;

/**
 * A contact changed; {@code changedFields} names what changed in the API's spelling ({@code email},
 * {@code visit_count}, …). Published in the transaction.
 */
public record ContactUpdated(Contact contact, Set<String> changedFields) {

    public ContactUpdated {
        changedFields = Set.copyOf(changedFields);
    }
}
