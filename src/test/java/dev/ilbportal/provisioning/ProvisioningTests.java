package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.internal.Decommissioning;
import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.provisioning.internal.JobStatus;
import dev.ilbportal.provisioning.internal.ProvisioningAdministration;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import dev.ilbportal.provisioning.internal.ProvisioningWorker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.sandbox.civo.Fault;
import dev.ilbportal.sandbox.civo.SandboxFaults;
import dev.ilbportal.support.PortalApplicationTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Provisioning against the Civo simulator over HTTP, driven step by step. */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class ProvisioningTests {

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
    ProvisioningAdministration administration;
    @Autowired
    Inventory inventory;
    @Autowired
    SandboxFaults faults;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Decommissioning decommissioning;

    @Autowired
    ApplicationContext context;

    ProvisioningHarness harness;
    ApprovedRequestFixture fixture;

    @BeforeEach
    void setUp() {
        harness = new ProvisioningHarness(context);
        fixture = harness.requests();
        faults.clear();
    }

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    private long firewallsNamed(String name) {
        return civo.listFirewalls("LON1").stream().filter(f -> name.equals(f.name())).count();
    }

    private List<LoadBalancer> loadBalancersNamed(String name) {
        return civo.listLoadBalancers("LON1").stream().filter(lb -> name.equals(lb.name())).toList();
    }

    @Test
    void approvalStartsAJobThatEndsInAnAvailableInternalLoadBalancer() {
        String name = ApprovedRequestFixture.uniqueName("orders");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));

        ProvisioningJob job = harness.runUntilFinished(requestId);

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        LoadBalancer lb = civo.getLoadBalancer("LON1", job.loadBalancerId());
        assertThat(lb.state()).isEqualTo("available");
        assertThat(lb.firewallId()).isEqualTo(job.firewallId());
        assertThat(civo.listFirewallRules("LON1", job.firewallId())).isEmpty();
        assertThat(firewallsNamed(name + "-internal")).isEqualTo(1);
        assertThat(loadBalancersNamed(name)).hasSize(1);
        InternalLoadBalancer entry = inventory.findByRequestId(requestId).orElseThrow();
        assertThat(entry.status()).isEqualTo(InternalLoadBalancer.Status.ACTIVE);
        assertThat(entry.privateIp()).isEqualTo(lb.privateIp()).startsWith("10.20.0.");
        assertThat(jdbc.queryForList("select step from provisioning_step_log where job_id = ? and outcome = 'DONE' "
                + "order by id", String.class, job.id())).containsExactly("ENSURE_FIREWALL", "CHECK_FIREWALL_RULES",
                "ENSURE_LOAD_BALANCER", "WAIT_UNTIL_AVAILABLE", "RECORD_INVENTORY");
        assertThat(jdbc.queryForList("select action from audit_event where request_id = ? order by sequence",
                String.class, requestId.toString())).containsSubsequence("request.submitted", "request.approved",
                "provisioning.started", "provisioning.step-completed", "provisioning.load-balancer-provisioned");
    }

    @Test
    void crashAfterSendingTheFirewallCreateResumesWithoutASecondFirewall() {
        String name = ApprovedRequestFixture.uniqueName("crash");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        ProvisioningJob job = jobs.findByRequestId(requestId).orElseThrow();
        // The state a kill -9 leaves behind: intent committed, create sent, id never recorded.
        jdbc.update("update provisioning_job set firewall_intent = true where id = ?", job.id());
        civo.createFirewall(FirewallCreateRequest.withoutRules(name + "-internal", "LON1", fixture.paymentsNetwork()));

        ProvisioningJob finished = harness.runUntilFinished(requestId);

        assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(firewallsNamed(name + "-internal")).isEqualTo(1);
        assertThat(loadBalancersNamed(name)).hasSize(1);
    }

    @Test
    void crashAfterSendingTheLoadBalancerCreateResumesWithoutASecondLoadBalancer() {
        String name = ApprovedRequestFixture.uniqueName("crashlb");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        worker.runNextDueJob();
        worker.runNextDueJob();
        ProvisioningJob job = jobs.findByRequestId(requestId).orElseThrow();
        assertThat(job.step()).isEqualTo(ProvisioningStep.ENSURE_LOAD_BALANCER);
        jdbc.update("update provisioning_job set load_balancer_intent = true where id = ?", job.id());
        civo.createLoadBalancer(job.plan().loadBalancerCreate(job.firewallId()));

        assertThat(harness.runUntilFinished(requestId).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(loadBalancersNamed(name)).hasSize(1);
    }

    @Test
    void resourceUnderThePlannedNameThatThePortalDidNotCreateIsAConflictNeverAdopted() {
        String name = ApprovedRequestFixture.uniqueName("taken");
        civo.createFirewall(FirewallCreateRequest.withoutRules(name + "-internal", "LON1", fixture.paymentsNetwork()));
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));

        ProvisioningJob job = harness.runUntilFinished(requestId);

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.failureCode()).isEqualTo("portal_name_conflict");
        assertThat(job.firewallId()).isNull();
        assertThat(loadBalancersNamed(name)).isEmpty();
    }

    @Test
    void existingFirewallThatGainedAnIngressRuleStopsTheJobBeforeTheLoadBalancer() {
        String name = ApprovedRequestFixture.uniqueName("opened");
        String firewallId = civo.createFirewall(FirewallCreateRequest.withoutRules(name + "-fw", "LON1",
                fixture.paymentsNetwork())).id();
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.existing(firewallId)));
        civo.createFirewallRule(firewallId, new FirewallRuleCreateRequest(firewallId, "LON1", "tcp", "443", "443",
                null, List.of("0.0.0.0/0"), "ingress", "allow", "opened by hand"));

        ProvisioningJob job = harness.runUntilFinished(requestId);

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.failureCode()).isEqualTo("firewall_has_ingress_rules");
        assertThat(job.failureReason()).contains("443");
        assertThat(loadBalancersNamed(name)).isEmpty();
    }

    @Test
    void civoServerErrorsAreRetriedWithBackoffThenTheJobGoesOn() {
        String name = ApprovedRequestFixture.uniqueName("flaky");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        faults.inject(Fault.error(503, "service_unavailable", "try later").on("GET", "/v2/firewalls").times(6));

        ProvisioningJob job = harness.runUntilFinished(requestId);

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jdbc.queryForObject("select count(*) from provisioning_step_log where job_id = ? and outcome = "
                + "'RETRYING'", Integer.class, job.id())).isPositive();
        assertThat(firewallsNamed(name + "-internal")).isEqualTo(1);
    }

    @Test
    void stepThatKeepsFailingEndsTheJobFailedWithCivosCodeAndAnAdminCanRetryIt() {
        String name = ApprovedRequestFixture.uniqueName("broken");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        faults.inject(Fault.error(500, "database_firewall_create", "Failed to create").on("POST", "/v2/firewalls"));

        ProvisioningJob failed = harness.runUntilFinished(requestId);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.step()).isEqualTo(ProvisioningStep.ENSURE_FIREWALL);
        assertThat(failed.failureCode()).isEqualTo("database_firewall_create");

        faults.clear();
        administration.retry(failed.id(), new dev.ilbportal.shared.Actor("adam", "Adam", java.util.Set.of("ADMIN")));
        ProvisioningJob retried = harness.runUntilFinished(requestId);
        assertThat(retried.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(firewallsNamed(name + "-internal")).isEqualTo(1);
    }

    @Test
    void loadBalancerThatNeverBecomesAvailableFailsAtTheDeadlineAndAbandonCleansUp() {
        String name = ApprovedRequestFixture.uniqueName("stuck");
        faults.keepPending(name);
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));

        ProvisioningJob failed = harness.runUntilFinished(requestId);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("not_available_in_time");

        administration.abandon(failed.id(), new dev.ilbportal.shared.Actor("adam", "Adam", java.util.Set.of("ADMIN")));
        ProvisioningJob abandoned = harness.runUntilFinished(requestId);
        assertThat(abandoned.status()).isEqualTo(JobStatus.ABANDONED);
        assertThat(loadBalancersNamed(name)).isEmpty();
        assertThat(firewallsNamed(name + "-internal")).isZero();
    }

    @Test
    void twoWorkersOnOneDatabaseNeverRunOneJobTwice() throws Exception {
        List<String> names = List.of(ApprovedRequestFixture.uniqueName("par"), ApprovedRequestFixture.uniqueName("par"),
                ApprovedRequestFixture.uniqueName("par"), ApprovedRequestFixture.uniqueName("par"));
        List<UUID> requestIds = names.stream()
                .map(name -> fixture.approve(fixture.spec(name, FirewallChoice.create("")))).toList();

        try (ExecutorService twoWorkers = Executors.newFixedThreadPool(2)) {
            List<Future<?>> running = List.of(twoWorkers.submit(() -> harness.runUntilAllFinished(requestIds)),
                    twoWorkers.submit(() -> harness.runUntilAllFinished(requestIds)));
            for (Future<?> future : running) {
                future.get();
            }
        }

        for (int i = 0; i < names.size(); i++) {
            assertThat(jobs.findByRequestId(requestIds.get(i)).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(firewallsNamed(names.get(i) + "-internal")).isEqualTo(1);
            assertThat(loadBalancersNamed(names.get(i))).hasSize(1);
        }
    }

    private UUID approveDecommission(InternalLoadBalancer lb) {
        UUID requestId = decommissioning.request(lb.id(), "the ledger moved", ApprovedRequestFixture.ALICE);
        var request = requests.findById(requestId).orElseThrow();
        assertThat(request.kind()).isEqualTo(dev.ilbportal.requests.RequestKind.DECOMMISSION);
        workflow.approve(requestId, request.version(), 1, Decommissioning.planFor(lb).hash(),
                ApprovedRequestFixture.APRIL);
        return requestId;
    }

    @Test
    void approvedDecommissionDeletesLoadBalancerThenItsFirewallAndMarksTheEntry() {
        String name = ApprovedRequestFixture.uniqueName("gone");
        UUID provisionRequest = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        ProvisioningJob built = harness.runUntilFinished(provisionRequest);
        InternalLoadBalancer lb = inventory.findByRequestId(provisionRequest).orElseThrow();
        faults.inject(Fault.error(409, "database_firewall_inuse_by_loadbalancer", "still in use")
                .on("DELETE", "/v2/firewalls/*").times(2));

        UUID decommissionRequest = approveDecommission(lb);
        assertThat(inventory.findById(lb.id()).orElseThrow().status())
                .isEqualTo(InternalLoadBalancer.Status.DECOMMISSIONING);
        ProvisioningJob job = harness.runUntilFinished(decommissionRequest);

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(loadBalancersNamed(name)).isEmpty();
        assertThat(civo.findFirewall("LON1", built.firewallId())).isEmpty();
        assertThat(inventory.findById(lb.id()).orElseThrow().status())
                .isEqualTo(InternalLoadBalancer.Status.DECOMMISSIONED);
        assertThat(jdbc.queryForObject("select count(*) from provisioning_step_log where job_id = ? and step = "
                + "'DELETE_FIREWALL' and outcome = 'WAITING'", Integer.class, job.id())).isEqualTo(2);
    }

    @Test
    void decommissionKeepsAFirewallThatWasChosenFromExistingOnes() {
        String name = ApprovedRequestFixture.uniqueName("keepfw");
        String firewallId = civo.createFirewall(FirewallCreateRequest.withoutRules(name + "-shared", "LON1",
                fixture.paymentsNetwork())).id();
        UUID provisionRequest = fixture.approve(fixture.spec(name, FirewallChoice.existing(firewallId)));
        harness.runUntilFinished(provisionRequest);
        InternalLoadBalancer lb = inventory.findByRequestId(provisionRequest).orElseThrow();

        ProvisioningJob job = harness.runUntilFinished(approveDecommission(lb));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(loadBalancersNamed(name)).isEmpty();
        assertThat(civo.findFirewall("LON1", firewallId)).isPresent();
    }

    @Test
    void decommissionIsAskedOnceAndOnlyByTheTeam() {
        String name = ApprovedRequestFixture.uniqueName("once");
        UUID provisionRequest = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        harness.runUntilFinished(provisionRequest);
        InternalLoadBalancer lb = inventory.findByRequestId(provisionRequest).orElseThrow();
        var sam = new dev.ilbportal.identity.CurrentUser("sam", "Sam", null,
                java.util.Set.of(dev.ilbportal.identity.PortalRole.REQUESTER), java.util.Set.of("search"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decommissioning.request(lb.id(), "mine now", sam))
                .isInstanceOf(dev.ilbportal.web.NotFoundException.class);
        decommissioning.request(lb.id(), "done with it", ApprovedRequestFixture.ALICE);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> decommissioning.request(lb.id(), "again", ApprovedRequestFixture.ALICE))
                .isInstanceOf(dev.ilbportal.requests.RequestRuleViolation.class).hasMessageContaining("already");
    }

    @Test
    void workerStoppedBetweenEveryPairOfStepsResumesFromThePersistedStepWithoutDuplicates() {
        String name = ApprovedRequestFixture.uniqueName("restart");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        List<ProvisioningStep> seen = new java.util.ArrayList<>();
        for (int round = 0; round < 50; round++) {
            ProvisioningJob before = jobs.findByRequestId(requestId).orElseThrow();
            if (before.status().isFinished()) {
                break;
            }
            seen.add(before.step());
            // A worker that died holding the lease: another instance may take the job once the lease is over.
            jdbc.update("update provisioning_job set next_run_at = now() - interval '1 second' where id = ?",
                    before.id());
            worker.runNextDueJob();
        }

        ProvisioningJob done = jobs.findByRequestId(requestId).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(seen).contains(ProvisioningStep.ENSURE_FIREWALL, ProvisioningStep.CHECK_FIREWALL_RULES,
                ProvisioningStep.ENSURE_LOAD_BALANCER, ProvisioningStep.WAIT_UNTIL_AVAILABLE,
                ProvisioningStep.RECORD_INVENTORY);
        assertThat(firewallsNamed(name + "-internal")).isEqualTo(1);
        assertThat(loadBalancersNamed(name)).hasSize(1);
        assertThat(inventory.findByRequestId(requestId)).isPresent();
    }

    @Test
    void claimedJobIsLeftAloneUntilItsLeaseRunsOut() {
        String name = ApprovedRequestFixture.uniqueName("leased");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        ProvisioningJob job = jobs.findByRequestId(requestId).orElseThrow();
        // Another instance claimed it a moment ago and is still within its lease.
        jdbc.update("update provisioning_job set next_run_at = now() + interval '1 hour' where id = ?", job.id());

        worker.runNextDueJob();

        ProvisioningJob untouched = jobs.findByRequestId(requestId).orElseThrow();
        assertThat(untouched.step()).isEqualTo(ProvisioningStep.ENSURE_FIREWALL);
        assertThat(firewallsNamed(name + "-internal")).isZero();
    }
}
