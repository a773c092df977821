package dev.ilbportal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryVerificationState;
import dev.ilbportal.provisioning.KubernetesTargets;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import dev.ilbportal.provisioning.internal.ProvisioningWorker;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.verification.internal.LoadBalancerChecks;
import dev.ilbportal.verification.internal.RegionSnapshot;
import dev.ilbportal.verification.internal.Round;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.test.context.TestPropertySource;

/**
 * What is probed is the address Civo lists now. Civo can list a load balancer without an address (still being built,
 * or a Kubernetes one behind proxy protocol): the portal probing from its own process must then record the probes as
 * inconclusive with the reason, not fail the whole run on a null address. A round starts its outside probes at the
 * address the inventory recorded, before Civo's list arrives: when the list shows another, that one is probed.
 */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class MissingAddressVerificationTests {

    @Autowired
    LoadBalancerRequests requests;
    @Autowired
    RequestWorkflow workflow;
    @Autowired
    CivoClient civo;
    @Autowired
    ProvisioningWorker worker;
    @Autowired
    ProvisioningJobs jobs;
    @Autowired
    InventoryVerificationState inventory;
    @Autowired
    VerificationProperties properties;
    @Autowired
    KubernetesTargets kubernetesTargets;

    /** What {@code portal.verification.local-side} configures: connections from the portal's own process. */
    record OwnProcess(Side side) implements Vantage {
        @Override
        public String name() {
            return "portal-" + side.name().toLowerCase();
        }

        @Override
        public Probe probe(String networkId, String ip, int port, boolean http, Duration timeout) {
            return TcpProbe.connect(new InetSocketAddress(ip, port), ip, http, timeout);
        }
    }

    private InternalLoadBalancer provisioned() {
        ApprovedRequestFixture fixture = new ApprovedRequestFixture(requests, workflow, civo);
        UUID requestId = fixture.approve(fixture.spec(ApprovedRequestFixture.uniqueName("no-ip"),
                FirewallChoice.create("")));
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline
                && !jobs.findByRequestId(requestId).orElseThrow().status().isFinished()) {
            worker.runNextDueJob();
        }
        return inventory.verifiable().stream().filter(l -> l.requestId().equals(requestId)).findFirst()
                .orElseThrow();
    }

    @Test
    void aLoadBalancerListedWithoutAddressesIsInconclusiveWithTheReasonWhenProbedFromThePortal() {
        InternalLoadBalancer lb = provisioned();
        RegionSnapshot read = RegionSnapshot.read(civo, lb.region());
        LoadBalancer live = read.loadBalancer(lb.civoId()).orElseThrow();
        RegionSnapshot snapshot = withListed(read, withAddresses(live, null, null));
        LoadBalancerChecks checks = checksWithOutside(new OwnProcess(Side.OUTSIDE));

        List<CheckResult> results = checks.run(lb, snapshot, passedControl(), Optional.empty());

        assertThat(results).filteredOn(check -> check.check() == CheckName.INSIDE_REACHABLE).singleElement()
                .satisfies(check -> {
                    assertThat(check.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
                    assertThat(check.detail()).isEqualTo("Civo lists the load balancer without a private IP; "
                            + "there was nothing to probe");
                });
        assertThat(results).filteredOn(check -> check.check() == CheckName.OUTSIDE_UNREACHABLE).singleElement()
                .satisfies(check -> assertThat(check.outcome()).isEqualTo(Outcome.INCONCLUSIVE));
        assertThat(results).filteredOn(check -> check.check() == CheckName.AVAILABLE).singleElement()
                .satisfies(check -> assertThat(check.outcome()).isEqualTo(Outcome.FAIL));
    }

    /** An outside vantage point that remembers where it was sent and finds every port closed. */
    record RecordingOutside(List<String> probed) implements Vantage {
        @Override
        public String name() {
            return "recording-outside";
        }

        @Override
        public Side side() {
            return Side.OUTSIDE;
        }

        @Override
        public Probe probe(String networkId, String ip, int port, boolean http, Duration timeout) {
            probed.add(ip + ":" + port);
            return new Probe(Probe.Reach.REFUSED, "Connection refused", null);
        }
    }

    @Test
    void outsideProbesStartedAtTheRecordedAddressAreRepeatedAtTheAddressCivoListsWhenItChanged() {
        InternalLoadBalancer lb = provisioned();
        RegionSnapshot read = RegionSnapshot.read(civo, lb.region());
        LoadBalancer live = read.loadBalancer(lb.civoId()).orElseThrow();
        RegionSnapshot moved = withListed(read, withAddresses(live, "198.51.100.77", live.privateIp()));
        List<String> probed = new java.util.concurrent.CopyOnWriteArrayList<>();
        LoadBalancerChecks checks = checksWithOutside(new RecordingOutside(probed));
        Round round = passedControl();
        int port = lb.listeningPorts().getFirst().port();

        LoadBalancerChecks.OutsideProbes early = checks.startOutsideProbes(lb, lb.publicIp(), round);
        List<CheckResult> results = checks.probes(lb, moved, round, Optional.empty(), early);

        assertThat(results).filteredOn(check -> check.check() == CheckName.OUTSIDE_UNREACHABLE).first()
                .satisfies(check -> {
                    assertThat(check.target()).isEqualTo("198.51.100.77:" + port);
                    assertThat(check.outcome()).isEqualTo(Outcome.PASS);
                });
        assertThat(probed).contains(lb.publicIp() + ":" + port, "198.51.100.77:" + port);
    }

    @Test
    void outsideProbesStartedAtTheRecordedAddressCountWhenCivoListsTheSameOne() {
        InternalLoadBalancer lb = provisioned();
        RegionSnapshot read = RegionSnapshot.read(civo, lb.region());
        List<String> probed = new java.util.concurrent.CopyOnWriteArrayList<>();
        LoadBalancerChecks checks = checksWithOutside(new RecordingOutside(probed));
        Round round = passedControl();

        LoadBalancerChecks.OutsideProbes early = checks.startOutsideProbes(lb, lb.publicIp(), round);
        List<CheckResult> results = checks.probes(lb, read, round, Optional.empty(), early);

        assertThat(read.loadBalancer(lb.civoId()).orElseThrow().publicIp()).isEqualTo(lb.publicIp());
        assertThat(results).filteredOn(check -> check.check() == CheckName.OUTSIDE_UNREACHABLE)
                .extracting(CheckResult::target)
                .containsExactlyElementsOf(lb.listeningPorts().stream().map(p -> lb.publicIp() + ":" + p.port())
                        .toList());
        assertThat(probed).hasSize(lb.listeningPorts().size());
    }

    private LoadBalancerChecks checksWithOutside(Vantage outside) {
        StaticListableBeanFactory vantages = new StaticListableBeanFactory();
        vantages.addBean("inside", new OwnProcess(Side.INSIDE));
        vantages.addBean("outside", outside);
        return new LoadBalancerChecks(civo, vantages.getBeanProvider(Vantage.class), properties, kubernetesTargets);
    }

    private static Round passedControl() {
        return new Round(new CheckResult(CheckName.OUTSIDE_CONTROL, Outcome.PASS, "control", "portal-outside",
                "TCP connect succeeded", 1));
    }

    /** The region as read, with one load balancer listed as given. */
    private static RegionSnapshot withListed(RegionSnapshot read, LoadBalancer listed) {
        Map<String, LoadBalancer> loadBalancers = new HashMap<>(read.loadBalancers());
        loadBalancers.put(listed.id(), listed);
        return new RegionSnapshot(read.region(), loadBalancers, read.firewalls(), null, read.calls(), false);
    }

    private static LoadBalancer withAddresses(LoadBalancer live, String publicIp, String privateIp) {
        return new LoadBalancer(live.id(), live.name(), live.serviceName(), live.networkId(), live.algorithm(),
                live.backends(), live.instancePools(), live.externalTrafficPolicy(), live.sessionAffinity(),
                live.sessionAffinityConfigTimeout(), live.enableProxyProtocol(), publicIp, privateIp,
                live.firewallId(), live.clusterId(), live.state(), live.reservedIpId(), live.reservedIpName(),
                live.reservedIp(), live.maxConcurrentRequests(), live.options());
    }
}
