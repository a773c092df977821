package dev.ilbportal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.ProvisioningHarness;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.KubernetesTargets;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.support.PortalApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** The Kubernetes target's own check, against the sandbox's cluster API over HTTP. */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class KubernetesVerificationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    Verifier verifier;
    @Autowired
    KubernetesTargets kubernetesTargets;

    InternalLoadBalancer provisionedService(String service) {
        return provisionedService(service, AdvancedSettings.defaults());
    }

    InternalLoadBalancer provisionedService(String service, AdvancedSettings advanced) {
        ProvisioningHarness harness = new ProvisioningHarness(context);
        return harness.provisioned(ApprovedRequestFixture.serviceSpec(harness.requests().prodCluster(), "payments",
                service, advanced));
    }

    @Test
    void serviceShowingTheLoadBalancersIpPassesItsCheck() {
        InternalLoadBalancer lb = provisionedService(ApprovedRequestFixture.uniqueName("shown"));

        VerificationRun run = verifier.verify(lb, Trigger.ON_DEMAND, "alice");

        assertThat(run.checks()).filteredOn(check -> check.check() == CheckName.SERVICE_SHOWS_LOAD_BALANCER_IP)
                .singleElement().satisfies(check -> {
                    assertThat(check.outcome()).as(check.detail()).isEqualTo(Outcome.PASS);
                    assertThat(check.detail()).isEqualTo("Service shows " + lb.publicIp());
                });
        assertThat(run.checks()).filteredOn(check -> check.check() == CheckName.APPROVED_FIREWALL)
                .allSatisfy(check -> assertThat(check.outcome()).isEqualTo(Outcome.PASS));
    }

    @Test
    void serviceWithProxyProtocolShowingOnlyTheHostnamePassesItsCheck() {
        AdvancedSettings proxy = new AdvancedSettings("None", null, "send-proxy-v2", 10000, "60s", "60s");
        InternalLoadBalancer lb = provisionedService(ApprovedRequestFixture.uniqueName("proxied"), proxy);

        VerificationRun run = verifier.verify(lb, Trigger.ON_DEMAND, "alice");

        assertThat(run.checks()).filteredOn(check -> check.check() == CheckName.SERVICE_SHOWS_LOAD_BALANCER_IP)
                .singleElement().satisfies(check -> {
                    assertThat(check.outcome()).as(check.detail()).isEqualTo(Outcome.PASS);
                    assertThat(check.detail()).isEqualTo("Service shows " + lb.civoId() + ".lb.civo.com");
                });
    }

    @Test
    void otherTargetsHaveNoServiceCheck() {
        ProvisioningHarness harness = new ProvisioningHarness(context);
        InternalLoadBalancer lb = harness.provisioned(harness.requests().spec(ApprovedRequestFixture.uniqueName("plain"),
                FirewallChoice.create("")));

        assertThat(kubernetesTargets.serviceOf(lb)).isEmpty();
    }
}
