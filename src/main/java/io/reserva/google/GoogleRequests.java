package io.reserva.google;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The last requests Google made to this node's booking server, kept in memory only: a bounded ring a request adds
 * one small entry to (no database write on Google's path). Lost on restart, and each node knows its own.
 */
@Component
public class GoogleRequests {

    static final int KEPT = 100;

    /** One request Google made and how it ended. */
    @Schema(name = "GoogleRequest")
    public record GoogleRequest(
            @Schema(description = "The RPC", example = "CreateBooking")
            String method,

            Instant at,
            @Schema(example = "200") int httpStatus,

            @Schema(
                    description = "ok, the business failure's cause (booking_failure or"
                            + " waitlist_business_logic_failure), or the error's code",
                    example = "SLOT_UNAVAILABLE")
            String outcome,

            @Schema(example = "42") long durationMs) {}

    private final ArrayDeque<GoogleRequest> recent = new ArrayDeque<>(KEPT);
    private final Clock clock;

    GoogleRequests(Clock clock) {
        this.clock = clock;
    }

    /** The time a request starts, by the application's clock. */
    public Instant now() {
        return clock.instant();
    }

    public void record(String method, Instant started, int httpStatus, String outcome) {
        GoogleRequest request = new GoogleRequest(
                method, started, httpStatus, outcome, Math.max(0, clock.millis() - started.toEpochMilli()));
        synchronized (recent) {
            if (recent.size() == KEPT) {
                recent.removeFirst();
            }
            recent.addLast(request);
        }
    }

    /** Newest first. */
    public List<GoogleRequest> recent() {
        synchronized (recent) {
            List<GoogleRequest> copy = new ArrayList<>(recent);
            java.util.Collections.reverse(copy);
            return copy;
        }
    }
}
