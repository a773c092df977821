package dev.ilbportal.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL for every integration test of a run: a Testcontainers container when a Docker engine answers,
 * the embedded PostgreSQL binaries otherwise. Never a stand-in database.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static volatile TestDatabase instance;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String kind;

    private TestDatabase(String jdbcUrl, String username, String password, String kind) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.kind = kind;
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
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "a Testcontainers PostgreSQL");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                    "an embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
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

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }
}
