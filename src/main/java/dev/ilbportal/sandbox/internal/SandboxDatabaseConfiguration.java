package dev.ilbportal.sandbox.internal;

import dev.ilbportal.sandbox.SandboxProperties;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real PostgreSQL started from embedded binaries when no {@code spring.datasource.url} is given. Its data stays
 * in {@code portal.sandbox.data-directory}/postgres between runs. Like production (docs/audit-integrity.md) it
 * splits the roles: the database {@code portal} belongs to {@code portal_owner}, who runs the migrations, and the
 * portal connects as {@code portal_app}, who may read and append the audit trail but never change it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@ConditionalOnPropertyAbsent("spring.datasource.url")
class SandboxDatabaseConfiguration {

    static final String DATABASE = "portal";
    static final String OWNER = "portal_owner";
    static final String APP = "portal_app";

    private static final Logger log = LoggerFactory.getLogger(SandboxDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres sandboxPostgres(SandboxProperties properties) throws IOException, SQLException {
        Path directory = properties.dataDirectory().resolve("postgres").toAbsolutePath();
        Files.createDirectories(directory.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .start();
        createRoles(postgres);
        log.info("Sandbox PostgreSQL {} is running on port {} with its data in {}", "17", postgres.getPort(),
                directory);
        return postgres;
    }

    /** As the superuser, once: the owner, the portal's role, and the owner's database. */
    private static void createRoles(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            for (String role : new String[] {OWNER, APP}) {
                sql.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + role
                        + "') then create role " + role + " login password '" + role + "'; end if; end $$");
            }
            try (ResultSet exists = sql.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    sql.execute("create database " + DATABASE + " owner " + OWNER);
                }
            }
        }
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(APP, DATABASE));
        dataSource.setUsername(APP);
        dataSource.setPassword(APP);
        dataSource.setPoolName("sandbox");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    /** Flyway's own connection, as the owner; nothing else is handed it. */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource sandboxOwnerDataSource(EmbeddedPostgres postgres) {
        return new DriverManagerDataSource(postgres.getJdbcUrl(OWNER, DATABASE), OWNER, OWNER);
    }

    @Bean
    SandboxNotice.Part sandboxDatabasePart(EmbeddedPostgres postgres, SandboxProperties properties) {
        return new SandboxNotice.Part("PostgreSQL (embedded)",
                "port " + postgres.getPort() + ", database " + DATABASE + " (owner " + OWNER + ", portal connects as "
                        + APP + "), data in " + properties.dataDirectory().resolve("postgres"));
    }
}
