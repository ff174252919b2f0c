package io.reserva.assistants;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The query parameters of {@code GET /reservation-available-slots} as a JSON object (without
 * {@code organization_id}: an assistant acts for its own organization). The slots controller reads them from the
 * query string; this record binds them from tool arguments, and both hand the same {@code SlotSearch} to
 * {@code SlotFinder}. A test holds the names and the endpoint's parameters together.
 */
record SlotArguments(
        @NotNull @Schema(description = "The service: an id from get_reservation_services")
        UUID serviceId,

        @Schema(description = "One local date, YYYY-MM-DD, in the service's time zone", example = "2027-03-28")
        LocalDate date,

        @Schema(description = "Range form: first local date (with end_date, instead of date)", example = "2027-03-01")
        LocalDate startDate,

        @Schema(description = "Range form: last local date (at most 62 days in all)", example = "2027-03-31")
        LocalDate endDate,

        @Min(1) @Schema(description = "Party size, default 1", example = "2")
        Integer partySize,

        @Schema(description = "Only slots this resource can serve")
        UUID resourceId,

        @Schema(
                description = "Only starts where a booking asking for this area (seating_preference) is seated in it;"
                        + " an area id the guest chose")
        UUID areaId) {}
