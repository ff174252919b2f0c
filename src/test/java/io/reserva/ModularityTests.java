package io.reserva;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** A module reaching into another's internals, or a cycle between modules, fails the build. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(ReservaApplication.class).verify();
    }
}
