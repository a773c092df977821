package dev.ilbportal.civo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.web.client.RestClient;

/**
 * A WireMock server on a free port plus a client pointed at it that sleeps on fake time; registered as a JUnit
 * extension ({@code @RegisterExtension}), it runs for each test.
 */
final class CivoWireMock implements BeforeEachCallback, AfterEachCallback {

    static final String KEY = "sk-test-0123456789abcdef";

    final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    final FakeTime time = new FakeTime();

    @Override
    public void beforeEach(ExtensionContext context) {
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop();
    }

    /** Defaults, except a generous rate limit so that only backoff shows up in the recorded sleeps. */
    CivoProperties properties() {
        return CivoProperties.defaults(URI.create(server.baseUrl()), KEY)
                .withRateLimit(new CivoProperties.RateLimit(1000, 1000));
    }

    CivoClient client() {
        return client(properties());
    }

    CivoClient client(CivoProperties properties) {
        return new CivoClient(new CivoConnection(URI.create(server.baseUrl()), KEY), properties, RestClient.builder(),
                time, time, () -> 1.0);
    }

    static CivoProperties.Retry retry(int attempts) {
        return new CivoProperties.Retry(attempts, Duration.ofMillis(200), Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }
}
