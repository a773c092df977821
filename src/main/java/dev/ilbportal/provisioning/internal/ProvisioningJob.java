package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.ProvisioningStep;
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.requests.SubmittedPlan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One durable job that carries an approved plan to an available load balancer, step by step. Everything a restarted
 * worker needs is in this row: the plan, the current step, the Civo ids recorded so far, and whether a create was
 * already sent (the intent flags), so no resource is ever created twice.
 */
@Entity
@Table(name = "provisioning_job")
public class ProvisioningJob {

    /** What the job does. */
    public enum Kind { PROVISION, DECOMMISSION, RESTORE_FIREWALL }

    @Id
    private UUID id;

    @Column(name = "request_id")
    private UUID requestId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    private JobStatus status;

    @Enumerated(EnumType.STRING)
    private ProvisioningStep step;

    private String team;

    private String region;

    @Column(name = "plan_json", columnDefinition = "text")
    private String planJson;

    @Column(name = "plan_hash")
    private String planHash;

    @Column(name = "network_id")
    private String networkId;

    @Column(name = "firewall_name")
    private String firewallName;

    @Column(name = "firewall_id")
    private String firewallId;

    @Column(name = "firewall_created")
    private boolean firewallCreated;

    @Column(name = "firewall_intent")
    private boolean firewallIntent;

    @Column(name = "load_balancer_name")
    private String loadBalancerName;

    @Column(name = "load_balancer_id")
    private String loadBalancerId;

    @Column(name = "load_balancer_intent")
    private boolean loadBalancerIntent;

    @Column(name = "private_ip")
    private String privateIp;

    @Column(name = "public_ip")
    private String publicIp;

    @Column(name = "step_attempts")
    private int stepAttempts;

    @Column(name = "next_run_at")
    private Instant nextRunAt;

