package dev.ilbportal.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.provisioning.ProvisioningEvents.LoadBalancerProvisioned;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningFailed;
import dev.ilbportal.provisioning.ProvisioningStep;
import dev.ilbportal.requests.RequestEvents.RequestApproved;
import dev.ilbportal.requests.RequestEvents.RequestRejected;
import dev.ilbportal.requests.RequestEvents.RequestSubmitted;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.verification.ProofStatus;
import dev.ilbportal.verification.VerificationEvents.ProbeAnswerRefused;
import dev.ilbportal.verification.VerificationEvents.ProofStatusChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every event reaches the right people by mail and the right webhooks, and nobody else. */
class DeliveryPlanTests {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static final Person ALICE = person("alice", "alice@payments.example", Set.of(PortalRole.REQUESTER), "payments");
    static final Person SAM = person("sam", "sam@search.example", Set.of(PortalRole.REQUESTER), "search");
    static final Person RILEY = person("riley", "riley@payments.example",
            Set.of(PortalRole.REQUESTER, PortalRole.APPROVER), "payments");
    static final Person APRIL = person("april", "april@platform.example", Set.of(PortalRole.APPROVER));
    static final Person AUDREY = person("audrey", "audrey@risk.example", Set.of(PortalRole.AUDITOR));
    static final Person ADAM = person("adam", "adam@platform.example", Set.of(PortalRole.ADMIN));
    static final Person MAILLESS_APPROVER = person("ghost", null, Set.of(PortalRole.APPROVER));
    static final List<Person> EVERYONE = List.of(ALICE, SAM, RILEY, APRIL, AUDREY, ADAM, MAILLESS_APPROVER);

    static final Webhook PAYMENTS_HOOK = webhook("payments", true);
    static final Webhook SEARCH_HOOK = webhook("search", true);
    static final Webhook GLOBAL_HOOK = webhook(null, true);
    static final Webhook DISABLED_GLOBAL_HOOK = webhook(null, false);
    static final List<Webhook> WEBHOOKS = List.of(PAYMENTS_HOOK, SEARCH_HOOK, GLOBAL_HOOK, DISABLED_GLOBAL_HOOK);

    final UUID requestId = UUID.randomUUID();
    final UUID loadBalancerId = UUID.randomUUID();
    final RequestSummaries summaries = mock(RequestSummaries.class);
    final EventNotifications notifications = new EventNotifications(mock(Outbox.class), summaries,
            Clock.fixed(NOW, ZoneOffset.UTC));

    DeliveryPlanTests() {
        when(summaries.of(any())).thenReturn(Optional.of(new RequestSummary("payments-db", "alice", "Alice")));
    }

    static Person person(String subject, String email, Set<PortalRole> roles, String... teams) {
        return new Person(subject, subject, email, roles, Set.of(teams), NOW);
    }

    static Webhook webhook(String team, boolean enabled) {
        return new Webhook(UUID.randomUUID(), "https://hooks.example/" + team, "secret-0123456789", team, enabled,
                "adam", NOW);
    }

    static List<String> mailedTo(DeliveryPlan plan) {
        return plan.mailTo().stream().map(Person::subject).toList();
    }

    static DeliveryPlan plan(Notification notification) {
        return DeliveryPlan.of(notification, EVERYONE, Set.of(), WEBHOOKS);
    }

    @Test
    void submittedRequestMailsEveryApproverWithAnAddressButNotTheSubmitter() {
        var byAlice = plan(notifications.notificationFor(new RequestSubmitted(requestId, "payments", "LON1", 1, "h",
                new Participant("alice", "Alice"))));
        assertThat(mailedTo(byAlice)).containsExactly("april", "riley");

        var byRiley = plan(notifications.notificationFor(new RequestSubmitted(requestId, "payments", "LON1", 1, "h",
                new Participant("riley", "Riley"))));
        assertThat(mailedTo(byRiley)).containsExactly("april");
        assertThat(byRiley.webhooks()).containsExactly(PAYMENTS_HOOK, GLOBAL_HOOK);
    }

    @Test
    void submittedRequestMailLinksToTheRequestPage() {
        var notification = notifications.notificationFor(new RequestSubmitted(requestId, "payments", "LON1", 2, "h",
                new Participant("alice", "Alice")));
        assertThat(notification.kind()).isEqualTo(NotificationKind.REQUEST_SUBMITTED);
        assertThat(notification.path()).isEqualTo("/requests/" + requestId);
        assertThat(notification.title()).contains("payments-db").contains("waits for your approval");
    }

    @Test
    void approvalMailsOnlyTheRequester() {
        var plan = plan(notifications.notificationFor(new RequestApproved(requestId, "payments", "LON1", 1, "h",
                false, null, new Participant("april", "April"))));
        assertThat(mailedTo(plan)).containsExactly("alice");
        assertThat(plan.webhooks()).containsExactly(PAYMENTS_HOOK, GLOBAL_HOOK);
    }

