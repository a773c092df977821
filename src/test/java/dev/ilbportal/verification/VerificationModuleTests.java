package dev.ilbportal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.provisioning.AnnouncedApprovals;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryVerificationState;
import dev.ilbportal.provisioning.ProvisioningWithoutRequests;
import dev.ilbportal.provisioning.ProvisioningEvents.LoadBalancerProvisioned;
import dev.ilbportal.requests.RequestEvents.RequestApproved;
import dev.ilbportal.shared.Actor;
import dev.ilbportal.support.Poll;
import dev.ilbportal.verification.VerificationEvents.ProofStatusChanged;
import dev.ilbportal.verification.VerificationEvents.VerificationCompleted;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The verification module on its own: a load balancer provisioning announces, in; real connections from the
 * sandbox's inside and outside vantage points, Civo's side read over HTTP, and verification's events, out.
 *
 * <p>Besides verification, the context holds the {@code civo} module (the real HTTP client: reading Civo's side is
 * half of every check), the {@code sandbox} module (Civo's API on a free port, and the vantage points whose probes
 * open real TCP connections to the simulated load balancers) and {@code provisioning}, whose inventory verification
 * reads and writes its verdicts to ({@link InventoryVerificationState}), and which builds the load balancer under
 * test through its own flow. They come as {@code extraIncludes} of a standalone bootstrap rather than as
 * {@code DIRECT_DEPENDENCIES}, which would also bring identity and web (sign-in, pages) and still not requests.
 *
 * <p>Stood in for, because they lie outside verification's flow ({@link ProvisioningWithoutRequests}): requests'
 * published API (provisioning's beans need it; {@link AnnouncedApprovals} makes its look-up answer for the approvals
 * here, as requests would), the Kubernetes client (these load balancers sit in front of instances) and the clock.
 * Schedules are out of the way: the tests run provisioning's worker, "Verify now" and the watch on their own thread,
 * scoped to their own load balancer, so {@link Scenario} sees the events and the inventory's other rows (every test
 * context shares the database) are left alone.
 */
@ApplicationModuleTest(extraIncludes = { "civo", "sandbox", "provisioning" })
@ProvisioningWithoutRequests
class VerificationModuleTests {

    private static final Actor SOMEONE = new Actor("module-requester", "Module Requester", Set.of("REQUESTER"));

    @Autowired
    Verifier verifier;

    @Autowired
    InventoryVerificationState inventory;

    @Autowired
    CivoClient civo;

    private final AnnouncedApprovals approvals;

    @Autowired
    VerificationModuleTests(ApplicationContext context) {
        this.approvals = new AnnouncedApprovals(context);
    }

    @Test
    void aLoadBalancerProvisioningAnnouncesIsProvenInternalRightAway(Scenario scenario) {
        String name = ApprovedRequestFixture.uniqueName("module-proof");
        RequestApproved approved = approvals.provisioning(UUID.randomUUID(), name);

        scenario.stimulate(approvals.announcedAndRun(approved))
                .andWaitForStateChange(() -> approvals.builtFor(approved.requestId())
                        .filter(lb -> ProofStatus.PROVEN.name().equals(lb.proofStatus())))
                .andVerifyEvents(events -> {
                    InternalLoadBalancer lb = approvals.builtFor(approved.requestId()).orElseThrow();
                    assertThat(events).contains(LoadBalancerProvisioned.class)
                            .matching(LoadBalancerProvisioned::loadBalancerId, lb.id());
                    assertThat(events).contains(VerificationCompleted.class)
                            .matching(VerificationCompleted::loadBalancerId, lb.id())
                            .matching(VerificationCompleted::trigger, Trigger.AFTER_PROVISIONING)
                            .matching(VerificationCompleted::outcome, Outcome.PASS);
                    assertThat(events).contains(ProofStatusChanged.class)
                            .matching(ProofStatusChanged::loadBalancerId, lb.id())
                            .matching(ProofStatusChanged::from, ProofStatus.UNPROVEN)
                            .matching(ProofStatusChanged::to, ProofStatus.PROVEN);
                    assertThat(lb.lastVerification()).isEqualTo(Outcome.PASS.name());
                });
    }

    @Test
    void verifyNowOfAProvenLoadBalancerIsAPassingRunInTheRequestersNameThatLeavesItsProofAlone(Scenario scenario) {
        InternalLoadBalancer lb = provenLoadBalancer("module-again");

        scenario.stimulate(() -> verifier.verifyFor(lb, Trigger.ON_DEMAND, SOMEONE))
                .andWaitForEventOfType(VerificationCompleted.class)
                .matchingMappedValue(VerificationCompleted::loadBalancerId, lb.id())
                .matchingMappedValue(VerificationCompleted::trigger, Trigger.ON_DEMAND)
                .toArriveAndVerify((event, run) -> {
                    assertThat(event.outcome()).isEqualTo(Outcome.PASS);
                    assertThat(event.actor().subject()).isEqualTo(SOMEONE.subject());
                    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
                    assertThat(inventory.find(lb.id()).orElseThrow().proofStatus())
                            .isEqualTo(ProofStatus.PROVEN.name());
                });
    }

    @Test
    void anIngressRuleOpenedOnItsFirewallMakesTheWatchReportItExposed(Scenario scenario) {
        InternalLoadBalancer lb = provenLoadBalancer("module-drift");
        civo.createFirewallRule(lb.firewallId(), new FirewallRuleCreateRequest(lb.firewallId(), lb.region(), "tcp",
                "443", "443", null, List.of("0.0.0.0/0"), "ingress", "allow", "opened by hand"));

        scenario.stimulate(() -> {
                    List<InternalLoadBalancer> justThisOne = List.of(inventory.find(lb.id()).orElseThrow());
                    return verifier.watch(justThisOne, verifier.snapshotsOf(justThisOne));
                })
                .andWaitForEventOfType(ProofStatusChanged.class)
                .matchingMappedValue(ProofStatusChanged::loadBalancerId, lb.id())
                .matchingMappedValue(ProofStatusChanged::to, ProofStatus.EXPOSED)
                .toArriveAndVerify((event, newlyExposed) -> {
                    assertThat(newlyExposed).isEqualTo(1);
                    assertThat(event.from()).isEqualTo(ProofStatus.PROVEN);
                    assertThat(event.drifted()).isTrue();
                    assertThat(inventory.find(lb.id()).orElseThrow().proofStatus())
                            .isEqualTo(ProofStatus.EXPOSED.name());
                });
    }

    /**
     * Built through provisioning's flow, after the run that follows provisioning proved it. The scenario of the
     * calling test sees that run's events too (same thread), so the tests pick theirs out by trigger or status.
     */
    private InternalLoadBalancer provenLoadBalancer(String prefix) {
        InternalLoadBalancer built = approvals.provisioned(ApprovedRequestFixture.uniqueName(prefix));
        Poll.until("the run after provisioning of " + built.name(), Duration.ofSeconds(10),
                () -> ProofStatus.PROVEN.name().equals(inventory.find(built.id()).orElseThrow().proofStatus()));
        return inventory.find(built.id()).orElseThrow();
    }
}
