package dev.ilbportal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.civo.model.LoadBalancerUpdateRequest;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.provisioning.internal.FirewallRestoring;
import dev.ilbportal.provisioning.internal.FirewallRestoring.PlanChangedMeanwhile;
import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.provisioning.internal.JobStatus;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import dev.ilbportal.requests.FirewallRestores;
import dev.ilbportal.requests.FirewallRestores.Filed;
import dev.ilbportal.requests.FirewallRestores.RestoreAsk;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.requests.ProvisioningPlan.Step;
import dev.ilbportal.requests.RequestKind;
import dev.ilbportal.requests.RequestRuleViolation;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.RequestsProperties;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.test.web.server.LocalServerPort;
import dev.ilbportal.verification.Trigger;
import dev.ilbportal.verification.Verifier;
import dev.ilbportal.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

/**
 * Restoring an exposed load balancer's firewall against the Civo simulator over HTTP: the plan read from Civo, the
 * approval, the durable job, the rules gone in Civo, and the proof again.
 */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class FirewallRestoreTests {

    static final CurrentUser ADAM = new CurrentUser("adam", "Adam", null, Set.of(PortalRole.ADMIN), Set.of());
    static final CurrentUser AUDREY = new CurrentUser("audrey", "Audrey", null, Set.of(PortalRole.AUDITOR), Set.of());
    static final CurrentUser BOB = new CurrentUser("bob", "Bob", null, Set.of(PortalRole.REQUESTER), Set.of("search"));
    /** A requester of the team who is also an approver: may ask, may not decide on what they asked. */
    static final CurrentUser PAT = new CurrentUser("pat", "Pat", null,
            Set.of(PortalRole.REQUESTER, PortalRole.APPROVER), Set.of("payments"));

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
    FirewallRestoring restoring;
    @Autowired
    Verifier verifier;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    ApprovedRequestFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ApprovedRequestFixture(requests, workflow, civo);
    }

    @Test
    void ruleOpenedByHandIsDeletedByIdAfterApprovalAndTheLoadBalancerIsProvenAgain() {
        InternalLoadBalancer lb = exposedByRule(provisioned("opened"));
        String ruleId = ingressRules(lb).getFirst().id();

        ProvisioningPlan plan = restoring.planOf(lb);
        assertThat(plan.calls()).extracting(ProvisioningPlan.PlannedCall::step)
                .containsExactly(Step.DELETE_FIREWALL_RULE, Step.CHECK_FIREWALL_RULES);
        assertThat(plan.calls().getFirst().method()).isEqualTo("DELETE");
        assertThat(plan.calls().getFirst().path())
                .isEqualTo("/v2/firewalls/" + lb.firewallId() + "/rules/" + ruleId + "?region=LON1");

        Filed filed = restoring.request(lb.id(), "opened by hand during an incident", plan.hash(),
                ApprovedRequestFixture.ALICE);
        assertThat(filed.approvedByPolicy()).isFalse();
        LoadBalancerRequest request = requests.findById(filed.requestId()).orElseThrow();
        assertThat(request.kind()).isEqualTo(RequestKind.RESTORE_FIREWALL);
        assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(jobs.findByRequestId(filed.requestId())).isEmpty();
        assertThat(ingressRules(lb)).hasSize(1);

        workflow.approve(filed.requestId(), request.version(), 1, plan.hash(), ApprovedRequestFixture.APRIL);
        ProvisioningJob job = runUntilFinished(filed.requestId());

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.step()).isEqualTo(ProvisioningStep.RESTORED);
        assertThat(civo.listFirewallRules("LON1", lb.firewallId())).isEmpty();
        assertThat(waitForProof(lb, "PROVEN")).isEqualTo("PROVEN");
        assertThat(jdbc.queryForList("select action from audit_event where load_balancer_id = ? order by sequence",
                String.class, lb.id().toString()))
                .contains("provisioning.firewall-restore-requested", "provisioning.firewall-restored");
        assertThat(jdbc.queryForObject("select count(*) from verification_run where load_balancer_id = ? "
                + "and trigger = 'AFTER_RESTORE'", Integer.class, lb.id())).isEqualTo(1);
    }

    @Test
    void swappedFirewallIsReattachedAndTheSwappedInOneIsLeftAlone() {
        InternalLoadBalancer lb = provisioned("swapped");
        String other = civo.createFirewall(new FirewallCreateRequest(lb.name() + "-open", "LON1", lb.networkId(),
                true, null)).id();
        civo.updateLoadBalancer(lb.civoId(), new LoadBalancerUpdateRequest("LON1", null, null, null, other, null,
                null, null, null, null, null, null, null));
        lb = verifiedAs(lb, "EXPOSED");

        ProvisioningPlan plan = restoring.planOf(lb);
        assertThat(plan.calls()).extracting(ProvisioningPlan.PlannedCall::step)
                .containsExactly(Step.ATTACH_FIREWALL, Step.CHECK_FIREWALL_RULES);
        assertThat(plan.calls().getFirst().prettyBody()).contains("\"firewall_id\" : \"" + lb.firewallId() + "\"");

        Filed filed = restoring.request(lb.id(), "someone swapped the firewall", plan.hash(), ADAM);
        approve(filed.requestId(), plan);
        ProvisioningJob job = runUntilFinished(filed.requestId());

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(civo.getLoadBalancer("LON1", lb.civoId()).firewallId()).isEqualTo(lb.firewallId());
        assertThat(civo.findFirewall("LON1", other)).isPresent();
        assertThat(waitForProof(lb, "PROVEN")).isEqualTo("PROVEN");
    }

    @Test
    void ruleAlreadyGoneWhenTheJobRunsCountsAsDeleted() {
        InternalLoadBalancer lb = exposedByRule(provisioned("gone"));
        ProvisioningPlan plan = restoring.planOf(lb);
        Filed filed = restoring.request(lb.id(), "opened by hand", plan.hash(), ApprovedRequestFixture.ALICE);
        approve(filed.requestId(), plan);
        civo.deleteFirewallRule("LON1", lb.firewallId(), ingressRules(lb).getFirst().id());

        ProvisioningJob job = runUntilFinished(filed.requestId());

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jdbc.queryForObject("select detail from provisioning_step_log where job_id = ? "
                + "and step = 'DELETE_INGRESS_RULES'", String.class, job.id()))
                .isEqualTo("Deleted 0 ingress rule(s); 1 already gone");
    }

    @Test
    void stepRunAgainAfterACrashDeletesNothingTwiceAndSucceeds() {
        InternalLoadBalancer lb = exposedByRule(provisioned("crash"));
        civo.createFirewallRule(lb.firewallId(), new FirewallRuleCreateRequest(lb.firewallId(), "LON1", "udp", "53",
                "53", null, List.of("0.0.0.0/0"), "ingress", "allow", "second"));
        ProvisioningPlan plan = restoring.planOf(lb);
        assertThat(plan.ruleDeletions()).hasSize(2);
        Filed filed = restoring.request(lb.id(), "two rules opened", plan.hash(), ApprovedRequestFixture.ALICE);
        approve(filed.requestId(), plan);
        // A worker deleted one rule and died before saving the step: the rule is gone, the job still at the step.
        civo.deleteFirewallRule("LON1", lb.firewallId(), plan.ruleDeletions().getFirst().ruleId());

        ProvisioningJob job = runUntilFinished(filed.requestId());

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(civo.listFirewallRules("LON1", lb.firewallId())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from provisioning_job where request_id = ?", Integer.class,
                filed.requestId())).isEqualTo(1);
    }

    @Test
    void theRequesterCannotApproveTheirOwnRestore() {
        InternalLoadBalancer lb = exposedByRule(provisioned("sod"));
        ProvisioningPlan plan = restoring.planOf(lb);
        Filed filed = restoring.request(lb.id(), "opened by hand", plan.hash(), PAT);
        long version = requests.findById(filed.requestId()).orElseThrow().version();

        assertThatThrownBy(() -> workflow.approve(filed.requestId(), version, 1, plan.hash(), PAT))
                .isInstanceOf(RequestRuleViolation.class).hasMessageContaining("you cannot decide on it");
        assertThatThrownBy(() -> workflow.approve(filed.requestId(), version, 1, plan.hash(),
                ApprovedRequestFixture.ALICE)).isInstanceOf(AccessDeniedException.class);
        assertThat(requests.findById(filed.requestId()).orElseThrow().status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(ingressRules(lb)).hasSize(1);
    }

    @Test
    void onlyTheTeamsRequestersAndAdminsMayAsk() {
        InternalLoadBalancer lb = exposedByRule(provisioned("roles"));
        String hash = restoring.planOf(lb).hash();

        assertThatThrownBy(() -> restoring.request(lb.id(), "x", hash, BOB)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> restoring.request(lb.id(), "x", hash, AUDREY))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> restoring.request(lb.id(), "x", hash, ApprovedRequestFixture.APRIL))
                .isInstanceOf(NotFoundException.class);
        assertThat(requests.existsOpenRestoreFor(lb.id())).isFalse();
    }

    @Test
    void refusesWhenNotExposedWithoutReasonTwiceOrWhenCivoChangedSinceThePlanWasShown() {
        InternalLoadBalancer proven = provisioned("proven");
        assertThatThrownBy(() -> restoring.request(proven.id(), "x", "", ApprovedRequestFixture.ALICE))
                .isInstanceOf(RequestRuleViolation.class).hasMessageContaining("exposed");

        InternalLoadBalancer lb = exposedByRule(provisioned("changed"));
        String shown = restoring.planOf(lb).hash();
        assertThatThrownBy(() -> restoring.request(lb.id(), " ", shown, ApprovedRequestFixture.ALICE))
                .isInstanceOf(RequestRuleViolation.class).hasMessageContaining("approvers read it");
        civo.createFirewallRule(lb.firewallId(), new FirewallRuleCreateRequest(lb.firewallId(), "LON1", "tcp", "22",
                "22", null, List.of("0.0.0.0/0"), "ingress", "allow", "later"));
        assertThatThrownBy(() -> restoring.request(lb.id(), "opened", shown, ApprovedRequestFixture.ALICE))
                .isInstanceOfSatisfying(PlanChangedMeanwhile.class,
                        changed -> assertThat(changed.current().ruleDeletions()).hasSize(2));
        assertThat(requests.existsOpenRestoreFor(lb.id())).isFalse();

        ProvisioningPlan plan = restoring.planOf(lb);
        restoring.request(lb.id(), "opened", plan.hash(), ApprovedRequestFixture.ALICE);
        assertThatThrownBy(() -> restoring.request(lb.id(), "again", plan.hash(), ApprovedRequestFixture.ALICE))
                .isInstanceOf(RequestRuleViolation.class).hasMessageContaining("already waiting");
    }

    @Test
    void thePolicyApprovesPureRuleRemovalsButNeverAReattach() {
        FirewallRestores policyOn = new FirewallRestores(requests,
                new RequestsProperties(1, Duration.ofDays(7), Duration.ofMinutes(5), true, Duration.ofDays(365),
                        RequestsProperties.AutoDecommissionApproval.WAIT_FOR_APPROVER), Clock.systemUTC());
        InternalLoadBalancer lb = exposedByRule(provisioned("policy"));
        ProvisioningPlan removal = restoring.planOf(lb);

        Filed filed = policyOn.ask(ask(lb, removal));

        assertThat(filed.approvedByPolicy()).isTrue();
        assertThat(requests.findById(filed.requestId()).orElseThrow().status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(jdbc.queryForObject("select details_json from audit_event where request_id = ? "
                + "and action = 'request.approved'", String.class, filed.requestId().toString()))
                .contains("portal.requests.restore-without-approval");
        assertThat(runUntilFinished(filed.requestId()).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(civo.listFirewallRules("LON1", lb.firewallId())).isEmpty();

        ProvisioningPlan reattach = FirewallRestoring.planFor(lb, "some-other-firewall", List.of(),
                ProvisioningPlan.CLASSIC_PATH_PREFIX);
        Filed waiting = policyOn.ask(ask(lb, reattach));
        assertThat(waiting.approvedByPolicy()).isFalse();
        assertThat(requests.findById(waiting.requestId()).orElseThrow().status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void theTeamReadsThePlanOnThePageAndAsksWithItsCsrfTokenOthersAreRefused() throws Exception {
        InternalLoadBalancer lb = exposedByRule(provisioned("page"));
        String ruleId = ingressRules(lb).getFirst().id();
        String path = "/inventory/" + lb.id() + "/restore-firewall";
        SandboxBrowserlessLogin alice = signedIn("alice");

        HttpResponse<String> verification = alice.get(portal("/verification/load-balancers/" + lb.id()));
        assertThat(verification.body()).contains("data-test=\"restore-firewall\"");
        HttpResponse<String> page = alice.get(portal(path));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-test=\"restore-plan\"")
                .contains("DELETE /v2/firewalls/" + lb.firewallId() + "/rules/" + ruleId);
        String hash = restoring.planOf(lb).hash();
        assertThat(page.body()).contains(hash);

        assertThat(post(alice, path, "", "reason=x&planHash=" + hash).statusCode()).as("no CSRF token")
                .isEqualTo(403);
        HttpResponse<String> stale = post(alice, path, page.body(), "reason=opened&planHash=not-the-shown-one");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Civo changed since the page was shown");
        HttpResponse<String> blank = post(alice, path, page.body(), "reason=&planHash=" + hash);
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("approvers read it");
        assertThat(requests.existsOpenRestoreFor(lb.id())).isFalse();

        assertThat(signedIn("audrey").get(portal(path)).statusCode()).isEqualTo(403);
        assertThat(signedIn("april").get(portal(path)).statusCode()).isEqualTo(403);
        assertThat(signedIn("sam").get(portal(path)).statusCode()).isEqualTo(404);
        assertThat(signedIn("adam").get(portal(path)).statusCode()).isEqualTo(200);
        assertThat(signedIn("alice").get(portal("/inventory/" + UUID.randomUUID() + "/restore-firewall"))
                .statusCode()).isEqualTo(404);
        assertThat(signedIn("alice").get(portal("/inventory/not-a-uuid/restore-firewall")).statusCode())
                .isLessThan(500);

        HttpResponse<String> asked = post(alice, path, page.body(), "reason=opened+by+hand&planHash=" + hash);
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(SandboxBrowserlessLogin.location(asked).getPath()).startsWith("/requests/");
        assertThat(requests.existsOpenRestoreFor(lb.id())).isTrue();
    }

    private URI portal(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private SandboxBrowserlessLogin signedIn(String username) throws Exception {
        SandboxBrowserlessLogin login = new SandboxBrowserlessLogin(portal(""));
        login.signIn(username);
        return login;
    }

    private HttpResponse<String> post(SandboxBrowserlessLogin session, String path, String pageWithToken,
                                      String form) throws Exception {
        String token = pageWithToken.contains("name=\"_csrf\"")
                ? pageWithToken.replaceAll("(?s).*?name=\"_csrf\" value=\"([^\"]+)\".*", "$1") : "";
        return session.client().send(HttpRequest.newBuilder(portal(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&" + form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static RestoreAsk ask(InternalLoadBalancer lb, ProvisioningPlan plan) {
        return new RestoreAsk(lb.id(), lb.requestId(), lb.team(), lb.region(), lb.name(), "policy test", plan,
                Participant.of(ApprovedRequestFixture.ALICE));
    }

    private void approve(UUID requestId, ProvisioningPlan plan) {
        workflow.approve(requestId, requests.findById(requestId).orElseThrow().version(), 1, plan.hash(),
                ApprovedRequestFixture.APRIL);
    }

    private InternalLoadBalancer provisioned(String prefix) {
        UUID requestId = fixture.approve(fixture.spec(ApprovedRequestFixture.uniqueName(prefix),
                FirewallChoice.create("")));
        runUntilFinished(requestId);
        InternalLoadBalancer lb = inventory.findByRequestId(requestId).orElseThrow();
        waitForVerification(lb);
        return inventory.findById(lb.id()).orElseThrow();
    }

    private InternalLoadBalancer exposedByRule(InternalLoadBalancer lb) {
        civo.createFirewallRule(lb.firewallId(), new FirewallRuleCreateRequest(lb.firewallId(), "LON1", "tcp", "443",
                "443", null, List.of("0.0.0.0/0"), "ingress", "allow", "opened by hand"));
        return verifiedAs(lb, "EXPOSED");
    }

    private InternalLoadBalancer verifiedAs(InternalLoadBalancer lb, String expected) {
        verifier.verify(lb, Trigger.ON_DEMAND, "test");
        InternalLoadBalancer reloaded = inventory.findById(lb.id()).orElseThrow();
        assertThat(reloaded.proofStatus()).isEqualTo(expected);
        return reloaded;
    }

    private List<FirewallRule> ingressRules(InternalLoadBalancer lb) {
        return civo.listFirewallRules("LON1", lb.firewallId()).stream()
                .filter(rule -> "ingress".equals(rule.direction())).toList();
    }

    private void waitForVerification(InternalLoadBalancer lb) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (inventory.findById(lb.id()).orElseThrow().lastVerification() == null
                && System.currentTimeMillis() < deadline) {
            sleep(20);
        }
    }

    private String waitForProof(InternalLoadBalancer lb, String wanted) {
        long deadline = System.currentTimeMillis() + 10_000;
        String status = inventory.findById(lb.id()).orElseThrow().proofStatus();
        while (!wanted.equals(status) && System.currentTimeMillis() < deadline) {
            sleep(20);
            status = inventory.findById(lb.id()).orElseThrow().proofStatus();
        }
        return status;
    }

    private ProvisioningJob runUntilFinished(UUID requestId) {
        return new ProvisioningHarness(context).runUntilFinished(requestId);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
