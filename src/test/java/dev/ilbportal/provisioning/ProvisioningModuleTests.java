package dev.ilbportal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.provisioning.ProvisioningEvents.DecommissionRequested;
import dev.ilbportal.provisioning.ProvisioningEvents.LoadBalancerDecommissioned;
import dev.ilbportal.provisioning.ProvisioningEvents.LoadBalancerProvisioned;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningStarted;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningStepCompleted;
import dev.ilbportal.provisioning.internal.Decommissioning;
import dev.ilbportal.requests.Decommissions;
import dev.ilbportal.requests.Decommissions.DecommissionAsk;
import dev.ilbportal.requests.RequestEvents.RequestApproved;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The provisioning module on its own: an approval announced by requests, in; a load balancer built on Civo, its
 * inventory entry and provisioning's events, out; and back again for a decommission.
 *
 * <p>Besides provisioning, the context holds the {@code civo} module (the real HTTP client: the calls to Civo are
 * the heart of provisioning's flow, so standing the client in would test nothing) and the {@code sandbox} module,
 * which serves Civo's API over HTTP on a free port. Both come as {@code extraIncludes} of a standalone bootstrap
 * rather than as {@code DIRECT_DEPENDENCIES}: that mode would also bring requests, identity and web with their own
 * needs (sign-in, the wizard's look-ups), none of which provisioning's flow touches.
 *
 * <p>Stood in for, because they lie outside provisioning's flow ({@link ProvisioningWithoutRequests}): requests'
 * published API ({@link AnnouncedApprovals} makes its look-up answer with the approved request and the plan requests'
 * own plan builder writes; {@link Decommissions} files the decommission ask), the Kubernetes client and the clock.
 * The provisioning worker runs on the test's thread, so {@link Scenario} sees the events it publishes.
 */
@ApplicationModuleTest(extraIncludes = { "civo", "sandbox" })
@ProvisioningWithoutRequests
class ProvisioningModuleTests {

    /** The stand-in of requests' API that files decommission requests. */
    @Autowired
    Decommissions decommissions;

    @Autowired
    CivoClient civo;

    @Autowired
    Decommissioning decommissioning;

    @Autowired
    InventoryVerificationState inventory;

    private final AnnouncedApprovals approvals;

    @Autowired
    ProvisioningModuleTests(ApplicationContext context) {
        this.approvals = new AnnouncedApprovals(context);
    }

    @Test
    void anApprovedRequestBecomesAnAvailableInternalLoadBalancerInTheInventory(Scenario scenario) {
        String name = ApprovedRequestFixture.uniqueName("module-orders");
        UUID requestId = UUID.randomUUID();
        RequestApproved approved = approvals.provisioning(requestId, name);

        scenario.stimulate(approvals.announcedAndRun(approved))
                .andWaitForStateChange(() -> approvals.builtFor(requestId))
                .andVerifyEvents(events -> {
                    InternalLoadBalancer entry = approvals.builtFor(requestId).orElseThrow();
                    assertThat(entry.status()).isEqualTo(InternalLoadBalancer.Status.ACTIVE);
                    assertThat(entry.name()).isEqualTo(name);
                    assertThat(entry.team()).isEqualTo("payments");
                    assertThat(entry.privateIp()).startsWith("10.20.0.");
                    assertThat(entry.firewallCreated()).isTrue();
                    assertThat(civo.getLoadBalancer("LON1", entry.civoId()).state()).isEqualTo("available");
                    assertThat(civo.getLoadBalancer("LON1", entry.civoId()).firewallId()).isEqualTo(entry.firewallId());
                    assertThat(civo.listFirewallRules("LON1", entry.firewallId())).isEmpty();

                    assertThat(events).contains(ProvisioningStarted.class)
                            .matching(ProvisioningStarted::requestId, requestId)
                            .matching(ProvisioningStarted::region, "LON1");
                    assertThat(events.ofType(ProvisioningStepCompleted.class)
                            .matching(ProvisioningStepCompleted::requestId, requestId::equals))
                            .extracting(step -> step.step().name())
                            .containsExactly("ENSURE_FIREWALL", "CHECK_FIREWALL_RULES", "ENSURE_LOAD_BALANCER",
                                    "WAIT_UNTIL_AVAILABLE");
                    assertThat(events).contains(LoadBalancerProvisioned.class)
                            .matching(LoadBalancerProvisioned::requestId, requestId)
                            .matching(LoadBalancerProvisioned::loadBalancerId, entry.id())
                            .matching(LoadBalancerProvisioned::civoId, entry.civoId())
                            .matching(LoadBalancerProvisioned::privateIp, entry.privateIp());
                });
    }

    @Test
    void anApprovedDecommissionRemovesTheLoadBalancerFromCivoAndTheInventorySaysDecommissioned(Scenario scenario) {
        InternalLoadBalancer built = approvals.provisioned(ApprovedRequestFixture.uniqueName("module-gone"));
        UUID decommissionId = UUID.randomUUID();
        AtomicReference<DecommissionAsk> asked = new AtomicReference<>();
        given(decommissions.ask(any())).willAnswer(invocation -> {
            asked.set(invocation.getArgument(0));
            return decommissionId;
        });

        scenario.stimulate(() -> decommissioning.request(built.id(), "The orders service moved away",
                        AnnouncedApprovals.REQUESTER))
                .andWaitForEventOfType(DecommissionRequested.class)
                .matchingMappedValue(DecommissionRequested::loadBalancerId, built.id())
                .toArriveAndVerify((event, id) -> {
                    assertThat(id).isEqualTo(decommissionId);
                    assertThat(event.requestId()).isEqualTo(decommissionId);
                    assertThat(asked.get().plan().hash()).isEqualTo(DecommissioningPlans.hashOf(built));
                });

        RequestApproved approved = approvals.decommission(decommissionId, asked.get());
        scenario.stimulate(approvals.announcedAndRun(approved))
                .andWaitForEventOfType(LoadBalancerDecommissioned.class)
                .matchingMappedValue(LoadBalancerDecommissioned::loadBalancerId, built.id())
                .toArriveAndVerify(event -> {
                    assertThat(event.requestId()).isEqualTo(decommissionId);
                    assertThat(event.civoId()).isEqualTo(built.civoId());
                    assertThat(event.deletedFirewallId()).isEqualTo(built.firewallId());
                    InternalLoadBalancer entry = inventory.find(built.id()).orElseThrow();
                    assertThat(entry.status()).isEqualTo(InternalLoadBalancer.Status.DECOMMISSIONED);
                    assertThat(inventory.verifiable()).extracting(InternalLoadBalancer::id).doesNotContain(built.id());
                    assertThat(civo.listLoadBalancers("LON1")).extracting(lb -> lb.id())
                            .doesNotContain(built.civoId());
                    assertThat(civo.listFirewalls("LON1")).extracting(firewall -> firewall.id())
                            .doesNotContain(built.firewallId());
                });
    }
}
