package dev.ilbportal.civo;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** Builds the one Civo client from whichever {@link CivoConnection} exists (real API or sandbox), plus its health. */
@Configuration(proxyBeanMethods = false)
class CivoClientConfiguration {

    @Bean
    CivoClient civoClient(CivoConnection connection, CivoProperties properties,
                          ObjectProvider<RestClient.Builder> builders) {
        RestClient.Builder builder = builders.getIfAvailable(RestClient::builder);
        return new CivoClient(connection, properties, builder, Clock.systemUTC(), Sleeper.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Reported as {@code civo} under {@code /actuator/health}. */
    @Bean
    CivoHealthIndicator civoHealthIndicator(CivoClient client) {
        return new CivoHealthIndicator(client, Clock.systemUTC());
    }
}
