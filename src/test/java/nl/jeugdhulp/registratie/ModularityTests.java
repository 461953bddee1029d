package nl.jeugdhulp.registratie;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages are modules: no cycles, and others use only a module's public top-level types. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(RegistratieApplication.class).verify();
    }
}
