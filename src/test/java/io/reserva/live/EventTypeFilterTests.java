package io.reserva.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.shared.ReservaException;
import org.junit.jupiter.api.Test;

class EventTypeFilterTests {

    @Test
    void leftOutOrStarMeansEveryType() {
        assertThat(EventTypeFilter.parse(null).test("contact.updated")).isTrue();
        assertThat(EventTypeFilter.parse(" ").test("reservation.created")).isTrue();
        assertThat(EventTypeFilter.parse("contact.created,*").test("reservation.created"))
                .isTrue();
    }

    @Test
    void typesAndFamiliesAreMatchedExactly() {
        EventTypeFilter filter = EventTypeFilter.parse("reservation.*, contact.created");
        assertThat(filter.test("reservation.created")).isTrue();
        assertThat(filter.test("reservation.no_show")).isTrue();
        assertThat(filter.test("contact.created")).isTrue();
        assertThat(filter.test("contact.updated")).isFalse();
        assertThat(filter.test("waitlist_entry.created")).isFalse();
    }

    @Test
    void aNameThatMatchesNoTypeIsRefusedNamingTheParameter() {
        for (String bad : new String[] {"reservation.creatd", "reservations.*", "reservation", "a,,b", "*.created"}) {
            assertThatThrownBy(() -> EventTypeFilter.parse(bad))
                    .as(bad)
                    .isInstanceOf(ReservaException.class)
                    .hasMessageContaining("types");
        }
    }
}
