package io.reserva.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link IntegrationTest} with a clock the test moves by hand ({@link TestClock}, a {@link MutableClock} bean), and
 * without the sweeps that would race it: lapsed holds and expired waitlist offers are the test's to provoke. One
 * Spring context for every class so annotated (the whole application starts once for them all), hence one clock:
 * each class sets it in {@code @BeforeEach}, and nothing here may be changed for one class alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(TestClock.class)
@TestPropertySource(
        properties = {
            "reserva.reservations.hold-sweep-interval=PT1H",
            "reserva.waitlist.expiry-sweep-interval=PT1H",
            // Small enough for WaitlistIntegrationTests to fill a queue; every other test's queues hold fewer.
            "reserva.waitlist.max-active=3"
        })
public @interface ClockedIntegrationTest {}