    @Test
    void rejectionMailsTheRequesterWithTheReason() {
        var notification = notifications.notificationFor(new RequestRejected(requestId, "payments", 1,
                "Port 22 is not allowed", new Participant("april", "April")));
        assertThat(mailedTo(plan(notification))).containsExactly("alice");
        assertThat(notification.kind()).isEqualTo(NotificationKind.REQUEST_REJECTED);
        assertThat(notification.text()).contains("Reason: Port 22 is not allowed");
    }

    @Test
    void provisionedLoadBalancerMailsTheRequester() {
        var notification = notifications.notificationFor(new LoadBalancerProvisioned(UUID.randomUUID(), requestId,
                loadBalancerId, "payments", "LON1", "civo-1", "fw-1", "10.0.0.5", "74.0.0.1"));
        assertThat(mailedTo(plan(notification))).containsExactly("alice");
        assertThat(notification.path()).isEqualTo("/provisioning/requests/" + requestId);
    }

    @Test
    void failedProvisioningMailsTheRequesterAndAdmins() {
        var notification = notifications.notificationFor(new ProvisioningFailed(UUID.randomUUID(), requestId,
                "payments", ProvisioningStep.values()[0], "quota_exceeded", "Quota reached"));
        assertThat(mailedTo(plan(notification))).containsExactly("adam", "alice");
        assertThat(notification.text()).contains("Quota reached");
    }

    @Test
    void driftMailsTheTeamAndAdminsAndCallsTheTeamsWebhooks() {
        var plan = plan(notifications.notificationFor(new ProofStatusChanged(UUID.randomUUID(), loadBalancerId, "search", "search-db", ProofStatus.PROVEN, ProofStatus.EXPOSED, "FIREWALL_NO_INGRESS")));
        assertThat(mailedTo(plan)).containsExactly("adam", "sam");
        assertThat(plan.webhooks()).containsExactly(SEARCH_HOOK, GLOBAL_HOOK);
    }

    @Test
    void recoveryMailsTheTeamAndAdmins() {
        var notification = notifications.notificationFor(new ProofStatusChanged(UUID.randomUUID(), loadBalancerId, "payments", "payments-db", ProofStatus.EXPOSED, ProofStatus.PROVEN, "Every check passed"));
        assertThat(mailedTo(plan(notification))).containsExactly("adam", "alice", "riley");
        assertThat(notification.path()).isEqualTo("/verification/load-balancers/" + loadBalancerId);
    }

    @Test
    void personWhoSwitchedAKindOffGetsNoMailOfThatKind() {
        var notification = notifications.notificationFor(new RequestSubmitted(requestId, "payments", "LON1", 1, "h",
                new Participant("alice", "Alice")));
        var plan = DeliveryPlan.of(notification, EVERYONE, Set.of("april"), WEBHOOKS);
        assertThat(mailedTo(plan)).containsExactly("riley");
    }

    @Test
    void personReachedTwiceIsMailedOnce() {
        var adminInTeam = person("ada", "ada@payments.example", Set.of(PortalRole.ADMIN), "payments");
        var notification = notifications.notificationFor(new ProofStatusChanged(UUID.randomUUID(), loadBalancerId, "payments", "payments-db", ProofStatus.PROVEN, ProofStatus.EXPOSED, "OUTSIDE_CLOSED"));
        var plan = DeliveryPlan.of(notification, List.of(adminInTeam, adminInTeam), Set.of(), List.of());
        assertThat(mailedTo(plan)).containsExactly("ada");
    }

    @Test
    void disabledWebhookReceivesNothing() {
        var plan = plan(notifications.notificationFor(new ProofStatusChanged(UUID.randomUUID(), loadBalancerId, "marketing", "m", ProofStatus.EXPOSED, ProofStatus.PROVEN, "Every check passed")));
        assertThat(plan.webhooks()).containsExactly(GLOBAL_HOOK);
    }

    @Test
    void exposureOnTheVeryFirstRunMailsTheTeamAndAdminsAsDrift() {
        var notification = notifications.notificationFor(new ProofStatusChanged(UUID.randomUUID(), loadBalancerId,
                "payments", "payments-db", ProofStatus.UNPROVEN, ProofStatus.EXPOSED, "Failed: NO_INGRESS_RULES"));
        assertThat(notification.kind()).isEqualTo(NotificationKind.DRIFTED);
        assertThat(notification.title()).contains("exposed");
        assertThat(mailedTo(plan(notification))).containsExactly("adam", "alice", "riley");
    }

    @Test
    void staleProofMailsTheTeamAndAdmins() {
        var notification = notifications.notificationFor(new ProofStatusChanged(null, loadBalancerId, "search",
                "search-db", ProofStatus.UNPROVEN, ProofStatus.STALE, "Last passing run at 2026-03-01T07:00:00Z"));
        assertThat(notification.kind()).isEqualTo(NotificationKind.STALE);
        assertThat(mailedTo(plan(notification))).containsExactly("adam", "sam");
    }

    @Test
    void refusedAgentAnswerMailsOnlyAdmins() {
        var notification = notifications.notificationFor(new ProbeAnswerRefused("probe-agent-outside (agent)",
                "Refused the probe agent's answer: it was unsigned"));
        assertThat(notification.kind()).isEqualTo(NotificationKind.PROBE_ANSWER_REFUSED);
        assertThat(mailedTo(plan(notification))).containsExactly("adam");
    }
}
