package dev.ilbportal.provisioning;

import static org.mockito.BDDMockito.given;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.provisioning.internal.ProvisioningWorker;
import dev.ilbportal.requests.Decommissions.DecommissionAsk;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.RequestEvents.RequestApproved;
import dev.ilbportal.requests.RequestKind;
import dev.ilbportal.requests.RequestLookup;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.RequestView;
import dev.ilbportal.requests.SubmittedPlan;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.PlanBuilder;
import dev.ilbportal.support.Poll;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For module tests whose context has provisioning but not requests: the approvals requests would announce, with
 * requests' look-up (a mock in the test's context) answering for each request as requests would, and the plan
 * requests' own {@link PlanBuilder} writes. The provisioning worker runs on the caller's thread, so a
 * {@code Scenario} sees the events it publishes and the events published by what runs after them. Built from the
 * test's application context, as {@link ProvisioningHarness} is.
 */
public final class AnnouncedApprovals {

    public static final CurrentUser REQUESTER = new CurrentUser("module-requester", "Module Requester",
            "requester@example.org", Set.of(PortalRole.REQUESTER), Set.of("payments"));
    private static final Participant APPROVER = new Participant("module-approver", "Module Approver");
    private static final Duration JOB_DEADLINE = Duration.ofSeconds(20);

    private final RequestLookup requests;
    private final CivoClient civo;
    private final ProvisioningWorker worker;
    private final InventoryVerificationState inventory;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    public AnnouncedApprovals(ApplicationContext context) {
        this.requests = context.getBean(RequestLookup.class);
        this.civo = context.getBean(CivoClient.class);
        this.worker = context.getBean(ProvisioningWorker.class);
        this.inventory = context.getBean(InventoryVerificationState.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.events = context;
    }

    /** The approval of a new payments load balancer named {@code name} in LON1, with a firewall of its own. */
    public RequestApproved provisioning(UUID requestId, String name) {
        var spec = new ApprovedRequestFixture(null, null, civo).spec(name, FirewallChoice.create(""));
        SubmittedPlan plan = PlanBuilder.planFor(spec).toSubmitted();
        given(requests.find(requestId)).willReturn(Optional.of(new RequestView(requestId, "payments", "LON1", name,
                RequestKind.PROVISION, RequestStatus.APPROVED, null, Participant.of(REQUESTER), 1)));
        given(requests.planOf(requestId, 1)).willReturn(Optional.of(plan));
        return new RequestApproved(requestId, "payments", "LON1", 1, plan.hash(), false, null, APPROVER);
    }

    /** The approval of the decommission request provisioning asked for with {@code ask}. */
    public RequestApproved decommission(UUID requestId, DecommissionAsk ask) {
        given(requests.find(requestId)).willReturn(Optional.of(new RequestView(requestId, ask.team(), ask.region(),
                ask.name(), RequestKind.DECOMMISSION, RequestStatus.APPROVED, ask.loadBalancerId(), ask.by(), 1)));
        given(requests.planOf(requestId, 1)).willReturn(Optional.of(ask.plan().toSubmitted()));
        return new RequestApproved(requestId, ask.team(), ask.region(), 1, ask.plan().hash(), false, null, APPROVER);
    }

    /**
     * A {@code Scenario}'s stimulus: the approval commits (the job with it, as in requests' transaction), then the
     * worker runs the job's steps until it has finished; its result is the request's id.
     */
    public BiFunction<TransactionOperations, ApplicationEventPublisher, UUID> announcedAndRun(RequestApproved approved) {
        return (tx, publisher) -> announceAndRunTheJob(tx, publisher, approved);
    }

    private UUID announceAndRunTheJob(TransactionOperations tx, ApplicationEventPublisher publisher,
                                      RequestApproved approved) {
        tx.executeWithoutResult(status -> publisher.publishEvent(approved));
        Poll.until("the job of request " + approved.requestId() + " to finish", JOB_DEADLINE, () -> {
            if (worker.jobOf(approved.requestId()).orElseThrow().status().isFinished()) {
                return true;
            }
            worker.runNextDueJob();
            return false;
        });
        return approved.requestId();
    }

    /** A new payments load balancer named {@code name}, approved and built. */
    public InternalLoadBalancer provisioned(String name) {
        RequestApproved approved = provisioning(UUID.randomUUID(), name);
        announceAndRunTheJob(transactions, events, approved);
        return builtFor(approved.requestId())
                .orElseThrow(() -> new AssertionError("nothing in the inventory for " + name));
    }

    /** The active inventory entry built for the request, through provisioning's published API. */
    public Optional<InternalLoadBalancer> builtFor(UUID requestId) {
        return inventory.verifiable().stream().filter(lb -> lb.requestId().equals(requestId)).findFirst();
    }
}
