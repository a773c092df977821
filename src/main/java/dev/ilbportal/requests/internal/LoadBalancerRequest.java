package dev.ilbportal.requests.internal;

import dev.ilbportal.requests.SubmittedPlan;
import dev.ilbportal.requests.RequestKind;
import dev.ilbportal.requests.RequestRuleViolation;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.internal.RequestDecision.Outcome;
import dev.ilbportal.requests.RequestEvents.DraftCreated;
import dev.ilbportal.requests.RequestEvents.RequestApprovalRecorded;
import dev.ilbportal.requests.RequestEvents.RequestApproved;
import dev.ilbportal.requests.RequestEvents.RequestEdited;
import dev.ilbportal.requests.RequestEvents.RequestExpired;
import dev.ilbportal.requests.RequestEvents.RequestRejected;
import dev.ilbportal.requests.RequestEvents.RequestSubmitted;
import dev.ilbportal.requests.RequestEvents.RequestWithdrawn;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.util.StringUtils;

/**
 * A team's request for one internal load balancer, as a small state machine: draft, submitted (with numbered,
 * immutable revisions), then approved, rejected, withdrawn or expired. Every approval is tied to one revision by
 * its plan hash; an edit voids them. Transitions check the state and who acts, and raise events.
 */
@Entity
@Table(name = "lb_request")
public class LoadBalancerRequest extends AbstractAggregateRoot<LoadBalancerRequest> {

    @Id
    private UUID id;

    private String team;

    private String region;

    private String name;

    @Enumerated(EnumType.STRING)
    private RequestStatus status;

    @Enumerated(EnumType.STRING)
    private RequestKind kind = RequestKind.PROVISION;

    /** For a decommission: the inventory entry of the load balancer to remove. */
    @Column(name = "load_balancer_id")
    private UUID loadBalancerId;

    @Column(name = "requester_subject")
    private String requesterSubject;

    @Column(name = "requester_name")
    private String requesterName;

    @Column(name = "spec_json", columnDefinition = "text")
    private String specJson;

    @Column(name = "current_revision")
    private int currentRevision;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    /** The day the load balancer should end (optional): the portal reminds the team and files its decommission. */
    @Column(name = "ends_on")
    private java.time.LocalDate endsOn;

    @Version
    private long version;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<RequestRevision> revisions = new ArrayList<>();

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("decidedAt")
    private List<RequestDecision> decisions = new ArrayList<>();

    /** Everyone who changed the spec; kept so that no editor can approve what they shaped. */
    @ElementCollection
    @CollectionTable(name = "lb_request_editor", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "subject")
    private Set<String> editorSubjects = new LinkedHashSet<>();

    protected LoadBalancerRequest() {
    }

