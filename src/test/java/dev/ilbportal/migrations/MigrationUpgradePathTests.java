package dev.ilbportal.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.PortalApplication;
import dev.ilbportal.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database that has every released migration takes the next one for {@code requests}, and the portal then starts on
 * it with Flyway's validation passing: the upgrade path of the one global sequence, on a fresh PostgreSQL database.
 */
class MigrationUpgradePathTests {

    private static final String RELEASED_LOCATION = "classpath:db/migration";

    @TempDir
    Path nextMigrations;

    private final TestDatabase server = TestDatabase.get();
    private final String databaseName = "upgrade_path_" + UUID.randomUUID().toString().replace("-", "");
    private String url;

    @BeforeEach
    void createAnEmptyDatabase() throws SQLException {
        execute(server.jdbcUrl(), "CREATE DATABASE " + databaseName);
        url = server.jdbcUrl().replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + databaseName);
    }

    @AfterEach
    void dropTheDatabase() throws SQLException {
        execute(server.jdbcUrl(), "DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
    }

    @Test
    void aDatabaseWithEveryReleasedMigrationTakesTheNextOneAndThePortalStartsOnIt() throws IOException {
        List<ReleasedMigration> released = ReleasedMigration.all();

        Flyway today = flyway(RELEASED_LOCATION);
        today.migrate();
        java.util.Set<String> releasedNames = released.stream().map(ReleasedMigration::name)
                .collect(Collectors.toSet());
        Map<String, Integer> appliedChecksums = applied(today).stream()
                .filter(info -> releasedNames.contains(info.getScript()))
                .collect(Collectors.toMap(MigrationInfo::getScript, MigrationInfo::getChecksum));
        assertThat(appliedChecksums).as("the released list holds the checksums Flyway itself stores")
                .isEqualTo(released.stream().collect(Collectors.toMap(ReleasedMigration::name,
                        ReleasedMigration::checksum)));

        String next = "V" + nextVersion() + "__requests_upgrade_probe.sql";
        try (InputStream probe = getClass().getResourceAsStream("/db/next-migration/requests_upgrade_probe.sql")) {
            Files.copy(probe, nextMigrations.resolve(next));
        }
        String nextLocation = "filesystem:" + nextMigrations.toAbsolutePath();
        Flyway upgraded = flyway(RELEASED_LOCATION, nextLocation);
        assertThat(upgraded.migrate().migrationsExecuted).isEqualTo(1);
        assertThat(applied(upgraded)).last().extracting(MigrationInfo::getScript).isEqualTo(next);

        try (ConfigurableApplicationContext portal = startPortal(RELEASED_LOCATION + "," + nextLocation)) {
            ValidateResult validation = portal.getBean(Flyway.class).validateWithResult();
            assertThat(validation.validationSuccessful).as("%s", validation.getAllErrorMessages()).isTrue();

            JdbcTemplate jdbc = new JdbcTemplate(portal.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(databaseName);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.columns"
                    + " WHERE table_name = 'lb_request' AND column_name = 'upgrade_probe'", Integer.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM lb_request", Integer.class))
                    .as("the requests module reads its table after the upgrade").isZero();
        }
    }

    /** One above the highest version in db/migration, whatever other modules have added since. */
    private static String nextVersion() {
        List<BigInteger> highest = MigrationFile.allIn(MigrationFile.FOLDER).stream()
                .map(path -> MigrationFile.version(path.getFileName().toString()))
                .max(MigrationFile.VERSION_ORDER).orElseThrow();
        return highest.getFirst().add(BigInteger.ONE).toString();
    }

    private Flyway flyway(String... locations) {
        return Flyway.configure().dataSource(url, server.ownerUsername(), server.ownerPassword())
                .placeholders(Map.of("approle", server.username())).locations(locations).load();
    }

    private static List<MigrationInfo> applied(Flyway flyway) {
        return List.of(flyway.info().applied());
    }

    private ConfigurableApplicationContext startPortal(String flywayLocations) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--portal.sandbox.oidc-port=0",
                "--portal.sandbox.civo-port=0",
                "--portal.sandbox.smtp-port=0",
                "--portal.notifications.dispatch-initial-delay=1h",
                "--portal.provisioning.initial-delay=1h",
                "--portal.verification.schedule-initial-delay=1h",
                "--spring.flyway.locations=" + flywayLocations));
        arguments.addAll(List.of(server.portalArguments(url)));
        return new SpringApplicationBuilder(PortalApplication.class).run(arguments.toArray(String[]::new));
    }

    private void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, server.ownerUsername(),
                server.ownerPassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
