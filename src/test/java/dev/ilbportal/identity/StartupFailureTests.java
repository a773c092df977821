package dev.ilbportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.PortalApplication;
import dev.ilbportal.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The portal refuses to start without its database or identity provider, and says which setting to fix. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

    private static void start(String... properties) {
        SpringApplication application = new SpringApplication(PortalApplication.class);
        String[] args = new String[properties.length + 2];
        args[0] = "--server.port=0";
        args[1] = "--portal.sandbox.oidc-port=0";
        for (int i = 0; i < properties.length; i++) {
            args[i + 2] = "--" + properties[i];
        }
        application.run(args).close();
    }

    @Test
    void unreachableDatabaseFailsFastNamingTheDatasourceSetting(CapturedOutput output) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> start("spring.datasource.url=jdbc:postgresql://127.0.0.1:9/portal",
                "spring.datasource.hikari.connection-timeout=2000"))
                .isInstanceOf(Exception.class);

        assertThat(output).contains("could not connect to its PostgreSQL database")
                .contains("SPRING_DATASOURCE_URL");
        assertThat(System.nanoTime() - started).as("fails fast").isLessThan(60_000_000_000L);
    }

    @Test
    void unreachableIdentityProviderFailsNamingTheIssuerSetting(CapturedOutput output) {
        TestDatabase database = TestDatabase.get();
        java.util.List<String> settings = new java.util.ArrayList<>(database.portalProperties(database.jdbcUrl())
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        settings.add("portal.identity.oidc.issuer-uri=http://127.0.0.1:9/realms/ilb-portal");
        settings.add("portal.identity.oidc.client-id=ilb-portal");
        assertThatThrownBy(() -> start(settings.toArray(String[]::new)))
                .isInstanceOf(Exception.class);

        assertThat(output).contains("could not reach its OpenID Connect provider at http://127.0.0.1:9/realms/ilb-portal")
                .contains("PORTAL_IDENTITY_OIDC_ISSUER_URI");
    }
}
