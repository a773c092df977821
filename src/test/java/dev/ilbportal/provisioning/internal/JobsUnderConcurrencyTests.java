package dev.ilbportal.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.ProvisioningHarness;
import dev.ilbportal.provisioning.ProvisioningStep;
import dev.ilbportal.requests.RequestLookup;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.sandbox.civo.CivoSimulator;
import dev.ilbportal.sandbox.civo.Fault;
import dev.ilbportal.sandbox.civo.SandboxFaults;
import dev.ilbportal.shared.Actor;
import dev.ilbportal.support.Poll;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import dev.ilbportal.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provisioning jobs when workers overlap: a step that outlasts its lease keeps it while its worker lives; a worker
 * held up past its lease (and taken over) neither writes to Civo nor saves; an admin's abandon waits for the step
 * between steps; a create whose outcome was not saved is found again by name and recorded, never left behind. Real
 * PostgreSQL, real HTTP to the sandbox's Civo, whose injected latency holds a worker inside a step.
 */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
@ExtendWith(OutputCaptureExtension.class)
class JobsUnderConcurrencyTests {

    private static final Actor ADAM = new Actor("adam", "Adam", Set.of("ADMIN"));

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProvisioningWorker worker;
    @Autowired
    ProvisioningJobs jobs;
    @Autowired
    ProvisioningAdministration administration;
    @Autowired
    SandboxFaults faults;
    @Autowired
    CivoClient civo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CivoSimulator simulator;

