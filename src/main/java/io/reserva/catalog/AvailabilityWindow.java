package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A weekly opening window in local wall-clock time. A window whose end is at or before its start runs past
 * midnight into the next day (18:00–02:00); 00:00–00:00 is the whole day.
 */
public record AvailabilityWindow(
        @Schema(example = "0192f3c4-4444-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(
                description = "The resource; null for an area's or the organization's business hours",
                example = "0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b")
        UUID resourceId,

        @Schema(
                description =
                        "The area (terrace, bar) whose hours these are; null for a resource's or the organization's",
                example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID areaId,

        @Schema(description = "0 = Sunday ... 6 = Saturday", example = "5")
        int dayOfWeek,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", example = "19:30")
        LocalTime startTime,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(
                type = "string",
                pattern = "^\\d{2}:\\d{2}$",
                description = "At or before start_time: past midnight",
                example = "02:00")
        LocalTime endTime,

        Instant createdAt,
        Instant updatedAt) {

    /** Minutes open: 18:00–02:00 is 480, 00:00–00:00 is 1440. */
    public int lengthMinutes() {
        return WeeklyOverlap.lengthMinutes(startTime, endTime);
    }
}
