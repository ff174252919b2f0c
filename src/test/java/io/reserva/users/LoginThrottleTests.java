package io.reserva.users;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T10:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), clock);

    @Test
    void refusesAnAccountAfterItsFailuresUntilTheyRefill() {
        for (int i = 0; i < 3; i++) {
            throttle.check("ana@example.com", "10.0.0.1");
            throttle.failed("ana@example.com", "10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.check("ana@example.com", "10.0.0.2"))
                .isInstanceOfSatisfying(ReservaException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    org.assertj.core.api.Assertions.assertThat(e.extensions().get("retry_after"))
                            .isEqualTo(300L);
                });
        assertThatCode(() -> throttle.check("other@example.com", "10.0.0.2")).doesNotThrowAnyException();
        clock.advance(Duration.ofMinutes(5));
        assertThatCode(() -> throttle.check("ana@example.com", "10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void refusesAnAddressThatTriesManyAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i + "@example.com", "10.0.0.9");
        }
        assertThatThrownBy(() -> throttle.check("fresh@example.com", "10.0.0.9"))
                .isInstanceOf(ReservaException.class);
        assertThatCode(() -> throttle.check("fresh@example.com", "10.0.0.10")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessForgetsTheAccountsFailuresButNotTheAddresss() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ana@example.com", "10.0.0.1");
        }
        throttle.succeeded("ana@example.com");
        assertThatCode(() -> throttle.check("ana@example.com", "10.0.0.3")).doesNotThrowAnyException();
        throttle.failed("ana@example.com", "10.0.0.1");
        throttle.failed("ana@example.com", "10.0.0.1");
        assertThatThrownBy(() -> throttle.check("bob@example.com", "10.0.0.1")).isInstanceOf(ReservaException.class);
    }
}