    ProvisioningHarness harness;
    ApprovedRequestFixture fixture;
    final List<ProvisioningWorker> ownWorkers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        harness = new ProvisioningHarness(context);
        fixture = harness.requests();
        faults.clear();
        // Jobs other tests left due would be claimed first; run them out of the way.
        for (int i = 0; i < 50 && worker.runNextDueJob(); i++) {
            // drained
        }
    }

    @AfterEach
    void tearDown() {
        faults.clear();
        ownWorkers.forEach(ProvisioningWorker::stopKeepingLeases);
    }

    /** A second worker of this context's beans with its own lease, as another portal instance would have. */
    private ProvisioningWorker workerWithLease(Duration lease) {
        ProvisioningProperties shared = context.getBean(ProvisioningProperties.class);
        ProvisioningProperties properties = new ProvisioningProperties(shared.pollInterval(), lease,
                shared.maxStepAttempts(), shared.initialBackoff(), shared.maxBackoff(), shared.availablePoll(),
                shared.availableDeadline(), shared.firewallInUseDeadline(), shared.kubernetesApply(),
                shared.manualApplyDeadline());
        ProvisioningWorker own = new ProvisioningWorker(jobs, context.getBean(InternalLoadBalancers.class),
                context.getBean(ProvisioningSteps.class), context.getBean(StepLog.class), properties,
                context.getBean(TransactionTemplate.class), context,
                context.getBean(Clock.class), context.getBean(RequestLookup.class));
        ownWorkers.add(own);
        return own;
    }

    private long firewallsNamed(String name) {
        return civo.listFirewalls("LON1").stream().filter(f -> name.equals(f.name())).count();
    }

    private List<LoadBalancer> loadBalancersNamed(String name) {
        return civo.listLoadBalancers("LON1").stream().filter(lb -> name.equals(lb.name())).toList();
    }

    private List<String> trail(UUID jobId, ProvisioningStep step) {
        return jdbc.queryForList("select outcome || ': ' || coalesce(detail, '') from provisioning_step_log "
                + "where job_id = ? and step = ? order by id", String.class, jobId, step.name());
    }

    private long auditEvents(UUID requestId, String action) {
        return jdbc.queryForObject("select count(*) from audit_event where request_id = ? and action = ?",
                Long.class, requestId.toString(), action);
    }

    private ProvisioningJob jobOf(UUID requestId) {
        return jobs.findByRequestId(requestId).orElseThrow();
    }

    private Instant leaseEnd(UUID jobId) {
        return jdbc.queryForObject("select next_run_at from provisioning_job where id = ?", Timestamp.class, jobId)
                .toInstant();
    }

    @Test
    void aStepThatOutlastsItsLeaseKeepsItWhileItsWorkerLivesSoNoOtherWorkerCreatesASecondFirewall()
            throws Exception {
        String name = ApprovedRequestFixture.uniqueName("slowfw");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        UUID jobId = jobOf(requestId).id();
        ProvisioningWorker shortLease = workerWithLease(Duration.ofMillis(1500));
        // The firewall create takes well over two leases (in production: a long wait on the account's rate limit).
        faults.inject(Fault.latency(Duration.ofMillis(4000)).on("POST", "/v2/firewalls").times(1));

        try (ExecutorService first = Executors.newSingleThreadExecutor()) {
            Future<Boolean> running = first.submit(shortLease::runNextDueJob);
            Poll.until("the short-lease worker to claim the job", Duration.ofSeconds(5),
                    () -> jobOf(requestId).leaseToken() != null);
            UUID token = jobOf(requestId).leaseToken();
            Instant firstLeaseEnd = leaseEnd(jobId);
            int claimsByOthers = 0;
            Instant latestLeaseEnd = firstLeaseEnd;
            while (!running.isDone()) {
                // Another instance polling all the while: the job is never due to it.
                if (worker.runNextDueJob() && !token.equals(jobOf(requestId).leaseToken())) {
                    claimsByOthers++;
                }
                Instant end = leaseEnd(jobId);
                latestLeaseEnd = end.isAfter(latestLeaseEnd) ? end : latestLeaseEnd;
                Thread.sleep(50);
            }
            assertThat(running.get()).isTrue();
            assertThat(claimsByOthers).as("claims of the job by the other worker during the slow step").isZero();
            assertThat(latestLeaseEnd).as("the lease was renewed during the step")
                    .isAfter(firstLeaseEnd.plusMillis(1500));
        }

        ProvisioningJob done = harness.runUntilFinished(requestId);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(firewallsNamed(name + "-internal")).isEqualTo(1);
        assertThat(trail(jobId, ProvisioningStep.ENSURE_FIREWALL)).singleElement().asString()
                .startsWith("DONE: Created firewall");
    }

    @Test
    void aWorkerHeldUpPastItsLeaseAndTakenOverNeitherCreatesNorSavesAnything(CapturedOutput output)
            throws Exception {
        String name = ApprovedRequestFixture.uniqueName("fenced");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        UUID jobId = jobOf(requestId).id();
        // The first worker's look-up is held up a second; the create of whoever comes next takes two.
        faults.inject(Fault.latency(Duration.ofMillis(1000)).on("GET", "/v2/firewalls").times(1));
        faults.inject(Fault.latency(Duration.ofMillis(2000)).on("POST", "/v2/firewalls").times(1));

        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            Future<Boolean> heldUp = threads.submit(worker::runNextDueJob);
            Poll.until("the first worker to claim the job", Duration.ofSeconds(5),
                    () -> jobOf(requestId).leaseToken() != null);
            UUID firstToken = jobOf(requestId).leaseToken();
            Thread.sleep(200);
            // Its lease runs out while it waits (a paused process: its keep-alive could not reach the database).
            jdbc.update("update provisioning_job set next_run_at = now() - interval '1 second' where id = ?", jobId);
            List<Future<?>> others = List.of(threads.submit(() -> harness.runUntilAllFinished(List.of(requestId))),
                    threads.submit(() -> harness.runUntilAllFinished(List.of(requestId))));
            assertThat(heldUp.get(10, TimeUnit.SECONDS)).isTrue();
            for (Future<?> other : others) {
                other.get(30, TimeUnit.SECONDS);
            }
            assertThat(jobOf(requestId).leaseToken()).isNotEqualTo(firstToken);
        }

        ProvisioningJob done = jobOf(requestId);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(firewallsNamed(name + "-internal")).as("firewalls in Civo").isEqualTo(1);
        assertThat(loadBalancersNamed(name)).hasSize(1);
        assertThat(done.firewallId()).isEqualTo(civo.listFirewalls("LON1").stream()
                .filter(f -> (name + "-internal").equals(f.name())).findFirst().orElseThrow().id());
        // The second claim took over and created; the first saved nothing (no retry, no attempt counted).
        assertThat(trail(jobId, ProvisioningStep.ENSURE_FIREWALL)).hasSize(2)
                .satisfiesExactly(resumed -> assertThat(resumed).startsWith("RESUMED: "),
                        created -> assertThat(created).startsWith("DONE: Created firewall"));
        assertThat(auditEvents(requestId, "provisioning.step-resumed")).isEqualTo(1);
        assertThat(auditEvents(requestId, "provisioning.step-retried")).isZero();
        assertThat(output.getOut() + output.getErr()).contains("Provisioning job " + jobId
                + " step ENSURE_FIREWALL: another claim holds the job now");
    }

    /** Whether the account's shared budget is paused (Civo said its window is spent) and until when. */
    private Instant budgetPausedUntil() {
        Long until = jdbc.queryForObject("select max(paused_until_us) from civo_budget", Long.class);
        return until == null ? Instant.EPOCH : Instant.EPOCH.plus(until, java.time.temporal.ChronoUnit.MICROS);
    }

    @Test
    void aWorkerWhoseCreateWaitsForTheBudgetPastItsLeaseWhileAnotherClaimTakesOverSendsNoCreate(
            CapturedOutput output) throws Exception {
        String name = ApprovedRequestFixture.uniqueName("budgetwait");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        UUID jobId = jobOf(requestId).id();
        // The first worker's look-up is held at Civo a second; meanwhile another call hears that the account's window
        // is spent, which pauses the whole shared budget for five seconds.
        faults.inject(Fault.latency(Duration.ofMillis(1000)).on("GET", "/v2/firewalls").times(1));
        faults.inject(Fault.rateLimit(Duration.ofSeconds(5)).on("GET", "/v2/regions").times(1));
        long lookUpsBefore = simulator.budget().stats().of("GET /v2/firewalls");
        long createsBefore = simulator.budget().stats().of("POST /v2/firewalls");

        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            Future<Boolean> waiting = threads.submit(worker::runNextDueJob);
            Poll.until("the first worker's look-up to be at Civo", Duration.ofSeconds(5),
                    () -> simulator.budget().stats().of("GET /v2/firewalls") > lookUpsBefore);
            UUID firstToken = jobOf(requestId).leaseToken();
            Future<?> spent = threads.submit(() -> civo.listRegions());
            Poll.until("the shared budget to be paused", Duration.ofSeconds(2),
                    () -> budgetPausedUntil().isAfter(Instant.now()));
            // The look-up returns; the checkpoint before the create passes (the lease is still the first worker's),
            // and the create waits for the budget.
            Poll.until("the first worker to have passed its checkpoint before the create", Duration.ofSeconds(5),
                    () -> jobOf(requestId).firewallIntent());
            // Its lease runs out during that wait (a paused process: its keep-alive could not reach the database),
            // and another claim takes the job over while the budget is still paused.
            jdbc.update("update provisioning_job set next_run_at = now() - interval '1 second' where id = ?", jobId);
            Future<?> takingOver = threads.submit(() -> harness.runUntilAllFinished(List.of(requestId)));
            Poll.until("another claim to take the job over", Duration.ofSeconds(3),
                    () -> !firstToken.equals(jobOf(requestId).leaseToken()));
            assertThat(budgetPausedUntil()).as("the takeover happened while the first create still waits")
                    .isAfter(Instant.now());

            assertThat(waiting.get(20, TimeUnit.SECONDS)).isTrue();
            takingOver.get(30, TimeUnit.SECONDS);
            spent.get(20, TimeUnit.SECONDS);
        }

        assertThat(simulator.budget().stats().of("POST /v2/firewalls") - createsBefore)
                .as("firewall creates Civo received").isEqualTo(1);
        ProvisioningJob done = jobOf(requestId);
        assertThat(done.status()).as(done.failureReason()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(firewallsNamed(name + "-internal")).as("firewalls in Civo").isEqualTo(1);
        // The create Civo received was the second claim's: it found nothing by name and created the firewall.
        assertThat(trail(jobId, ProvisioningStep.ENSURE_FIREWALL)).satisfiesExactly(
                resumed -> assertThat(resumed).startsWith("RESUMED: "),
                created -> assertThat(created).startsWith("DONE: Created firewall"));
        assertThat(auditEvents(requestId, "provisioning.step-retried")).isZero();
        assertThat(output.getOut() + output.getErr())
                .contains("Provisioning job " + jobId + ": another claim holds the job now; POST /v2/firewalls is "
                        + "not sent")
                .contains("Provisioning job " + jobId + " step ENSURE_FIREWALL: another claim holds the job now");
    }

    @Test
    void aWorkerThatStoppedInTheMiddleOfAStepIsResumedByAnotherOnceItsLeaseRanOutAndThePanelSaysSo()
            throws Exception {
        String name = ApprovedRequestFixture.uniqueName("died");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        UUID jobId = jobOf(requestId).id();
        // What a worker killed right after sending the create leaves: its claim, the intent, the firewall in Civo.
        jdbc.update("update provisioning_job set lease_token = ?, firewall_intent = true, "
                + "next_run_at = now() - interval '1 second' where id = ?", UUID.randomUUID(), jobId);
        civo.createFirewall(dev.ilbportal.civo.model.FirewallCreateRequest.withoutRules(name + "-internal", "LON1",
                fixture.paymentsNetwork()));

        ProvisioningJob done = harness.runUntilFinished(requestId);

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(firewallsNamed(name + "-internal")).isEqualTo(1);
        assertThat(trail(jobId, ProvisioningStep.ENSURE_FIREWALL)).satisfiesExactly(
                resumed -> assertThat(resumed).startsWith("RESUMED: Resumed: the previous attempt of this step stopped"),
                found -> assertThat(found).isEqualTo("DONE: Found the firewall this job created in an attempt "
                        + "whose outcome was not saved"));
        assertThat(auditEvents(requestId, "provisioning.step-resumed")).isEqualTo(1);
        assertThat(done.leaseToken()).as("released once the step was saved").isNull();
        SandboxBrowserlessLogin alice = new SandboxBrowserlessLogin(URI.create("http://localhost:" + port));
        alice.signIn("alice");
        assertThat(alice.get(URI.create("http://localhost:" + port + "/provisioning/requests/" + requestId)).body())
                .contains("data-test=\"resumptions\"")
                .contains("Resumed: the previous attempt of this step stopped before saving its outcome");
    }

    @Test
    void abandonWhileAStepIsRunningIsRefusedWithItsReasonAndAcceptedOnceTheStepHasSaved() throws Exception {
        String name = ApprovedRequestFixture.uniqueName("midstep");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        UUID jobId = jobOf(requestId).id();
        faults.inject(Fault.latency(Duration.ofMillis(5000)).on("POST", "/v2/firewalls").times(1));
        SandboxBrowserlessLogin adam = new SandboxBrowserlessLogin(URI.create("http://localhost:" + port));
        adam.signIn("adam");

        try (ExecutorService first = Executors.newSingleThreadExecutor()) {
            Future<Boolean> running = first.submit(worker::runNextDueJob);
            Poll.until("the firewall create to be under way", Duration.ofSeconds(5),
                    () -> jobOf(requestId).firewallIntent());

            assertThatThrownBy(() -> administration.abandon(jobId, ADAM)).isInstanceOf(JobStateConflict.class)
                    .hasMessage("A step is running (" + ProvisioningStep.ENSURE_FIREWALL.title() + "); abandon again "
                            + "when it has finished. Nothing was changed.");
            String panel = adam.get(URI.create("http://localhost:" + port + "/provisioning/requests/" + requestId))
                    .body();
            assertThat(panel).contains("data-test=\"step-running\"");
            HttpResponse<String> page = post(adam, "/provisioning/jobs/" + jobId + "/abandon", panel);
            assertThat(page.statusCode()).isEqualTo(409);
            assertThat(page.body()).contains("A step is running").contains("abandon again when it has finished");
            assertThat(jobOf(requestId).step()).isEqualTo(ProvisioningStep.ENSURE_FIREWALL);
            assertThat(auditEvents(requestId, "provisioning.abandoned")).isZero();

            assertThat(running.get(10, TimeUnit.SECONDS)).isTrue();
        }
        ProvisioningJob between = jobOf(requestId);
        assertThat(between.step()).isEqualTo(ProvisioningStep.CHECK_FIREWALL_RULES);
        assertThat(between.firewallId()).isNotNull();

        administration.abandon(jobId, ADAM);
        ProvisioningJob abandoned = harness.runUntilFinished(requestId);

        assertThat(abandoned.status()).isEqualTo(JobStatus.ABANDONED);
        assertThat(firewallsNamed(name + "-internal")).as("nothing left behind in Civo").isZero();
        assertThat(auditEvents(requestId, "provisioning.abandoned")).isEqualTo(1);
        assertThat(auditEvents(requestId, "provisioning.cleaned-up")).isEqualTo(1);
    }

    @Test
    void aCreateWhoseOutcomeCouldNotBeSavedIsFoundByNameOnTheNextAttemptAndRecordedOnce() {
        JdbcTemplate owner = new JdbcTemplate(new SingleConnectionDataSource(TestDatabase.get().jdbcUrl(),
                TestDatabase.get().ownerUsername(), TestDatabase.get().ownerPassword(), true));
        String name = "unsaved-" + UUID.randomUUID().toString().substring(0, 8);
        owner.execute("create sequence unsaved_firewall_seq");
        owner.execute("create sequence unsaved_load_balancer_seq");
        // Refuses, once each, the save that records the created firewall's and load balancer's ids (sequences are
        // not rolled back with the refused transaction, so the second attempt is let through).
        owner.execute("""
                create or replace function refuse_first_recorded_id() returns trigger language plpgsql as $$
                begin
                  if new.load_balancer_name like 'unsaved-%' then
                    if old.firewall_id is null and new.firewall_id is not null then
                      if nextval('unsaved_firewall_seq') = 1 then
                        raise exception 'firewall id refused once by the test';
                      end if;
                    end if;
                    if old.load_balancer_id is null and new.load_balancer_id is not null then
                      if nextval('unsaved_load_balancer_seq') = 1 then
                        raise exception 'load balancer id refused once by the test';
                      end if;
                    end if;
                  end if;
                  return new;
                end $$""");
        owner.execute("create trigger refuse_first_recorded_id before update on provisioning_job "
                + "for each row execute function refuse_first_recorded_id()");
        try {
            UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
            UUID jobId = jobOf(requestId).id();

            ProvisioningJob done = harness.runUntilFinished(requestId);

            assertThat(done.status()).as(done.failureReason()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(firewallsNamed(name + "-internal")).as("firewalls in Civo").isEqualTo(1);
            assertThat(loadBalancersNamed(name)).as("load balancers in Civo").hasSize(1);
            assertThat(trail(jobId, ProvisioningStep.ENSURE_FIREWALL)).satisfiesExactly(
                    retried -> assertThat(retried).startsWith("RETRYING: The portal could not record this step: ")
                            .contains("firewall id refused once by the test"),
                    found -> assertThat(found).isEqualTo("DONE: Found the firewall this job created in an attempt "
                            + "whose outcome was not saved"));
            assertThat(trail(jobId, ProvisioningStep.ENSURE_LOAD_BALANCER)).satisfiesExactly(
                    retried -> assertThat(retried).contains("load balancer id refused once by the test"),
                    found -> assertThat(found).isEqualTo("DONE: Found the load balancer this job created in an "
                            + "attempt whose outcome was not saved"));
            assertThat(done.firewallId()).isEqualTo(loadBalancersNamed(name).getFirst().firewallId());
            assertThat(done.loadBalancerId()).isEqualTo(loadBalancersNamed(name).getFirst().id());
        } finally {
            owner.execute("drop trigger refuse_first_recorded_id on provisioning_job");
            owner.execute("drop function refuse_first_recorded_id()");
            owner.execute("drop sequence unsaved_firewall_seq");
            owner.execute("drop sequence unsaved_load_balancer_seq");
        }
    }

    @Test
    void abandonAfterACreateWhoseOutcomeWasNeverSavedFindsTheLoadBalancerByNameAndDeletesIt() {
        String name = ApprovedRequestFixture.uniqueName("orphan");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        ProvisioningJob atCreate = harness.runWhile(requestId,
                job -> job.step() != ProvisioningStep.ENSURE_LOAD_BALANCER);
        assertThat(atCreate.step()).isEqualTo(ProvisioningStep.ENSURE_LOAD_BALANCER);
        // The create was sent and built the load balancer, but the job never recorded its id, and then failed.
        civo.createLoadBalancer(atCreate.plan().loadBalancerCreate(atCreate.firewallId()));
        jdbc.update("update provisioning_job set load_balancer_intent = true, status = 'FAILED', "
                + "failure_code = 'portal_error', failure_reason = 'lost' where id = ?", atCreate.id());
        assertThat(loadBalancersNamed(name)).hasSize(1);

        administration.abandon(atCreate.id(), ADAM);
        ProvisioningJob abandoned = harness.runUntilFinished(requestId);

        assertThat(abandoned.status()).isEqualTo(JobStatus.ABANDONED);
        assertThat(loadBalancersNamed(name)).as("load balancers left in Civo").isEmpty();
        assertThat(firewallsNamed(name + "-internal")).isZero();
        assertThat(trail(atCreate.id(), ProvisioningStep.DELETE_LOAD_BALANCER)).singleElement().asString()
                .isEqualTo("DONE: Deleted load balancer " + name);
    }

    @Test
    void adminsSeeOnTheProgressPanelWhichStepIsRunningAndWhichStepWasResumed() {
        String name = ApprovedRequestFixture.uniqueName("panel");
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        ProvisioningJob atRules = harness.runWhile(requestId,
                job -> job.step() != ProvisioningStep.CHECK_FIREWALL_RULES);
        // Another instance holds the job now, resumed after an earlier attempt of the step stopped unsaved.
        jdbc.update("insert into provisioning_step_log (job_id, step, outcome, detail, at) values (?, ?, 'RESUMED', "
                + "'Resumed: the previous attempt of this step stopped before saving its outcome and its lease ran "
                + "out', now())", atRules.id(), ProvisioningStep.CHECK_FIREWALL_RULES.name());
        jdbc.update("update provisioning_job set lease_token = ?, next_run_at = now() + interval '1 minute' "
                + "where id = ?", UUID.randomUUID(), atRules.id());
        try (dev.ilbportal.support.Browser browser = dev.ilbportal.support.Browser.start()) {
            com.microsoft.playwright.Page page = browser.newPage();
            String portal = "http://localhost:" + port;
            dev.ilbportal.support.SandboxSignIn.as(page, portal, "adam");
            page.navigate(portal + "/provisioning/requests/" + requestId);

            assertThat(page.locator("[data-test=step-running]").innerText())
                    .contains("A portal worker is running the step " + ProvisioningStep.CHECK_FIREWALL_RULES.title())
                    .contains("Abandon is refused until the step has saved what it did in Civo.");
            assertThat(page.locator("[data-test=resumptions]").innerText())
                    .contains(ProvisioningStep.CHECK_FIREWALL_RULES.title() + ": Resumed: the previous attempt");
            dev.ilbportal.support.Browser.screenshot(page, "provisioning-step-running");
        } finally {
            jdbc.update("update provisioning_job set lease_token = null, next_run_at = now() where id = ?",
                    atRules.id());
        }
        assertThat(harness.runUntilFinished(requestId).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    private HttpResponse<String> post(SandboxBrowserlessLogin session, String path, String pageWithToken)
            throws Exception {
        String token = pageWithToken.contains("name=\"_csrf\"")
                ? pageWithToken.replaceAll("(?s).*?name=\"_csrf\" value=\"([^\"]+)\".*", "$1") : "";
        return session.client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
