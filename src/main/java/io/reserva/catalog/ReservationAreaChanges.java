package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a PATCH of an area may change; fields left out are kept, a null description clears it. */
public record ReservationAreaChanges(
        @Schema(example = "Garden terrace") String name,

        @Schema(example = "Outdoor seating under the awning")
        String description) {}
