package io.reserva.support;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A {@link MutableClock} in place of the system clock, for {@link ClockedIntegrationTest}. One bean for every class
 * that shares the context, so each class puts it where it needs it in {@code @BeforeEach}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(Instant.now());
    }
}
