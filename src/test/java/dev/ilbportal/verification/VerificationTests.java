package dev.ilbportal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.provisioning.ProvisioningHarness;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryVerificationState;
import dev.ilbportal.sandbox.civo.Fault;
import dev.ilbportal.sandbox.civo.SandboxFaults;
import dev.ilbportal.sandbox.civo.CivoSimulator;
import dev.ilbportal.sandbox.civo.SandboxNetwork;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.verification.internal.LoadBalancerChecks;
import dev.ilbportal.verification.internal.RegionSnapshot;
import dev.ilbportal.verification.internal.VerificationSchedule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Every check against the sandbox's real sockets, every proof status transition, the positive control, the round's
 * Civo calls, the watch, and the once-per-cluster schedule.
 */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class VerificationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    CivoClient civo;
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
    @Autowired
    SandboxNetwork network;
    @Autowired
    CivoSimulator simulator;

    @org.junit.jupiter.api.BeforeEach
    void teamAndAdminHaveSignedInOnce() {
        jdbc.update("insert into notification_person (subject, display_name, email, roles, teams, last_seen_at) "
                + "values ('alice', 'Alice', 'alice@payments.example', array['REQUESTER'], array['payments'], now()), "
                + "('adam', 'Adam', 'adam@platform.example', array['ADMIN'], array[]::text[], now()) "
                + "on conflict (subject) do nothing");
    }

    @AfterEach
    void clearFaults() {
        faults.clear();
        network.openCanary();
    }

    private InternalLoadBalancer provisioned() {
        return new ProvisioningHarness(context).provisionedAndVerified("verified");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FirewallRule openByHand(InternalLoadBalancer lb) {
        return civo.createFirewallRule(lb.firewallId(), new FirewallRuleCreateRequest(lb.firewallId(),
                "LON1", "tcp", "443", "443", null, List.of("0.0.0.0/0"), "ingress", "allow", "opened by hand"));
    }

    private ProofStatus proofOf(InternalLoadBalancer lb) {
        return ProofStatus.valueOf(reload(lb).proofStatus());
    }

    /** The proof status changes audited for this load balancer, oldest first, as "FROM>TO". */
    private List<String> proofChanges(InternalLoadBalancer lb) {
        return jdbc.queryForList("select (before_json::json ->> 'proof_status') || '>' || (after_json::json ->> 'proof_status') "
                + "from audit_event where load_balancer_id = ? and action = 'verification.proof-status-changed' "
                + "order by sequence", String.class, lb.id().toString());
    }

    private List<String> mailKindsFor(InternalLoadBalancer lb) {
        return jdbc.queryForList("select distinct kind from notification_delivery where channel = 'EMAIL' and kind in ('DRIFTED', 'STALE', 'RECOVERED') and body "
                + "like ? order by kind", String.class, "%" + lb.name() + "%");
    }

    private InternalLoadBalancer reload(InternalLoadBalancer lb) {
        return inventory.find(lb.id()).orElseThrow();
    }

    private static List<CheckResult> of(VerificationRun run, CheckName name) {
        return run.checks().stream().filter(check -> check.check() == name).toList();
    }

    @Test
    void internalLoadBalancerPassesEveryCheckWithRealConnections() {
        InternalLoadBalancer lb = provisioned();

        VerificationRun run = verifier.verify(lb, Trigger.ON_DEMAND, "alice");

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
        assertThat(proofOf(lb)).isEqualTo(ProofStatus.PROVEN);
        assertThat(of(run, CheckName.OUTSIDE_CONTROL)).singleElement().satisfies(control -> {
            assertThat(control.outcome()).isEqualTo(Outcome.PASS);
            assertThat(control.target()).isEqualTo(SandboxNetwork.CANARY_IP + ":" + SandboxNetwork.CANARY_PORT);
            assertThat(control.vantage()).isEqualTo("sandbox-outside");
        });
    }

    @Test
    void ingressRuleAddedLaterExposesItAndRemovingItProvesItAgainBothToldToTheTeam() {
        InternalLoadBalancer lb = provisioned();
        assertThat(verifier.verify(lb, Trigger.ON_DEMAND, "alice").outcome()).isEqualTo(Outcome.PASS);

        FirewallRule opened = openByHand(lb);
        VerificationRun failing = verifier.verify(reload(lb), Trigger.ON_DEMAND, "alice");

        assertThat(failing.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(of(failing, CheckName.NO_INGRESS_RULES).getFirst().detail()).contains("443").contains("0.0.0.0/0");
        assertThat(of(failing, CheckName.OUTSIDE_UNREACHABLE).getFirst().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(proofOf(lb)).isEqualTo(ProofStatus.EXPOSED);
        assertThat(reload(lb).status()).as("life-cycle apart from proof").isEqualTo(InternalLoadBalancer.Status.ACTIVE);

        civo.deleteFirewallRule("LON1", lb.firewallId(), opened.id());
        VerificationRun passing = verifier.verify(reload(lb), Trigger.ON_DEMAND, "alice");
        assertThat(passing.outcome()).isEqualTo(Outcome.PASS);
        assertThat(proofOf(lb)).isEqualTo(ProofStatus.PROVEN);
        assertThat(proofChanges(lb)).containsExactly("UNPROVEN>PROVEN", "PROVEN>EXPOSED", "EXPOSED>PROVEN");
        assertThat(mailKindsFor(lb)).containsExactly("DRIFTED", "RECOVERED");
    }

    @Test
    void firstRunThatFailsIsExposedAndAlertsAtOnce() {
        InternalLoadBalancer lb = provisioned();
        openByHand(lb);
        // As if this were the run right after provisioning: never verified, never passed.
        jdbc.update("update internal_load_balancer set proof_status = 'UNPROVEN', last_passed_at = null, "
                + "last_verification = null where id = ?", lb.id());

        assertThat(verifier.verify(reload(lb), Trigger.AFTER_PROVISIONING, null).outcome()).isEqualTo(Outcome.FAIL);

        assertThat(proofOf(lb)).isEqualTo(ProofStatus.EXPOSED);
        assertThat(proofChanges(lb)).last().isEqualTo("UNPROVEN>EXPOSED");
        assertThat(mailKindsFor(lb)).containsExactly("DRIFTED");
    }

    @Test
    void passThenInconclusiveThenFailEndsExposed() {
        InternalLoadBalancer lb = provisioned();
        assertThat(verifier.verify(lb, Trigger.ON_DEMAND, null).outcome()).isEqualTo(Outcome.PASS);

        faults.inject(Fault.error(503, "service_unavailable", "down").on("GET", "/v2/loadbalancers/*"));
        assertThat(verifier.verify(reload(lb), Trigger.ON_DEMAND, null).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(proofOf(lb)).isEqualTo(ProofStatus.UNPROVEN);
        faults.clear();

        openByHand(lb);
        assertThat(verifier.verify(reload(lb), Trigger.ON_DEMAND, null).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(proofOf(lb)).isEqualTo(ProofStatus.EXPOSED);
        assertThat(proofChanges(lb)).containsExactly("UNPROVEN>PROVEN", "PROVEN>UNPROVEN", "UNPROVEN>EXPOSED");
        assertThat(mailKindsFor(lb)).containsExactly("DRIFTED");
    }

    @Test
    void proofAgesToUnprovenAfterTheIntervalAndStaleAfterTwiceItOnceTheScheduleStops() {
        InternalLoadBalancer lb = provisioned();
        assertThat(proofOf(lb)).isEqualTo(ProofStatus.PROVEN);
        Instant now = Instant.now();

        jdbc.update("update internal_load_balancer set last_passed_at = ? where id = ?",
                java.sql.Timestamp.from(now.minus(properties.interval()).minus(1, ChronoUnit.MINUTES)), lb.id());
        verifier.ageProofs(List.of(reload(lb)));
        assertThat(proofOf(lb)).as("older than the interval: not green").isEqualTo(ProofStatus.UNPROVEN);

        jdbc.update("update internal_load_balancer set last_passed_at = ? where id = ?",
                java.sql.Timestamp.from(now.minus(properties.interval().multipliedBy(2)).minus(1, ChronoUnit.MINUTES)),
                lb.id());
        verifier.ageProofs(List.of(reload(lb)));
        assertThat(proofOf(lb)).isEqualTo(ProofStatus.STALE);
        assertThat(verifier.ageProofs(List.of(reload(lb)))).as("told once").isZero();

        assertThat(proofChanges(lb)).containsExactly("UNPROVEN>PROVEN", "PROVEN>UNPROVEN", "UNPROVEN>STALE");
        assertThat(mailKindsFor(lb)).containsExactly("STALE");

        verifier.verify(reload(lb), Trigger.ON_DEMAND, null);
        assertThat(proofOf(lb)).as("recovered").isEqualTo(ProofStatus.PROVEN);
        assertThat(mailKindsFor(lb)).containsExactly("RECOVERED", "STALE");
    }

    @Test
    void closedControlMakesEveryOutsideCheckInconclusiveWithTheReason() {
        InternalLoadBalancer lb = provisioned();
        network.closeCanary();

        VerificationRun run = verifier.verify(lb, Trigger.ON_DEMAND, null);

        assertThat(of(run, CheckName.OUTSIDE_CONTROL)).singleElement().satisfies(control -> {
            assertThat(control.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(control.detail()).contains("Could not reach the control target");
        });
        assertThat(of(run, CheckName.OUTSIDE_UNREACHABLE)).isNotEmpty().allSatisfy(check -> {
            assertThat(check.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(check.detail()).contains("control target was not reached");
        });
        assertThat(of(run, CheckName.INSIDE_REACHABLE)).allSatisfy(check -> assertThat(check.outcome())
                .isEqualTo(Outcome.PASS));
        assertThat(run.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(proofOf(lb)).isEqualTo(ProofStatus.UNPROVEN);
    }

    @Test
    void connectionFromOutsideIsExposedEvenWithoutTheControl() {
        InternalLoadBalancer lb = provisioned();
        openByHand(lb);
        network.closeCanary();

        VerificationRun run = verifier.verify(lb, Trigger.ON_DEMAND, null);

        assertThat(of(run, CheckName.OUTSIDE_UNREACHABLE).getFirst().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(proofOf(lb)).isEqualTo(ProofStatus.EXPOSED);
    }

    @Test
    void roundCostsTwoCivoCallsPerRegionHoweverManyLoadBalancers() {
        List<InternalLoadBalancer> mine = List.of(provisioned(), provisioned(), provisioned());
        long before = simulator.civoCalls();

        Verifier.RoundReport report = verifier.verifyRound(mine, Trigger.SCHEDULE);

        assertThat(simulator.civoCalls() - before).isEqualTo(2);
        assertThat(report.civoCalls()).isEqualTo(2);
        assertThat(report.regions()).isEqualTo(1);
        assertThat(report.outcomes().get(Outcome.PASS)).isEqualTo(3);
        assertThat(mine).allSatisfy(lb -> assertThat(proofOf(lb)).isEqualTo(ProofStatus.PROVEN));
    }

    @Test
    void watchFindsAnIngressRuleAddedByHandFromTheSnapshotsAlone() {
        InternalLoadBalancer lb = provisioned();
        openByHand(lb);

        VerificationSchedule.WatchReport report = schedule.watch();

        assertThat(proofOf(lb)).isEqualTo(ProofStatus.EXPOSED);
        assertThat(report.newlyExposed()).isGreaterThanOrEqualTo(1);
        assertThat(report.civoCalls()).isLessThanOrEqualTo(2 * report.regions());
        VerificationRun watched = verifier.verify(reload(lb), Trigger.ON_DEMAND, null);
        assertThat(watched.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(jdbc.queryForObject("select count(*) from verification_run where load_balancer_id = ? and "
                + "trigger = 'WATCH'", Integer.class, lb.id())).isEqualTo(1);
        assertThat(mailKindsFor(lb)).containsExactly("DRIFTED");
    }

    @Test
    void deletedLoadBalancerFailsTheAvailabilityCheck() {
        InternalLoadBalancer lb = provisioned();
        civo.deleteLoadBalancer("LON1", lb.civoId());

        VerificationRun run = verifier.verify(lb, Trigger.ON_DEMAND, null);

        assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(of(run, CheckName.AVAILABLE).getFirst().detail()).contains("no longer exists");
    }

    @Test
    void civoNotAnsweringIsInconclusiveNeverAPass() {
        InternalLoadBalancer lb = provisioned();
        faults.inject(Fault.error(503, "service_unavailable", "down").on("GET", "/v2/loadbalancers/*"));

        VerificationRun run = verifier.verify(lb, Trigger.ON_DEMAND, null);

        assertThat(run.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(of(run, CheckName.AVAILABLE).getFirst().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    }

    @Test
    void withoutAVantagePointTheReachabilityChecksAreInconclusive() {
        InternalLoadBalancer lb = provisioned();
        LoadBalancerChecks blind = new LoadBalancerChecks(civo,
                new StaticListableBeanFactory().getBeanProvider(Vantage.class), properties, kubernetesTargets);

        List<CheckResult> results = blind.run(lb, RegionSnapshot.readOne(civo, lb.region(), lb.civoId()),
                blind.startRound());

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

        VerificationRun run = verifier.verify(lb, Trigger.ON_DEMAND, null);

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

        VerificationRun run = verifier.verify(reload(lb), Trigger.ON_DEMAND, null);

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

        VerificationRun run = verifier.verify(lb, Trigger.ON_DEMAND, null);

        assertThat(of(run, CheckName.AVAILABLE).getFirst().outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(of(run, CheckName.AVAILABLE).getFirst().detail()).contains("Civo did not answer");
        assertThat(run.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    }
}
