package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.provisioning.internal.JobStatus;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.kubernetes.KubernetesServices;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Where the portal is configured not to reach cluster APIs: the team downloads the manifest and applies it, and the
 * portal adopts the load balancer Civo's controller builds, only if it carries the approved firewall.
 */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties",
        properties = "portal.provisioning.kubernetes-apply=false")
class KubernetesManualApplyTests {

    @LocalServerPort
    int port;
    @Autowired
    CivoClient civo;
    @Autowired
    ApplicationContext context;
    @Autowired
    Inventory inventory;

    KubernetesCluster cluster;
    ProvisioningHarness harness;

    @BeforeEach
    void findCluster() {
        harness = new ProvisioningHarness(context);
        cluster = civo.listKubernetesClusters("LON1").stream().filter(c -> "prod-cluster".equals(c.name()))
                .findFirst().orElseThrow();
    }

    private UUID approve(String service) {
        LoadBalancerSpec spec = new LoadBalancerSpec("LON1", cluster.networkId(), service, "round_robin",
                FirewallChoice.create(""),
                BackendTarget.kubernetesService(cluster.id(), cluster.name(), "manual", Map.of("app", service)),
                List.of(new PortMapping("TCP", 443, 8443, null, null)), AdvancedSettings.defaults(), "test");
        return harness.approve(spec);
    }

    @Test
    void teamDownloadsTheManifestAppliesItAndThePortalAdoptsTheLoadBalancer() throws Exception {
        String service = "manual-" + UUID.randomUUID().toString().substring(0, 6);
        UUID requestId = approve(service);
        ProvisioningJob waiting = harness.runWhile(requestId, job -> job.step() != ProvisioningStep.WAIT_UNTIL_AVAILABLE);
        ProvisioningJob stillWaiting = harness.runWhile(requestId, job -> job.step() == ProvisioningStep.WAIT_UNTIL_AVAILABLE
                && job.updatedAt().equals(waiting.updatedAt()));
        assertThat(stillWaiting.status()).isEqualTo(JobStatus.PENDING);

        SandboxBrowserlessLogin alice = new SandboxBrowserlessLogin(URI.create("http://localhost:" + port));
        alice.signIn("alice");
        HttpResponse<String> manifest = alice.get(URI.create("http://localhost:" + port + "/provisioning/requests/"
                + requestId + "/manifest.yaml"));
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.body()).contains("kubernetes.civo.com/firewall-id: \"" + waiting.firewallId() + "\"");
        assertThat(alice.get(URI.create("http://localhost:" + port + "/provisioning/requests/" + requestId)).body())
                .contains("data-test=\"manifest-download\"");
        SandboxBrowserlessLogin sam = new SandboxBrowserlessLogin(URI.create("http://localhost:" + port));
        sam.signIn("sam");
        assertThat(sam.get(URI.create("http://localhost:" + port + "/provisioning/requests/" + requestId
                + "/manifest.yaml")).statusCode()).isEqualTo(404);

        // What the team does with kubectl, here through the sandbox cluster's API.
        KubernetesServices.of(cluster.kubeconfig()).create(waiting.plan().serviceManifest(waiting.firewallId()));
        ProvisioningJob done = harness.runWhile(requestId, job -> !job.status().isFinished());

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(inventory.findByRequestId(requestId)).get()
                .satisfies(lb -> assertThat(lb.firewallId()).isEqualTo(waiting.firewallId()));
    }

    @Test
    void serviceAppliedWithAnotherFirewallIsNeverAdopted() {
        String service = "rogue-" + UUID.randomUUID().toString().substring(0, 6);
        UUID requestId = approve(service);
        ProvisioningJob waiting = harness.runWhile(requestId, job -> job.step() != ProvisioningStep.WAIT_UNTIL_AVAILABLE);
        String otherFirewall = civo.createFirewall(FirewallCreateRequest.withoutRules(service + "-other", "LON1",
                cluster.networkId())).id();

        KubernetesServices.of(cluster.kubeconfig()).create(waiting.plan().serviceManifest(otherFirewall));
        ProvisioningJob failed = harness.runWhile(requestId, job -> !job.status().isFinished());

        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("load_balancer_wrong_firewall");
        assertThat(inventory.findByRequestId(requestId)).isEmpty();
    }
}
