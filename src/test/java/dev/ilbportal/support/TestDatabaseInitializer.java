package dev.ilbportal.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's application context at the shared {@link TestDatabase}: the portal connects as its own role,
 * Flyway as the owner, and audit checkpoints go to the run's directory.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase",
                java.util.Map.copyOf(database.portalProperties(database.jdbcUrl()))));
    }
}
