package dev.ilbportal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.internal.ProvisioningWorker;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** /actuator/prometheus on the portal's own port: the portal's meters, for admins only; probes open to all. */
@PortalApplicationTest
@AutoConfigureMetrics
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class PrometheusMetricsTests {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;
    @Autowired
    ProvisioningWorker worker;

    private URI portal(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void adminScrapesTheMetersOfProvisioningCivoAuditAndTheOutbox() throws Exception {
        ApprovedRequestFixture fixture = ApprovedRequestFixture.of(context);
        fixture.approve(fixture.spec(ApprovedRequestFixture.uniqueName("metered"), FirewallChoice.create("")));
        for (int i = 0; i < 20 && worker.runNextDueJob(); i++) {
            // every step of the job, one after another
        }
        SandboxBrowserlessLogin adam = new SandboxBrowserlessLogin(portal(""));
        adam.signIn("adam");

        HttpResponse<String> scrape = adam.client().send(HttpRequest.newBuilder(portal("/actuator/prometheus"))
                .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("portal_provisioning_jobs\\{[^}]*status=\"succeeded\"[^}]*} [1-9]")
                .containsPattern("portal_provisioning_step_seconds_count\\{[^}]*outcome=\"advance\"[^}]*"
                        + "step=\"ensure_firewall\"")
                .containsPattern("portal_civo_calls_seconds_count\\{[^}]*operation=\"POST /v2/firewalls\"[^}]*"
                        + "status=\"200\"")
                .contains("portal_civo_limiter_wait_seconds_count")
                .containsPattern("portal_verification_outcomes_total\\{[^}]*outcome=\"pass\"[^}]*"
                        + "trigger=\"after_provisioning\"")
                .contains("portal_audit_append_seconds_count")
                .contains("portal_outbox_backlog")
                .contains("portal_outbox_oldest_age_seconds")
                .contains("application=\"ilb-portal\"");
        assertThat(scrapeUntil(adam, "portal_proof_status{"))
                .containsPattern("portal_proof_status\\{[^}]*region=\"LON1\"[^}]*status=\"[a-z]+\"[^}]*team=\"payments\"[^}]*} [1-9]");
    }

    /** Proof statuses are counted every few seconds, not on each scrape: scrape until they appear (at most 30 s). */
    private String scrapeUntil(SandboxBrowserlessLogin admin, String meter) throws Exception {
        String body = "";
        for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline; Thread.sleep(500)) {
            body = admin.client().send(HttpRequest.newBuilder(portal("/actuator/prometheus"))
                    .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains(meter)) {
                return body;
            }
        }
        return body;
    }

    @Test
    void metricsAreForAdminsOnlyButProbesAreOpen() throws Exception {
        SandboxBrowserlessLogin alice = new SandboxBrowserlessLogin(portal(""));
        alice.signIn("alice");
        SandboxBrowserlessLogin nobody = new SandboxBrowserlessLogin(portal(""));

        assertThat(alice.get(portal("/actuator/prometheus")).statusCode()).isEqualTo(403);
        assertThat(nobody.get(portal("/actuator/prometheus")).statusCode()).isEqualTo(302);
        HttpClient probe = HttpClient.newHttpClient();
        HttpResponse<String> liveness = probe.send(HttpRequest.newBuilder(portal("/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> readiness = probe.send(HttpRequest.newBuilder(portal("/actuator/health/readiness"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }
}
