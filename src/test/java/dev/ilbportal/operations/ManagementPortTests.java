package dev.ilbportal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.support.PortalApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** With a management port, Prometheus scrapes there without signing in; the other actuator endpoints stay closed. */
@PortalApplicationTest
@AutoConfigureMetrics
@TestPropertySource(locations = "classpath:fast-sandbox.properties", properties = "management.server.port=0")
class ManagementPortTests {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prometheusScrapesTheManagementPortWithoutSigningIn() throws Exception {
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("portal_provisioning_jobs").contains("jvm_memory_used_bytes");
    }

    @Test
    void otherEndpointsOfTheManagementPortStillNeedAnAdmin() throws Exception {
        assertThat(get(managementPort, "/actuator/metrics").statusCode()).isNotEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get(port, "/actuator/prometheus").statusCode()).as("not on the portal's port").isIn(302, 404);
    }
}
