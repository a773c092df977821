package dev.ilbportal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.provisioning.internal.EndDates;
import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.requests.Decommissions;
import dev.ilbportal.requests.EndDateExtensions;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.requests.RequestKind;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.PlanBuilder;
import dev.ilbportal.requests.internal.RequestsProperties;
import dev.ilbportal.requests.internal.SpecSnapshot;
import dev.ilbportal.support.MutableClock;
import dev.ilbportal.support.MutableClockConfiguration;
import dev.ilbportal.support.PortalApplicationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Load balancers that end on time, with the portal's clock moved: one reminder 7 days and one 1 day before, each
 * once even when two instances run the round at the same moment, then the decommission filed by the portal.
 */
@PortalApplicationTest
@Import(MutableClockConfiguration.class)
@TestPropertySource(locations = "classpath:fast-sandbox.properties",
        properties = "portal.provisioning.end-date-initial-delay=1h")
class EndDatesTests {

    /** A requester of the team who is also an approver: may ask for an extension, may not approve their own. */
    static final CurrentUser RILEY = new CurrentUser("riley", "Riley", null,
            java.util.Set.of(PortalRole.REQUESTER, PortalRole.APPROVER), java.util.Set.of("payments"));

    @Autowired
    ApplicationContext context;
    @Autowired
    LoadBalancerRequests requests;
    @Autowired
    RequestWorkflow workflow;
    @Autowired
    CivoClient civo;
    @Autowired
    ProvisioningJobs jobs;
    @Autowired
    Inventory inventory;
    @Autowired
    EndDates endDates;
    @Autowired
    Decommissions decommissions;
    @Autowired
    RequestsProperties properties;
    @Autowired
    MutableClock clock;
    @Autowired
    EndDateExtensions extensions;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void teamHasSignedInOnce() {
        jdbc.update("insert into notification_person (subject, display_name, email, roles, teams, last_seen_at) "
                + "values ('alice', 'Alice', 'alice@payments.example', array['REQUESTER'], array['payments'], now()) "
                + "on conflict (subject) do nothing");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        ReflectionTestUtils.setField(decommissions, "properties", properties);
    }

    @Test
    void teamIsRemindedAWeekAndADayBeforeOnceEachThenThePortalFilesTheDecommission() {
        LocalDate today = LocalDate.now(clock);
        InternalLoadBalancer lb = provisionedEndingOn(today.plusDays(10));
        assertThat(lb.endsOn()).isEqualTo(today.plusDays(10));

        endDates.runRound();
        assertThat(reminders(lb)).isEmpty();

        clock.advance(Duration.ofDays(3));
        endDates.runRound();
        endDates.runRound();
        assertThat(reminders(lb)).containsExactly("Load balancer " + lb.name() + " ends in 7 days");

        clock.advance(Duration.ofDays(5));
        endDates.runRound();
        assertThat(reminders(lb)).hasSize(1);

        clock.advance(Duration.ofDays(1));
        endDates.runRound();
        endDates.runRound();
        assertThat(reminders(lb)).containsExactly("Load balancer " + lb.name() + " ends in 7 days",
                "Load balancer " + lb.name() + " ends tomorrow");
        assertThat(decommissionsOf(lb)).isEmpty();

        clock.advance(Duration.ofDays(1));
        endDates.runRound();
        endDates.runRound();
        List<LoadBalancerRequest> filed = decommissionsOf(lb);
        assertThat(filed).hasSize(1);
        assertThat(filed.getFirst().status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(filed.getFirst().requester().subject()).isEqualTo("portal:end-dates");
        assertThat(jobs.findByRequestId(filed.getFirst().id())).isEmpty();
        assertThat(inventory.findById(lb.id()).orElseThrow().status()).isEqualTo(InternalLoadBalancer.Status.ACTIVE);
        assertThat(jdbc.queryForList("select action from audit_event where load_balancer_id = ? "
                + "and action like 'provisioning.%' order by sequence", String.class, lb.id().toString()))
                .containsSubsequence("provisioning.end-date-reminded", "provisioning.end-date-reminded",
                        "provisioning.end-of-life-decommission-requested");
    }

    @Test
    void twoInstancesRunningTheRoundTogetherSendOneReminder() throws Exception {
        LocalDate today = LocalDate.now(clock);
        InternalLoadBalancer lb = provisionedEndingOn(today.plusDays(5));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> round = endDates::runRound;
            pool.invokeAll(List.of(round, round));
        } finally {
            pool.shutdown();
        }
        assertThat(reminders(lb)).containsExactly("Load balancer " + lb.name() + " ends in 7 days");
    }

