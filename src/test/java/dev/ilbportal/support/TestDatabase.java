package dev.ilbportal.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL for every integration test of a run: a Testcontainers container when a Docker engine answers,
 * the embedded PostgreSQL binaries otherwise. Never a stand-in database. Like production (docs/audit-integrity.md),
 * it holds the database {@code portal} owned by {@code portal_owner}, who runs the migrations, and the portal connects
 * as {@code portal_app}, who may only read and append the audit trail. The owner may create databases, for tests
 * that need an empty one. The audit checkpoints signed during the run
 * belong with this database, so their directory and signing key live and die with it.
 */
public final class TestDatabase {

    public static final String OWNER = "portal_owner";
    public static final String APP = "portal_app";
    private static final String DATABASE = "portal";

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static volatile TestDatabase instance;

    private final String jdbcUrl;
    private final String kind;
    private final Path auditDirectory;

    private TestDatabase(String jdbcUrl, String kind, Path auditDirectory) {
        this.jdbcUrl = jdbcUrl;
        this.kind = kind;
        this.auditDirectory = auditDirectory;
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = start();
                    log.info("Integration tests use {} at {}", instance.kind, instance.jdbcUrl);
                }
            }
        }
        return instance;
    }

    private static TestDatabase start() {
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return withRoles(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "a Testcontainers PostgreSQL");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            return withRoles(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                    "an embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
    }

    /** As the superuser: the owner role, the portal's role and the owner's database. */
    private static TestDatabase withRoles(String superuserUrl, String superuser, String password, String kind) {
        try (Connection connection = DriverManager.getConnection(superuserUrl, superuser, password);
             Statement sql = connection.createStatement()) {
            sql.execute("create role " + OWNER + " login createdb password '" + OWNER + "'");
            sql.execute("create role " + APP + " login password '" + APP + "'");
            sql.execute("create database " + DATABASE + " owner " + OWNER);
            // lets a test that drops a database of its own end the sessions a closing portal may still hold there
            sql.execute("grant pg_signal_backend to " + OWNER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the portal's roles in the test PostgreSQL", e);
        }
        try {
            Path audit = Files.createTempDirectory("ilb-portal-test-audit");
            return new TestDatabase(superuserUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + DATABASE), kind, audit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is ending; the temporary data directory goes with it
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The portal's own role: it may read and append the audit trail, nothing more. */
    public String username() {
        return APP;
    }

    public String password() {
        return APP;
    }

    /** The role that owns the schema and runs the migrations (what a DBA or an attacker with the owner's password has). */
    public String ownerUsername() {
        return OWNER;
    }

    public String ownerPassword() {
        return OWNER;
    }

    /** Where this run's audit checkpoints are written. */
    public Path checkpointDirectory() {
        return auditDirectory.resolve("checkpoints");
    }

    /** This run's checkpoint signing key (generated on first use). */
    public Path signingKeyFile() {
        return auditDirectory.resolve("signing-key.pem");
    }

    /**
     * The settings that point a portal at this database as production does (datasource as the portal's role, Flyway
     * as the owner) with this run's checkpoint directory and key, for {@code jdbcUrl} (this database or another one
     * on the same server).
     */
    public Map<String, String> portalProperties(String jdbcUrl) {
        return Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", username(),
                "spring.datasource.password", password(),
                "spring.flyway.user", ownerUsername(),
                "spring.flyway.password", ownerPassword(),
                "portal.audit.checkpoint-directory", checkpointDirectory().toString(),
                "portal.audit.signing-key-file", signingKeyFile().toString(),
                "portal.audit.generate-missing-key", "true");
    }

    /** The same, as command-line arguments. */
    public String[] portalArguments(String jdbcUrl) {
        return portalProperties(jdbcUrl).entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    /** A plain connection as the owner, for tests that play a database owner tampering with the trail. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, OWNER, OWNER);
    }
}
