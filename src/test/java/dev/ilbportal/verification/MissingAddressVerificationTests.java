package dev.ilbportal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.KubernetesTargets;
import dev.ilbportal.provisioning.ProvisioningHarness;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Civo can list a load balancer without an address (still being built, or a Kubernetes one behind proxy protocol).
 * The portal probing from its own process must then record the probes as inconclusive with the reason, not fail
 * the whole run on a null address.
 */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class MissingAddressVerificationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    CivoClient civo;
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
        ProvisioningHarness harness = new ProvisioningHarness(context);
        return harness.provisioned(harness.requests().spec(ApprovedRequestFixture.uniqueName("no-ip"),
                FirewallChoice.create("")));
    }

    @Test
    void aLoadBalancerListedWithoutAddressesIsInconclusiveWithTheReasonWhenProbedFromThePortal() {
        InternalLoadBalancer lb = provisioned();
        RegionSnapshot read = RegionSnapshot.read(civo, lb.region());
        LoadBalancer live = read.loadBalancer(lb.civoId()).orElseThrow();
        LoadBalancer withoutAddresses = new LoadBalancer(live.id(), live.name(), live.serviceName(),
                live.networkId(), live.algorithm(), live.backends(), live.instancePools(),
                live.externalTrafficPolicy(), live.sessionAffinity(), live.sessionAffinityConfigTimeout(),
                live.enableProxyProtocol(), null, null, live.firewallId(), live.clusterId(), live.state(),
                live.reservedIpId(), live.reservedIpName(), live.reservedIp(), live.maxConcurrentRequests(),
                live.options());
        Map<String, LoadBalancer> loadBalancers = new HashMap<>(read.loadBalancers());
        loadBalancers.put(live.id(), withoutAddresses);
        RegionSnapshot snapshot = new RegionSnapshot(read.region(), loadBalancers, read.firewalls(), null,
                read.calls(), false);
        StaticListableBeanFactory vantages = new StaticListableBeanFactory();
        vantages.addBean("inside", new OwnProcess(Side.INSIDE));
        vantages.addBean("outside", new OwnProcess(Side.OUTSIDE));
        LoadBalancerChecks checks = new LoadBalancerChecks(civo, vantages.getBeanProvider(Vantage.class),
                properties, kubernetesTargets);
        Round round = new Round(new CheckResult(CheckName.OUTSIDE_CONTROL, Outcome.PASS, "control", "portal-outside",
                "TCP connect succeeded", 1));

        List<CheckResult> results = checks.run(lb, snapshot, round, Optional.empty());

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
}
