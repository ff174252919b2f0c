package io.reserva.console.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Console settings ({@code RESERVA_CONSOLE_*}).
 *
 * @param undoGrace how long a status move waits in the browser before it is sent, so staff can undo it (the
 *     status machine has no way back from seated, completed, no-show or cancelled); at least 1 s
 */
@ConfigurationProperties("reserva.console")
record ConsoleProperties(Duration undoGrace) {

    static final Duration DEFAULT_UNDO_GRACE = Duration.ofSeconds(5);

    ConsoleProperties {
        undoGrace = undoGrace == null ? DEFAULT_UNDO_GRACE : undoGrace;
        if (undoGrace.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "reserva.console.undo-grace must be at least 1 second: staff need" + " the moment to press Undo");
        }
    }
}
