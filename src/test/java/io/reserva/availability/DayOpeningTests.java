package io.reserva.availability;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.availability.DayOpening.Span;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a resource's own hours and the business hours are both open: the stretches a timeline leaves unshaded. */
class DayOpeningTests {

    static Span span(String from, String until) {
        return new Span(Instant.parse("2026-12-04T" + from + ":00Z"), Instant.parse("2026-12-04T" + until + ":00Z"));
    }

    @Test
    void onlyTheTimeBothAreOpenRemains() {
        List<Span> resource = List.of(span("10:00", "14:00"), span("17:00", "23:00"));
        List<Span> business = List.of(span("12:00", "15:00"), span("18:00", "22:00"), span("22:30", "23:30"));

        assertThat(DayOpening.intersect(resource, business))
                .containsExactly(span("12:00", "14:00"), span("18:00", "22:00"), span("22:30", "23:00"));
    }

    @Test
    void touchingIsNotOverlappingAndNothingFromNothing() {
        assertThat(DayOpening.intersect(List.of(span("10:00", "12:00")), List.of(span("12:00", "14:00"))))
                .isEmpty();
        assertThat(DayOpening.intersect(List.of(), List.of(span("12:00", "14:00"))))
                .isEmpty();
    }
}
