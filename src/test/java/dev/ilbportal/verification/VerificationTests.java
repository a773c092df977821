package dev.ilbportal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryVerificationState;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import dev.ilbportal.provisioning.internal.ProvisioningWorker;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.sandbox.civo.Fault;
import dev.ilbportal.sandbox.civo.SandboxFaults;
import dev.ilbportal.support.PortalApplicationTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Every check against the sandbox's real sockets, drift and recovery, and the once-per-cluster schedule. */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class VerificationTests {

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
    Verifier verifier;
    @Autowired
    VerificationSchedule schedule;
    @Autowired
    SandboxFaults faults;
    @Autowired
    VerificationProperties properties;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    dev.ilbportal.provisioning.KubernetesTargets kubernetesTargets;

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    private InternalLoadBalancer provisioned() {
        ApprovedRequestFixture fixture = new ApprovedRequestFixture(requests, workflow, civo);
        UUID requestId = fixture.approve(fixture.spec(ApprovedRequestFixture.uniqueName("verified"),
                FirewallChoice.create("")));
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (jobs.findByRequestId(requestId).orElseThrow().status().isFinished()) {
                break;
            }
            worker.runNextDueJob();
        }
        return inventory.verifiable().stream().filter(lb -> lb.requestId().equals(requestId)).findFirst()
                .orElseThrow();
    }

    private InternalLoadBalancer reload(InternalLoadBalancer lb) {
        return inventory.find(lb.id()).orElseThrow();
    }

    private static List<CheckResult> of(VerificationRuns.Run run, CheckName name) {
        return run.checks().stream().filter(check -> check.check() == name).toList();
    }

    @Test
    void internalLoadBalancerPassesEveryCheckWithRealConnections() {
        InternalLoadBalancer lb = provisioned();

        VerificationRuns.Run run = verifier.verify(lb, Trigger.ON_DEMAND, "alice");

        assertThat(run.outcome()).isEqualTo(Outcome.PASS);
        assertThat(run.checks()).extracting(CheckResult::check).contains(CheckName.AVAILABLE,
                CheckName.APPROVED_FIREWALL, CheckName.NO_INGRESS_RULES, CheckName.INSIDE_REACHABLE,
                CheckName.OUTSIDE_UNREACHABLE);
        assertThat(of(run, CheckName.INSIDE_REACHABLE)).singleElement().satisfies(check -> {
            assertThat(check.target()).isEqualTo(lb.privateIp() + ":443");
            assertThat(check.vantage()).isEqualTo("sandbox-inside");
        });
        assertThat(of(run, CheckName.OUTSIDE_UNREACHABLE)).singleElement().satisfies(check -> {
            assertThat(check.target()).isEqualTo(lb.publicIp() + ":443");
            assertThat(check.detail()).contains("refused");
        });
        assertThat(reload(lb).lastVerification()).isEqualTo("PASS");
    }

    @Test
    void ingressRuleAddedLaterMakesItDriftAndRemovingItMakesItActiveAgain() {
        InternalLoadBalancer lb = provisioned();
        assertThat(verifier.verify(lb, Trigger.ON_DEMAND, "alice").outcome()).isEqualTo(Outcome.PASS);

        FirewallRule opened = civo.createFirewallRule(lb.firewallId(), new FirewallRuleCreateRequest(lb.firewallId(),
                "LON1", "tcp", "443", "443", null, List.of("0.0.0.0/0"), "ingress", "allow", "opened by hand"));
        VerificationRuns.Run failing = verifier.verify(reload(lb), Trigger.ON_DEMAND, "alice");

        assertThat(failing.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(of(failing, CheckName.NO_INGRESS_RULES).getFirst().detail()).contains("443").contains("0.0.0.0/0");
        assertThat(of(failing, CheckName.OUTSIDE_UNREACHABLE).getFirst().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(reload(lb).status()).isEqualTo(InternalLoadBalancer.Status.DRIFTED);

        civo.deleteFirewallRule("LON1", lb.firewallId(), opened.id());
        VerificationRuns.Run passing = verifier.verify(reload(lb), Trigger.ON_DEMAND, "alice");
        assertThat(passing.outcome()).isEqualTo(Outcome.PASS);
        assertThat(reload(lb).status()).isEqualTo(InternalLoadBalancer.Status.ACTIVE);
        assertThat(jdbc.queryForList("select action from audit_event where load_balancer_id = ? order by sequence",
                String.class, lb.id().toString())).contains("verification.drifted", "verification.recovered",
                "verification.completed");
    }

    @Test
    void deletedLoadBalancerFailsTheAvailabilityCheck() {
        InternalLoadBalancer lb = provisioned();
        civo.deleteLoadBalancer("LON1", lb.civoId());

        VerificationRuns.Run run = verifier.verify(lb, Trigger.ON_DEMAND, null);

        assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(of(run, CheckName.AVAILABLE).getFirst().detail()).contains("no longer exists");
    }

    @Test
    void civoNotAnsweringIsInconclusiveNeverAPass() {
        InternalLoadBalancer lb = provisioned();
        faults.inject(Fault.error(503, "service_unavailable", "down").on("GET", "/v2/loadbalancers/*"));

        VerificationRuns.Run run = verifier.verify(lb, Trigger.ON_DEMAND, null);

        assertThat(run.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(of(run, CheckName.AVAILABLE).getFirst().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    }

    @Test
    void withoutAVantagePointTheReachabilityChecksAreInconclusive() {
        InternalLoadBalancer lb = provisioned();
        LoadBalancerChecks blind = new LoadBalancerChecks(civo,
                new StaticListableBeanFactory().getBeanProvider(Vantage.class), properties, kubernetesTargets);

        List<CheckResult> results = blind.run(lb);

        assertThat(results).filteredOn(check -> check.check() == CheckName.INSIDE_REACHABLE
                        || check.check() == CheckName.OUTSIDE_UNREACHABLE)
                .isNotEmpty().allSatisfy(check -> assertThat(check.outcome()).isEqualTo(Outcome.INCONCLUSIVE));
        assertThat(Outcome.of(results)).isEqualTo(Outcome.INCONCLUSIVE);
    }

    @Test
    void anotherFirewallAttachedFailsTheApprovedFirewallCheck() {
        InternalLoadBalancer lb = provisioned();
        String other = civo.createFirewall(dev.ilbportal.civo.model.FirewallCreateRequest.withoutRules(
                lb.name() + "-other", "LON1", lb.networkId())).id();
        civo.updateLoadBalancer(lb.civoId(), new dev.ilbportal.civo.model.LoadBalancerUpdateRequest("LON1", null,
                null, null, other, null, null, null, null, null, null, null, null));

        VerificationRuns.Run run = verifier.verify(lb, Trigger.ON_DEMAND, null);

        assertThat(of(run, CheckName.APPROVED_FIREWALL).getFirst().outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void scheduledRoundIsClaimedByOneInstanceOnly() throws Exception {
        jdbc.update("update verification_schedule set last_run_at = null where id = 1");
        Callable<Boolean> claim = schedule::claimRound;
        try (ExecutorService twoInstances = Executors.newFixedThreadPool(2)) {
            List<Future<Boolean>> claims = twoInstances.invokeAll(List.of(claim, claim));
            long won = 0;
            for (Future<Boolean> result : claims) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        }
        assertThat(schedule.claimRound()).as("not due again within the interval").isFalse();
    }

    @Test
    void portThatNothingServesFailsFromInsideWhileStayingClosedOutside() {
        InternalLoadBalancer lb = provisioned();
        jdbc.update("update internal_load_balancer set ports = '443/TCP,4444/TCP' where id = ?", lb.id());

        VerificationRuns.Run run = verifier.verify(reload(lb), Trigger.ON_DEMAND, null);

        assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(of(run, CheckName.INSIDE_REACHABLE)).filteredOn(check -> check.target().endsWith(":4444"))
                .singleElement().satisfies(check -> assertThat(check.outcome()).isEqualTo(Outcome.FAIL));
        assertThat(of(run, CheckName.OUTSIDE_UNREACHABLE)).allSatisfy(
                check -> assertThat(check.outcome()).isEqualTo(Outcome.PASS));
    }

    @Test
    void firewallLookupsThatCivoDoesNotAnswerAreInconclusive() {
        InternalLoadBalancer lb = provisioned();
        faults.inject(Fault.error(503, "service_unavailable", "down").on("GET", "/v2/firewalls*"));

        VerificationRuns.Run run = verifier.verify(lb, Trigger.ON_DEMAND, null);

        assertThat(of(run, CheckName.APPROVED_FIREWALL).getFirst().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(of(run, CheckName.NO_INGRESS_RULES).getFirst().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(run.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    }
}
