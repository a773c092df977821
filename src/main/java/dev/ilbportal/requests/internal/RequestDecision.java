package dev.ilbportal.requests.internal;

import dev.ilbportal.requests.Participant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An approver's approval or rejection of one revision; voided when the request is edited afterwards. */
@Entity
@Table(name = "lb_request_decision")
public class RequestDecision {

    /** What was decided. An override is an admin's approval outside the normal rules, with a reason;
     * a policy approval is the portal's own, under a configured policy that names itself as the reason. */
    public enum Outcome { APPROVED, REJECTED, OVERRIDE_APPROVED, POLICY_APPROVED }

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private LoadBalancerRequest request;

    @Column(name = "revision_number")
    private int revisionNumber;

    @Column(name = "plan_hash")
    private String planHash;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Column(name = "decider_subject")
    private String deciderSubject;

    @Column(name = "decider_name")
    private String deciderName;

    private String reason;

    @Column(name = "decided_at")
    private Instant decidedAt;

    private boolean voided;

    protected RequestDecision() {
    }

    RequestDecision(LoadBalancerRequest request, int revisionNumber, String planHash, Outcome outcome,
                    Participant decider, String reason, Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.request = request;
        this.revisionNumber = revisionNumber;
        this.planHash = planHash;
        this.outcome = outcome;
        this.deciderSubject = decider.subject();
        this.deciderName = decider.displayName();
        this.reason = reason;
        this.decidedAt = decidedAt;
    }

    void voidDecision() {
        voided = true;
    }

    public int revisionNumber() {
        return revisionNumber;
    }

    public String planHash() {
        return planHash;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Participant decider() {
        return new Participant(deciderSubject, deciderName);
    }

    public String reason() {
        return reason;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public boolean isVoided() {
        return voided;
    }

    boolean countsAsApprovalOf(int revision) {
        return !voided && revisionNumber == revision && outcome != Outcome.REJECTED;
    }
}
