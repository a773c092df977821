package dev.ilbportal.civo;

import dev.ilbportal.civo.internal.Budget;
import dev.ilbportal.civo.internal.LocalBudget;
import dev.ilbportal.civo.internal.MeteredBudget;
import dev.ilbportal.civo.internal.PostgresBudget;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * Builds the one Civo client from whichever {@link CivoConnection} exists (real API or sandbox), on the account's
 * budget (in PostgreSQL, shared by every instance, unless {@code portal.civo.budget.shared=false}), plus its health.
 */
@Configuration(proxyBeanMethods = false)
class CivoClientConfiguration {

    @Bean
    CivoClient civoClient(CivoConnection connection, CivoProperties properties,
                          ObjectProvider<RestClient.Builder> builders, ObjectProvider<DataSource> dataSources,
                          ObjectProvider<MeterRegistry> registries) {
        RestClient.Builder builder = builders.getIfAvailable(RestClient::builder);
        DataSource dataSource = dataSources.getIfAvailable();
        Budget budget = properties.budget().shared() && dataSource != null
                ? new PostgresBudget(dataSource, account(connection), properties.rateLimit().portalSide(),
                        properties.budget(), Clock.systemUTC(), Sleeper.SYSTEM)
                : new LocalBudget(properties.rateLimit().portalSide().requestsPerSecond(),
                        properties.rateLimit().portalSide().burst(), Clock.systemUTC(), Sleeper.SYSTEM);
        return new CivoClient(connection, properties, builder, Clock.systemUTC(), Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble(),
                new MeteredBudget(budget, registries.getIfAvailable()));
    }

    @Bean
    CivoLookupCache civoLookupCache(CivoClient client, CivoProperties properties) {
        return new CivoLookupCache(client, properties.budget().lookupCache(), Clock.systemUTC());
    }

    /** Reported as {@code civo} under {@code /actuator/health}. */
    @Bean
    CivoHealthIndicator civoHealthIndicator(CivoClient client) {
        return new CivoHealthIndicator(client, Clock.systemUTC());
    }

    /** Names the account's budget row: a digest of where the calls go and with which key, never the key itself. */
    static String account(CivoConnection connection) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((connection.baseUrl() + "\n" + connection.apiKey())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