    private LoadBalancerRequest(UUID id, String team, Participant requester, String specJson, String region,
                                String name, Instant now) {
        this.id = id;
        this.team = team;
        this.requesterSubject = requester.subject();
        this.requesterName = requester.displayName();
        this.status = RequestStatus.DRAFT;
        this.specJson = specJson;
        this.region = region;
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Starts a draft for one of the requester's teams. */
    public static LoadBalancerRequest draft(String team, Participant requester, SpecSnapshot spec, Instant now) {
        if (!StringUtils.hasText(team)) {
            throw new RequestRuleViolation("A request belongs to one of your teams; choose a team.");
        }
        LoadBalancerRequest request = new LoadBalancerRequest(UUID.randomUUID(), team, requester, spec.json(),
                spec.region(), spec.name(), now);
        request.registerEvent(new DraftCreated(request.id, team, spec.name(), requester));
        return request;
    }

    /**
     * Asks for an internal load balancer to be taken down. It is submitted at once with its plan and goes through the
     * same approvals as a new one; only the requester's team may ask.
     */
    public static LoadBalancerRequest decommission(String team, Participant requester, UUID loadBalancerId,
                                                   SpecSnapshot spec, SubmittedPlan plan, Instant now,
                                                   Duration expiry) {
        return askAbout(RequestKind.DECOMMISSION, team, requester, loadBalancerId, spec, null, plan, now, expiry);
    }

    /**
     * Asks for an exposed load balancer's firewall to be restored, with the plan of Civo calls read at the time of
     * asking. Submitted at once; it goes through the same approvals as any request unless a policy approves it.
     */
    public static LoadBalancerRequest restoreFirewall(String team, Participant requester, UUID loadBalancerId,
                                                      SpecSnapshot spec, SubmittedPlan plan, Instant now,
                                                      Duration expiry) {
        return askAbout(RequestKind.RESTORE_FIREWALL, team, requester, loadBalancerId, spec, null, plan, now, expiry);
    }

    /**
     * Asks for a load balancer's end date to move to {@code endsOn}. Submitted at once with a plan of no Civo call;
     * approved like any request.
     */
    public static LoadBalancerRequest extendEndDate(String team, Participant requester, UUID loadBalancerId,
                                                    SpecSnapshot spec, java.time.LocalDate endsOn,
                                                    SubmittedPlan plan, Instant now, Duration expiry) {
        return askAbout(RequestKind.EXTEND_END_DATE, team, requester, loadBalancerId, spec, endsOn, plan, now, expiry);
    }

    /** A request of {@code kind} about an existing load balancer, submitted at once with its plan. */
    private static LoadBalancerRequest askAbout(RequestKind kind, String team, Participant requester,
                                                UUID loadBalancerId, SpecSnapshot spec, java.time.LocalDate endsOn,
                                                SubmittedPlan plan, Instant now, Duration expiry) {
        LoadBalancerRequest request = draft(team, requester, spec, now);
        request.kind = kind;
        request.loadBalancerId = loadBalancerId;
        request.endsOn = endsOn;
        request.submit(plan, requester, now, expiry);
        return request;
    }

    /**
     * The portal's own approval of the current revision under a configured policy; the policy's name is the reason
     * the audit trail shows. Nobody's separation of duties is bypassed: no person decides.
     */
    public void approveByPolicy(String policy, Instant now) {
        requireStatus("approve", RequestStatus.SUBMITTED);
        RequestRevision current = currentRevision().orElseThrow();
        Participant portal = new Participant("portal:policy", "ILB Portal (policy)");
        String reason = "Approved by policy " + policy;
        decisions.add(new RequestDecision(this, current.number(), current.planHash(), Outcome.POLICY_APPROVED, portal,
                reason, now));
        status = RequestStatus.APPROVED;
        decidedAt = now;
        updatedAt = now;
        registerEvent(new RequestApproved(id, team, region, current.number(), current.planHash(), false, reason,
                portal));
    }

    /**
     * Changes what is asked for. A rejected request reopens as a draft; a submitted one gets no new revision until
     * it is submitted again, and every approval given so far is voided.
     */
    public void edit(SpecSnapshot spec, Participant by, Instant now) {
        if (kind != RequestKind.PROVISION) {
            throw new RequestRuleViolation("A " + kind.title().toLowerCase() + " request cannot be edited; withdraw it "
                    + "and ask again.");
        }
        requireStatus("edit", RequestStatus.DRAFT, RequestStatus.SUBMITTED, RequestStatus.REJECTED);
        RequestStatus before = status;
        int voided = voidOpenApprovals();
        this.specJson = spec.json();
        this.region = spec.region();
        this.name = spec.name();
        this.updatedAt = now;
        this.editors().add(by.subject());
        if (status != RequestStatus.DRAFT) {
            status = RequestStatus.DRAFT;
            expiresAt = null;
        }
        registerEvent(new RequestEdited(id, team, before, voided, by));
    }

    /** Sets (or, with null, clears) the day the load balancer should end; only before the request is submitted. */
    public void endOn(java.time.LocalDate date, Instant now) {
        requireStatus("change its end date", RequestStatus.DRAFT);
        this.endsOn = date;
        this.updatedAt = now;
    }

    public java.time.LocalDate endsOn() {
        return endsOn;
    }

    /** Freezes the current spec and its plan into the next revision and puts it in the approvers' queue. */
    public RequestRevision submit(SubmittedPlan plan, Participant by, Instant now, Duration expiry) {
        requireStatus("submit", RequestStatus.DRAFT);
        RequestRevision revision = new RequestRevision(this, currentRevision + 1, specJson, plan, by, now);
        revisions.add(revision);
        currentRevision = revision.number();
        status = RequestStatus.SUBMITTED;
        submittedAt = now;
        updatedAt = now;
        expiresAt = now.plus(expiry);
        registerEvent(new RequestSubmitted(id, team, region, currentRevision, plan.hash(), by));
        return revision;
    }

    /**
     * An approver's approval of exactly the revision they reviewed. When enough approvals of that revision are in,
     * the request is approved.
     */
    public void approve(int revision, String planHash, Participant approver, int approvalsNeeded, Instant now) {
        requireDecidable(revision, planHash, approver);
        if (decisions.stream().anyMatch(d -> d.countsAsApprovalOf(revision)
                && d.decider().subject().equals(approver.subject()))) {
            throw new RequestRuleViolation("You have already approved revision " + revision + ".");
        }
        decisions.add(new RequestDecision(this, revision, planHash, Outcome.APPROVED, approver, null, now));
        updatedAt = now;
        int approvals = approvalsOf(revision);
        registerEvent(new RequestApprovalRecorded(id, team, revision, planHash, approvals, approvalsNeeded,
                approver));
        if (approvals >= approvalsNeeded) {
            status = RequestStatus.APPROVED;
            decidedAt = now;
            registerEvent(new RequestApproved(id, team, region, revision, planHash, false, null, approver));
        }
    }

    /** An approver's rejection of the revision they reviewed; the reason is shown to the requester. */
    public void reject(int revision, String planHash, Participant approver, String reason, Instant now) {
        if (!StringUtils.hasText(reason)) {
            throw new RequestRuleViolation("A rejection needs a reason, so the requester knows what to change.");
        }
        requireDecidable(revision, planHash, approver);
        decisions.add(new RequestDecision(this, revision, planHash, Outcome.REJECTED, approver, reason.strip(),
                now));
        status = RequestStatus.REJECTED;
        decidedAt = now;
        updatedAt = now;
        registerEvent(new RequestRejected(id, team, revision, reason.strip(), approver));
    }

    /**
     * An admin's audited override: approves the current revision outside the usual rules (for example when the only
     * approver is also an editor). It needs a reason.
     */
    public void overrideApprove(int revision, String planHash, Participant admin, String reason, Instant now) {
        if (!StringUtils.hasText(reason)) {
            throw new RequestRuleViolation("An override needs a reason for the audit trail.");
        }
        // Separation of duties holds for admins too: an override is someone else's decision, never one's own.
        requireDecidable(revision, planHash, admin);
        decisions.add(new RequestDecision(this, revision, planHash, Outcome.OVERRIDE_APPROVED, admin,
                reason.strip(), now));
        status = RequestStatus.APPROVED;
        decidedAt = now;
        updatedAt = now;
        registerEvent(new RequestApproved(id, team, region, revision, planHash, true, reason.strip(), admin));
    }

    /** The requester's team takes the request back before it is decided. */
    public void withdraw(Participant by, Instant now) {
        requireStatus("withdraw", RequestStatus.SUBMITTED, RequestStatus.DRAFT, RequestStatus.REJECTED);
        RequestStatus before = status;
        voidOpenApprovals();
        status = RequestStatus.WITHDRAWN;
        decidedAt = now;
        updatedAt = now;
        registerEvent(new RequestWithdrawn(id, team, before, by));
    }

    /** Marks a submitted request that nobody decided in time. Returns false when it is not (yet) due. */
    public boolean expireIfDue(Instant now) {
        if (status != RequestStatus.SUBMITTED || expiresAt == null || expiresAt.isAfter(now)) {
            return false;
        }
        status = RequestStatus.EXPIRED;
        decidedAt = now;
        updatedAt = now;
        registerEvent(new RequestExpired(id, team, currentRevision));
        return true;
    }

    private void requireDecidable(int revision, String planHash, Participant approver) {
        requireStatus("decide on", RequestStatus.SUBMITTED);
        requireCurrentRevision(revision, planHash);
        if (approver.subject().equals(requesterSubject)) {
            throw new RequestRuleViolation("You asked for this load balancer, so you cannot decide on it.");
        }
        if (authorsAndEditors().contains(approver.subject())) {
            throw new RequestRuleViolation("You edited this request, so you cannot decide on it.");
        }
    }

    private void requireCurrentRevision(int revision, String planHash) {
        Optional<RequestRevision> current = currentRevision();
        if (current.isEmpty() || current.get().number() != revision || !current.get().planHash().equals(planHash)) {
            throw new RequestRuleViolation("This request changed since you opened it: revision " + revision
                    + " is no longer the one waiting for a decision. Review revision " + currentRevision + ".");
        }
    }

    private void requireStatus(String action, RequestStatus... allowed) {
        for (RequestStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new RequestRuleViolation("A request that is " + status.name().toLowerCase()
                + " cannot " + action + " any more.");
    }

    private int voidOpenApprovals() {
        int voided = 0;
        for (RequestDecision decision : decisions) {
            if (!decision.isVoided() && decision.outcome() == Outcome.APPROVED) {
                decision.voidDecision();
                voided++;
            }
        }
        return voided;
    }

    private int approvalsOf(int revision) {
        return (int) decisions.stream().filter(d -> d.countsAsApprovalOf(revision)).count();
    }

    private Set<String> editors() {
        return editorSubjects;
    }

    /** The requester and everyone who wrote a revision of this request or edited it: none of them may decide. */
    public Set<String> authorsAndEditors() {
        Set<String> people = new LinkedHashSet<>();
        people.add(requesterSubject);
        revisions.forEach(revision -> people.add(revision.author().subject()));
        people.addAll(editors());
        return people;
    }

    public UUID id() {
        return id;
    }

    public String team() {
        return team;
    }

    public RequestKind kind() {
        return kind;
    }

    public UUID loadBalancerId() {
        return loadBalancerId;
    }

    public String region() {
        return region;
    }

    public String name() {
        return name;
    }

    public RequestStatus status() {
        return status;
    }

    public Participant requester() {
        return new Participant(requesterSubject, requesterName);
    }

    public String specJson() {
        return specJson;
    }

    public int currentRevisionNumber() {
        return currentRevision;
    }

    public Optional<RequestRevision> currentRevision() {
        return revisions.stream().filter(r -> r.number() == currentRevision).findFirst();
    }

    public List<RequestRevision> revisions() {
        return Collections.unmodifiableList(revisions);
    }

    public List<RequestDecision> decisions() {
        return Collections.unmodifiableList(decisions);
    }

    public int approvalsOfCurrentRevision() {
        return approvalsOf(currentRevision);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public long version() {
        return version;
    }
}
