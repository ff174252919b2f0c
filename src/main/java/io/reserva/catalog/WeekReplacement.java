package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A whole week of windows for one owner, replacing the ones it has. */
public record WeekReplacement(
        @Schema(description = "May be left out with an organization's key")
        UUID organizationId,

        @Schema(
                description = "The resource, or null (sent explicitly) for the organization's business hours;"
                        + " may be left out when area_id is given",
                example = "0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b")
        UUID resourceId,

        @Schema(
                description = "The area (terrace, bar) whose week this is; left out for a resource or the organization",
                example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID areaId,

        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The new week; an empty list closes every day")
        List<WeekWindow> windows) {

    /** One window of the new week. */
    public record WeekWindow(
            @Schema(description = "0 = Sunday ... 6 = Saturday", example = "2")
            Integer dayOfWeek,

            @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
            @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", example = "13:00")
            LocalTime startTime,

            @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
            @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", example = "16:00")
            LocalTime endTime) {}
}
