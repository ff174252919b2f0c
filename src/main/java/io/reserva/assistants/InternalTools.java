package io.reserva.assistants;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The tools an assistant may call, by key; the others are invisible to it and refused. */
public record InternalTools(
        @ArraySchema(
                schema =
                        @Schema(
                                allowableValues = {
                                    "find_reservations",
                                    "create_reservation",
                                    "update_reservation",
                                    "get_reservation_services",
                                    "get_available_slots",
                                    "join_waitlist"
                                }),
                arraySchema =
                        @Schema(
                                description = "The enabled tool keys; an unknown key is refused with 422",
                                example = "[\"get_reservation_services\", \"get_available_slots\","
                                        + " \"create_reservation\"]"))
        List<String> tools) {}
