package io.reserva.reservations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Which local days' pacing locks a booking takes, so that overlapping stays always share one. */
class PacingDaysTests {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final LocalDate FRIDAY = LocalDate.of(2027, 4, 2);

    static Instant at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(MADRID).toInstant();
    }

    static Instant midnight(LocalDate date) {
        return date.atStartOfDay(MADRID).toInstant();
    }

    @Test
    void aStayPastMidnightLocksBothDaysWhenGuestsSeatedAtOnceAreLimited() {
        Instant lateStart = at(FRIDAY, "23:00");

        assertThat(Placements.pacingDays(MADRID, lateStart, Duration.ofMinutes(120), true))
                .containsExactly(midnight(FRIDAY), midnight(FRIDAY.plusDays(1)));
        // The next day's early booking takes Saturday's lock, which the late Friday stay also holds.
        assertThat(Placements.pacingDays(MADRID, at(FRIDAY.plusDays(1), "00:30"), Duration.ofMinutes(90), true))
                .containsExactly(midnight(FRIDAY.plusDays(1)));
    }

    @Test
    void onlyTheStartsDayIsLockedWhenTheStayEndsByMidnightOrOnlyStartsArePaced() {
        assertThat(Placements.pacingDays(MADRID, at(FRIDAY, "22:00"), Duration.ofMinutes(120), true))
                .containsExactly(midnight(FRIDAY));
        assertThat(Placements.pacingDays(MADRID, at(FRIDAY, "23:00"), Duration.ofMinutes(120), false))
                .containsExactly(midnight(FRIDAY));
    }
}
