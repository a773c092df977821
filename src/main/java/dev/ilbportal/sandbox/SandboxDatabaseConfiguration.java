package dev.ilbportal.sandbox;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL started from embedded binaries when no {@code spring.datasource.url} is given. Its data stays
 * in {@code portal.sandbox.data-directory}/postgres between runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@ConditionalOnPropertyAbsent("spring.datasource.url")
class SandboxDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres sandboxPostgres(SandboxProperties properties) throws IOException {
        Path directory = properties.dataDirectory().resolve("postgres").toAbsolutePath();
        Files.createDirectories(directory.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .start();
        log.info("Sandbox PostgreSQL {} is running on port {} with its data in {}", "17", postgres.getPort(),
                directory);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("sandbox");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    @Bean
    SandboxNotice.Part sandboxDatabasePart(EmbeddedPostgres postgres, SandboxProperties properties) {
        return new SandboxNotice.Part("PostgreSQL (embedded)",
                "port " + postgres.getPort() + ", data in " + properties.dataDirectory().resolve("postgres"));
    }
}
