package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.internal.Decommissioning;
import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.provisioning.internal.JobStatus;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.kubernetes.AppliedService;
import dev.ilbportal.kubernetes.CcmAnnotations;
import dev.ilbportal.kubernetes.KubernetesServices;
import dev.ilbportal.kubernetes.ServiceManifest;
import dev.ilbportal.kubernetes.ServicePort;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.support.PortalApplicationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Provisioning a Kubernetes Service target against the sandbox's cluster, its API and its CCM, over HTTP. */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class KubernetesProvisioningTests {

    @Autowired
    LoadBalancerRequests requests;
    @Autowired
    RequestWorkflow workflow;
    @Autowired
    CivoClient civo;
    @Autowired
    ApplicationContext context;
    @Autowired
    Inventory inventory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Decommissioning decommissioning;

    ProvisioningHarness harness;
    ApprovedRequestFixture fixture;
    KubernetesCluster cluster;

    @BeforeEach
    void setUp() {
        harness = new ProvisioningHarness(context);
        fixture = harness.requests();
        cluster = civo.listKubernetesClusters("LON1").stream().filter(c -> "prod-cluster".equals(c.name()))
                .findFirst().orElseThrow();
    }

    LoadBalancerSpec spec(String service) {
        return new LoadBalancerSpec("LON1", cluster.networkId(), service, "round_robin", FirewallChoice.create(""),
                BackendTarget.kubernetesService(cluster.id(), cluster.name(), "payments", Map.of("app", service)),
                List.of(new PortMapping("TCP", 443, 8443, null, null)), AdvancedSettings.defaults(), "test");
    }

    @Test
    void approvedServiceTargetEndsWithTheCcmsLoadBalancerOnTheApprovedFirewallInTheInventory() {
        String service = ApprovedRequestFixture.uniqueName("ledger");
        UUID requestId = fixture.approve(spec(service));

        ProvisioningJob job = harness.runUntilFinished(requestId);

        assertThat(job.status()).as(job.failureReason()).isEqualTo(JobStatus.SUCCEEDED);
        LoadBalancer lb = civo.getLoadBalancer("LON1", job.loadBalancerId());
        assertThat(lb.name()).isEqualTo("prod-cluster-payments-" + service);
        assertThat(lb.clusterId()).isEqualTo(cluster.id());
        assertThat(lb.firewallId()).isEqualTo(job.firewallId());
        assertThat(civo.listFirewallRules("LON1", job.firewallId())).isEmpty();
        AppliedService applied = KubernetesServices.of(cluster.kubeconfig()).get("payments", service).orElseThrow();
        assertThat(applied.loadBalancerIp()).contains(lb.publicIp());
        assertThat(applied.firewallId()).contains(job.firewallId());
        InternalLoadBalancer entry = inventory.findByRequestId(requestId).orElseThrow();
        assertThat(entry.publicIp()).isEqualTo(lb.publicIp());
        assertThat(jdbc.queryForList("select step from provisioning_step_log where job_id = ? and outcome = 'DONE' "
                + "order by id", String.class, job.id())).containsExactly("ENSURE_FIREWALL", "CHECK_FIREWALL_RULES",
                "ENSURE_LOAD_BALANCER", "WAIT_UNTIL_AVAILABLE", "RECORD_INVENTORY");
    }

    @Test
    void serviceWithProxyProtocolThatShowsOnlyTheHostnameIsProvisioned() {
        String service = ApprovedRequestFixture.uniqueName("proxied");
        LoadBalancerSpec plain = spec(service);
        UUID requestId = fixture.approve(new LoadBalancerSpec(plain.region(), plain.networkId(), plain.name(),
                plain.algorithm(), plain.firewall(), plain.target(), plain.ports(),
                new AdvancedSettings("None", null, "send-proxy", 10000, "60s", "60s"), plain.justification()));

        ProvisioningJob job = harness.runUntilFinished(requestId);

        assertThat(job.status()).as(job.failureReason()).isEqualTo(JobStatus.SUCCEEDED);
        AppliedService applied = KubernetesServices.of(cluster.kubeconfig()).get("payments", service).orElseThrow();
        assertThat(applied.loadBalancerIp()).as("the CCM gives no IP with proxy protocol").isEmpty();
        assertThat(applied.ingressHostname()).isEqualTo(job.loadBalancerId() + ".lb.civo.com");
        assertThat(jdbc.queryForObject("select detail from provisioning_step_log where job_id = ? and step = "
                + "'WAIT_UNTIL_AVAILABLE' and outcome = 'DONE'", String.class, job.id()))
                .startsWith("Service shows " + job.loadBalancerId() + ".lb.civo.com");
        assertThat(inventory.findByRequestId(requestId).orElseThrow().publicIp()).isNotBlank();
    }

    @Test
    void serviceThePortalDidNotCreateIsAConflictNeverAdopted() {
        String service = ApprovedRequestFixture.uniqueName("foreign");
        String someFirewall = civo.createFirewall(dev.ilbportal.civo.model.FirewallCreateRequest.withoutRules(
                service + "-theirs", "LON1", cluster.networkId())).id();
        KubernetesServices.of(cluster.kubeconfig()).create(ServiceManifest.of(cluster.id(), "payments", service,
                Map.of("app", service), List.of(ServicePort.tcp(null, 443, 8443)),
                CcmAnnotations.firewallOnly(someFirewall)));
        UUID requestId = fixture.approve(spec(service));

        ProvisioningJob job = harness.runUntilFinished(requestId);

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.failureCode()).isEqualTo("portal_name_conflict");
        assertThat(job.failureReason()).contains("Service payments/" + service);
    }

    @Test
    void decommissioningDeletesTheServiceSoTheCcmDeletesItsLoadBalancerThenTheFirewall() {
        String service = ApprovedRequestFixture.uniqueName("retired");
        UUID provisionRequest = fixture.approve(spec(service));
        ProvisioningJob built = harness.runUntilFinished(provisionRequest);
        InternalLoadBalancer lb = inventory.findByRequestId(provisionRequest).orElseThrow();
        UUID decommissionRequest = decommissioning.request(lb.id(), "retired", ApprovedRequestFixture.ALICE);
        workflow.approve(decommissionRequest, requests.findById(decommissionRequest).orElseThrow().version(), 1,
                Decommissioning.planFor(lb).hash(), ApprovedRequestFixture.APRIL);

        ProvisioningJob job = harness.runUntilFinished(decommissionRequest);

        assertThat(job.status()).as(job.failureReason()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(KubernetesServices.of(cluster.kubeconfig()).get("payments", service)).isEmpty();
        assertThat(civo.listLoadBalancers("LON1")).extracting(LoadBalancer::id).doesNotContain(built.loadBalancerId());
        assertThat(civo.findFirewall("LON1", built.firewallId())).isEmpty();
        assertThat(jdbc.queryForObject("select detail from provisioning_step_log where job_id = ? and step = "
                + "'DELETE_LOAD_BALANCER' and outcome = 'DONE'", String.class, job.id()))
                .startsWith("Deleted Service payments/" + service);
    }
}