    @Column(name = "wait_deadline")
    private Instant waitDeadline;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_reason", columnDefinition = "text")
    private String failureReason;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** The token of the claim that holds the job; null between steps. See {@link #claim}. */
    @Column(name = "lease_token")
    private UUID leaseToken;

    @Version
    private long version;

    protected ProvisioningJob() {
    }

    /** A new job for an approved plan, due at once. */
    public static ProvisioningJob provision(UUID requestId, String team, SubmittedPlan approved, Instant now) {
        ProvisioningPlan plan = ProvisioningPlan.read(approved.json(), approved.hash());
        ProvisioningJob job = pending(requestId, Kind.PROVISION, ProvisioningStep.ENSURE_FIREWALL, team,
                plan.region(), approved.json(), approved.hash(), now);
        job.networkId = plan.networkId();
        job.firewallName = plan.newFirewallName();
        job.firewallId = plan.existingFirewallId();
        job.loadBalancerName = plan.loadBalancerName();
        return job;
    }

    /** A job that deletes an inventory entry's load balancer and, if the portal created it, its firewall. */
    public static ProvisioningJob decommission(UUID requestId, InternalLoadBalancer lb, String planJson,
                                               String planHash, Instant now) {
        return onExisting(requestId, Kind.DECOMMISSION, ProvisioningStep.DELETE_LOAD_BALANCER, lb, planJson,
                planHash, now);
    }

    /**
     * A job that restores an inventory entry's firewall as the approved plan says: re-attach it if it was swapped,
     * delete each offending ingress rule by id, then confirm. Every step is safe to run again after a crash.
     */
    public static ProvisioningJob restoreFirewall(UUID requestId, InternalLoadBalancer lb, SubmittedPlan approved,
                                                  Instant now) {
        ProvisioningPlan.read(approved.json(), approved.hash());
        return onExisting(requestId, Kind.RESTORE_FIREWALL, ProvisioningStep.ATTACH_FIREWALL, lb, approved.json(),
                approved.hash(), now);
    }

    /** A job of {@code kind} on what an inventory entry already has in Civo, starting at {@code first}. */
    private static ProvisioningJob onExisting(UUID requestId, Kind kind, ProvisioningStep first,
                                              InternalLoadBalancer lb, String planJson, String planHash,
                                              Instant now) {
        ProvisioningJob job = pending(requestId, kind, first, lb.team(), lb.region(), planJson, planHash, now);
        job.networkId = lb.networkId();
        job.firewallId = lb.firewallId();
        job.firewallCreated = lb.firewallCreated();
        job.loadBalancerName = lb.name();
        job.loadBalancerId = lb.civoId();
        job.privateIp = lb.privateIp();
        job.publicIp = lb.publicIp();
        return job;
    }

    /** A new job of {@code kind} for a request's plan, at its first step and due at once. */
    private static ProvisioningJob pending(UUID requestId, Kind kind, ProvisioningStep first, String team,
                                           String region, String planJson, String planHash, Instant now) {
        ProvisioningJob job = new ProvisioningJob();
        job.id = UUID.randomUUID();
        job.requestId = requestId;
        job.kind = kind;
        job.status = JobStatus.PENDING;
        job.step = first;
        job.team = team;
        job.region = region;
        job.planJson = planJson;
        job.planHash = planHash;
        job.nextRunAt = now;
        job.createdAt = now;
        job.updatedAt = now;
        return job;
    }

    void advance(Instant now) {
        step = step.next();
        startStepAfresh(now);
        if (step == ProvisioningStep.DONE || step == ProvisioningStep.RESTORED) {
            status = JobStatus.SUCCEEDED;
        } else if (step == ProvisioningStep.CLEANED_UP) {
            status = kind == Kind.DECOMMISSION ? JobStatus.SUCCEEDED : JobStatus.ABANDONED;
        }
    }

    /** A transient fault or a wait: the same step runs again later. */
    void runAgainAt(Instant when, Instant now, boolean countsAsAttempt) {
        if (countsAsAttempt) {
            stepAttempts++;
        }
        nextRunAt = when;
        updatedAt = now;
    }

    /** After saving a detached copy, carries the stored version over so the next save is not taken as stale. */
    void versionFrom(ProvisioningJob saved) {
        version = saved.version;
    }

    /**
     * A worker claims the job until {@code leaseEnd} under a new token; no other instance takes it before then.
     * True when an earlier claim was never released: its worker stopped, or lost its lease, in the middle of the step,
     * and this claim takes the job over (the earlier worker's token no longer matches, so it can save nothing).
     */
    boolean claim(UUID token, Instant leaseEnd) {
        boolean takesOver = leaseToken != null;
        leaseToken = token;
        nextRunAt = leaseEnd;
        return takesOver;
    }

    /** Keeps the lease end the database holds (the keep-alive pushes it without going through this object). */
    void claimUntil(Instant leaseEnd) {
        nextRunAt = leaseEnd;
    }

    /** The step's outcome is saved: no worker holds the job any more. */
    void releaseLease() {
        leaseToken = null;
    }

    /** Whether {@code token} is the claim that holds the job now. */
    boolean isHeldBy(UUID token) {
        return token != null && token.equals(leaseToken);
    }

    /** A worker holds the job and its lease has not run out: a step is running, possibly sending a create to Civo. */
    public boolean isStepRunning(Instant now) {
        return status == JobStatus.PENDING && leaseToken != null && nextRunAt.isAfter(now);
    }

    void fail(String code, String reason, Instant now) {
        status = JobStatus.FAILED;
        failureCode = code;
        failureReason = reason;
        updatedAt = now;
    }

    void markFirewallIntent(Instant now) {
        firewallIntent = true;
        updatedAt = now;
    }

    void recordFirewall(String id, boolean createdByPortal, Instant now) {
        firewallId = id;
        firewallCreated = createdByPortal;
        updatedAt = now;
    }

    void markLoadBalancerIntent(Instant now) {
        loadBalancerIntent = true;
        updatedAt = now;
    }

    void recordLoadBalancer(String id, Instant now) {
        loadBalancerId = id;
        updatedAt = now;
    }

    void recordAddresses(String privateIp, String publicIp, Instant now) {
        this.privateIp = privateIp;
        this.publicIp = publicIp;
        updatedAt = now;
    }

    void startWaiting(Duration deadline, Instant now) {
        if (waitDeadline == null) {
            waitDeadline = now.plus(deadline);
        }
    }

    /** An admin's retry: the failed step runs again from a clean attempt count. */
    public void retryFromFailedStep(Instant now) {
        if (status != JobStatus.FAILED) {
            throw new JobStateConflict("Only a failed job can be retried; this one is " + status + ".");
        }
        status = JobStatus.PENDING;
        failureCode = null;
        failureReason = null;
        startStepAfresh(now);
    }

    /**
     * An admin's abandon: the job deletes what it created, checks it is gone, and ends ABANDONED. Only between steps:
     * while a step runs its worker may be creating something in Civo right now, and clean-up must start from the
     * ids that step records. A claim whose lease already ran out (its worker stopped) is void: abandoning fences it.
     */
    public void abandon(Instant now) {
        if (kind != Kind.PROVISION || status == JobStatus.SUCCEEDED || status == JobStatus.ABANDONED
                || step.isCleanUp()) {
            throw new JobStateConflict("A " + status + " job at " + step + " cannot be abandoned.");
        }
        if (isStepRunning(now)) {
            throw new JobStateConflict("A step is running (" + step.title() + "); abandon again when it has "
                    + "finished. Nothing was changed.");
        }
        leaseToken = null;
        status = JobStatus.PENDING;
        step = ProvisioningStep.DELETE_LOAD_BALANCER;
        startStepAfresh(now);
    }

    /** The current step is due at once, with no attempt counted and no wait begun. */
    private void startStepAfresh(Instant now) {
        stepAttempts = 0;
        waitDeadline = null;
        nextRunAt = now;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID requestId() {
        return requestId;
    }

    public Kind kind() {
        return kind;
    }

    public JobStatus status() {
        return status;
    }

    public ProvisioningStep step() {
        return step;
    }

    public String team() {
        return team;
    }

    public String region() {
        return region;
    }

    /** The approved plan, read back through its type after checking it still matches the approved hash. */
    public ProvisioningPlan plan() {
        return ProvisioningPlan.read(planJson, planHash);
    }

    public String planJson() {
        return planJson;
    }

    public String planHash() {
        return planHash;
    }

    public String networkId() {
        return networkId;
    }

    public String firewallName() {
        return firewallName;
    }

    public String firewallId() {
        return firewallId;
    }

    public boolean firewallCreated() {
        return firewallCreated;
    }

    public boolean firewallIntent() {
        return firewallIntent;
    }

    public String loadBalancerName() {
        return loadBalancerName;
    }

    public String loadBalancerId() {
        return loadBalancerId;
    }

    public boolean loadBalancerIntent() {
        return loadBalancerIntent;
    }

    public String privateIp() {
        return privateIp;
    }

    public String publicIp() {
        return publicIp;
    }

    public int stepAttempts() {
        return stepAttempts;
    }

    public Instant nextRunAt() {
        return nextRunAt;
    }

    public Instant waitDeadline() {
        return waitDeadline;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureReason() {
        return failureReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public UUID leaseToken() {
        return leaseToken;
    }
}
