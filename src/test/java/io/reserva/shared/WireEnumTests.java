package io.reserva.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.reservations.ReservationStatus;
import io.reserva.uploads.UploadType;
import org.junit.jupiter.api.Test;

class WireEnumTests {

    @Test
    void theUsualSpellingIsTheLowerCaseName() {
        assertThat(ReservationStatus.NO_SHOW.wire()).isEqualTo("no_show");
        assertThat(ReservationStatus.fromWire("no_show")).isEqualTo(ReservationStatus.NO_SHOW);
    }

    @Test
    void aSpellingOfItsOwnIsParsedToo() {
        assertThat(UploadType.fromWire("booking-link-logo")).isEqualTo(UploadType.BOOKING_LINK_LOGO);
        assertThat(WireEnum.find(UploadType.class, "BOOKING_LINK_LOGO")).isEmpty();
    }

    @Test
    void anUnknownSpellingListsEveryChoice() {
        assertThatThrownBy(() -> UploadType.fromWire("avatar"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be one of reservation-service-image, booking-link-logo, booking-link-cover");
        assertThatThrownBy(() -> ReservationStatus.fromWire("Confirmed"))
                .hasMessage("must be one of held, pending, confirmed, seated, completed, cancelled, no_show, expired");
    }
}
