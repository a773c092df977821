package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The defaults tests and tools start from are the ones the portal binds, written once in the record. */
class CivoPropertiesTests {

    @Test
    void defaultsAreTheRecordsDefaultValuesWithTheGivenUrlAndKey() {
        CivoProperties properties = CivoProperties.defaults(URI.create("http://127.0.0.1:1"), "k");

        assertThat(properties.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1"));
        assertThat(properties.apiKey()).isEqualTo("k");
        assertThat(properties.defaultRegion()).isEqualTo("LON1");
        assertThat(properties.pathPrefix()).isEqualTo("/v2");
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retry()).isEqualTo(new CivoProperties.Retry(4, Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ofSeconds(30)));
        assertThat(properties.rateLimit()).isEqualTo(new CivoProperties.RateLimit(1.0, 5));
    }

    @Test
    void noKeyMeansNoKey() {
        assertThat(CivoProperties.defaults(URI.create("http://127.0.0.1:1"), null).apiKey()).isNull();
    }
}
