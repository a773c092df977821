package dev.ilbportal.support;

import java.util.Map;
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
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "spring.flyway.user", database.ownerUsername(),
                "spring.flyway.password", database.ownerPassword(),
                "portal.audit.checkpoint-directory", database.checkpointDirectory().toString(),
                "portal.audit.signing-key-file", database.signingKeyFile().toString(),
                "portal.audit.generate-missing-key", "true")));
    }
}
