package io.reserva.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, on the throwaway embedded PostgreSQL shared by the test JVM. Tests
 * create their own organizations, so they run in any order without cleaning up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "reserva.database.embedded-ephemeral=true",
            "reserva.demo=false",
            "reserva.bootstrap-admin-key=" + TestApi.PLATFORM_KEY,
            "reserva.data-dir=${java.io.tmpdir}/reserva-tests",
            "reserva.api.rate-limit-per-key=1000000",
            "reserva.api.rate-limit-per-ip=1000000",
            // bcrypt at its cheapest: tests sign in often, and the cost factor changes nothing they prove.
            "reserva.users.bcrypt-strength=4",
            // Webhook tests deliver to receivers on loopback, and retry in fractions of a second.
            "reserva.webhooks.allow-private-networks=true",
            "reserva.webhooks.poll-interval=PT0.1S",
            "reserva.webhooks.retry-first-delay=PT0.2S",
            "reserva.webhooks.timeout=PT3S",
            // Google's availability feed in files of at most 1,000 rows, so one venue's month makes several shards.
            "reserva.google.feeds.shard-rows=1000",
            // The console's undo grace at 2 s instead of 5: the browser tests wait it out several times. The shipped
            // default is ConsoleControllerTests' to prove.
            "reserva.console.undo-grace=PT2S"
        })
public @interface IntegrationTest {}
