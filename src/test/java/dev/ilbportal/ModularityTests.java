package dev.ilbportal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

    @Test
    void modulesOnlyUseWhatTheyAreAllowedTo() {
        modules.verify();
    }
}
