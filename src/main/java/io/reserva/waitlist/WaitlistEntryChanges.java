package io.reserva.waitlist;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A PATCH of a waitlist entry: move it through the statuses (seating has its own endpoint), change notes and
 * tags, or override the quote (send both ends; null for both gives the quote back to the estimator).
 */
@Schema(name = "WaitlistEntryChanges", example = "{\"status\": \"checked_in\"}")
public record WaitlistEntryChanges(
        @Schema(
                description = "offered (a now party's table is ready), checked_in, cancelled, declined_by_merchant,"
                        + " no_show, expired; waiting takes back an open offer",
                example = "checked_in")
        WaitlistEntryStatus status,

        @Size(max = 5000) String notes,
        @Size(max = 20) List<@NotNull @Size(min = 1, max = 50) String> tags,

        @Schema(description = "Staff's own quote, from", example = "2027-03-28T19:40:00Z")
        Instant estimatedSeatFrom,

        @Schema(description = "Staff's own quote, to", example = "2027-03-28T19:55:00Z")
        Instant estimatedSeatTo) {}