    @Test
    void withTheApprovalPolicyTheEndOfLifeDecommissionIsApprovedAndRunsAtOnce() {
        ReflectionTestUtils.setField(decommissions, "properties", new RequestsProperties(1, Duration.ofDays(7),
                Duration.ofMinutes(5), false, Duration.ofDays(365),
                RequestsProperties.AutoDecommissionApproval.BY_POLICY));
        LocalDate today = LocalDate.now(clock);
        InternalLoadBalancer lb = provisionedEndingOn(today.plusDays(2));

        clock.advance(Duration.ofDays(2));
        endDates.runRound();

        LoadBalancerRequest filed = decommissionsOf(lb).getFirst();
        assertThat(filed.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(jdbc.queryForObject("select details_json from audit_event where request_id = ? "
                + "and action = 'request.approved'", String.class, filed.id().toString()))
                .contains("portal.requests.auto-decommission-approval");
        runUntilFinished(filed.id());
        assertThat(inventory.findById(lb.id()).orElseThrow().status())
                .isEqualTo(InternalLoadBalancer.Status.DECOMMISSIONED);
        assertThat(civo.listLoadBalancers("LON1")).noneMatch(found -> found.id().equals(lb.civoId()));
    }

    @Test
    void anApprovedExtensionMovesTheEndDateAndTheRemindersStartOver() {
        LocalDate today = LocalDate.now(clock);
        InternalLoadBalancer lb = provisionedEndingOn(today.plusDays(5));
        endDates.runRound();
        assertThat(reminders(lb)).hasSize(1);
        EndDateExtensions.ExtensionAsk tooEarly = extension(lb, today.plusDays(3).toString());
        assertThatThrownBy(() -> extensions.ask(tooEarly)).isInstanceOf(EndDateExtensions.EndDateRefused.class)
                .hasMessage("The new end date must be later than the current one, " + today.plusDays(5) + ".");
        assertThatThrownBy(() -> extensions.ask(extension(lb, "garbage")))
                .isInstanceOf(EndDateExtensions.EndDateRefused.class).hasMessageStartingWith("Enter the end date as");
        assertThatThrownBy(() -> extensions.ask(extension(lb, today.plusDays(400).toString())))
                .isInstanceOf(EndDateExtensions.EndDateRefused.class).hasMessageContaining("at most 365 days");

        UUID requestId = extensions.ask(extension(lb, today.plusDays(60).toString()));
        LoadBalancerRequest request = requests.findById(requestId).orElseThrow();
        assertThat(request.kind()).isEqualTo(RequestKind.EXTEND_END_DATE);
        assertThat(inventory.findById(lb.id()).orElseThrow().endsOn()).isEqualTo(today.plusDays(5));
        String hash = new ProvisioningPlan(lb.region(), List.of()).hash();
        assertThatThrownBy(() -> workflow.approve(requestId, request.version(), 1, hash, RILEY))
                .isInstanceOf(dev.ilbportal.requests.RequestRuleViolation.class);
        workflow.approve(requestId, request.version(), 1, hash, ApprovedRequestFixture.APRIL);

        assertThat(inventory.findById(lb.id()).orElseThrow().endsOn()).isEqualTo(today.plusDays(60));
        clock.advance(Duration.ofDays(53));
        // Alice signs in again meanwhile: people not seen for weeks are left out of notifications.
        jdbc.update("update notification_person set last_seen_at = ? where subject = 'alice'",
                java.sql.Timestamp.from(clock.instant()));
        endDates.runRound();
        assertThat(reminders(lb)).hasSize(2);
        assertThat(jdbc.queryForList("select action from audit_event where load_balancer_id = ? "
                + "and action = 'provisioning.end-date-extended'", String.class, lb.id().toString())).hasSize(1);
    }

    private EndDateExtensions.ExtensionAsk extension(InternalLoadBalancer lb, String endsOn) {
        InternalLoadBalancer current = inventory.findById(lb.id()).orElseThrow();
        return new EndDateExtensions.ExtensionAsk(lb.id(), lb.requestId(), lb.team(), lb.region(), lb.name(),
                current.endsOn(), endsOn, "needed for the migration", Participant.of(RILEY));
    }

    private List<String> reminders(InternalLoadBalancer lb) {
        return jdbc.queryForList("select title from notification_delivery where kind = 'END_DATE_REMINDER' "
                + "and person_subject = 'alice' and title like ? order by created_at", String.class,
                "%" + lb.name() + "%");
    }

    private List<LoadBalancerRequest> decommissionsOf(InternalLoadBalancer lb) {
        return requests.findAll().stream().filter(r -> r.kind() == RequestKind.DECOMMISSION
                && lb.id().equals(r.loadBalancerId())).toList();
    }

    private InternalLoadBalancer provisionedEndingOn(LocalDate endsOn) {
        ApprovedRequestFixture fixture = new ApprovedRequestFixture(requests, workflow, civo);
        LoadBalancerSpec spec = fixture.spec(ApprovedRequestFixture.uniqueName("ending"), FirewallChoice.create(""));
        ProvisioningPlan plan = PlanBuilder.planFor(spec);
        LoadBalancerRequest request = LoadBalancerRequest.draft("payments", Participant.of(ApprovedRequestFixture.ALICE),
                new SpecSnapshot("{}", spec.region(), spec.name()), clock.instant());
        request.endOn(endsOn, clock.instant());
        request.submit(plan.toSubmitted(), Participant.of(ApprovedRequestFixture.ALICE), clock.instant(),
                Duration.ofDays(7));
        UUID id = requests.save(request).id();
        workflow.approve(id, requests.findById(id).orElseThrow().version(), 1, plan.hash(),
                ApprovedRequestFixture.APRIL);
        runUntilFinished(id);
        InternalLoadBalancer lb = inventory.findByRequestId(id).orElseThrow();
        // The run right after provisioning is asynchronous: let it finish so it does not race the rounds.
        long deadline = System.currentTimeMillis() + 10_000;
        while (inventory.findById(lb.id()).orElseThrow().lastVerification() == null
                && System.currentTimeMillis() < deadline) {
            sleepBriefly();
        }
        return inventory.findById(lb.id()).orElseThrow();
    }

    private void runUntilFinished(UUID requestId) {
        new ProvisioningHarness(context).runUntilFinished(requestId);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
