package io.reserva.google;

import java.util.function.Supplier;

/**
 * Marks the changes Google itself asked for (its {@code UpdateBooking}), so they are not announced back to Google
 * as booking notifications: Google knows them already. Held on the thread, as the guest commands run the change
 * on the caller's thread inside their own transaction.
 */
final class GoogleOrigin {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private GoogleOrigin() {}

    static <T> T run(Supplier<T> change) {
        ACTIVE.set(Boolean.TRUE);
        try {
            return change.get();
        } finally {
            ACTIVE.remove();
        }
    }

    static boolean active() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }
}
