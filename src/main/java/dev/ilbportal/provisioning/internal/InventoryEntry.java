package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InternalLoadBalancer.ListeningPort;
import dev.ilbportal.provisioning.InternalLoadBalancer.Status;
import dev.ilbportal.provisioning.InventoryVerificationState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The inventory's row of one internal load balancer the portal built, with the changes only provisioning makes to it.
 * It never leaves this package: everyone else reads it as an {@link InternalLoadBalancer} through {@link #view()}.
 */
@Entity
@Table(name = "internal_load_balancer")
class InventoryEntry {

    @Id
    private UUID id;

    @Column(name = "request_id")
    private UUID requestId;

    private String team;

    private String region;

    @Column(name = "network_id")
    private String networkId;

    private String name;

    @Column(name = "civo_id")
    private String civoId;

    @Column(name = "firewall_id")
    private String firewallId;

    @Column(name = "firewall_created")
    private boolean firewallCreated;

    @Column(name = "private_ip")
    private String privateIp;

    @Column(name = "public_ip")
    private String publicIp;

    @Enumerated(EnumType.STRING)
    private Status status;

    /** What it listens on, as approved: {@code 443/TCP,80/HTTP}. */
    private String ports;

    @Column(name = "last_verified_at")
    private Instant lastVerifiedAt;

    @Column(name = "last_verification")
    private String lastVerification;

    /** Verification's proof status (PROVEN, EXPOSED, UNPROVEN, STALE), written only through
     * {@link InventoryVerificationState}. */
    @Column(name = "proof_status")
    private String proofStatus;

    @Column(name = "proof_status_since")
    private Instant proofStatusSince;

    @Column(name = "last_passed_at")
    private Instant lastPassedAt;

    /** The day it should end (optional), from its request; see {@code EndDates}. */
    @Column(name = "ends_on")
    private java.time.LocalDate endsOn;

    @Column(name = "reminded_week_before_at")
    private Instant remindedWeekBeforeAt;

    @Column(name = "reminded_day_before_at")
    private Instant remindedDayBeforeAt;

    @Column(name = "end_decommission_filed_at")
    private Instant endDecommissionFiledAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected InventoryEntry() {
    }

    /** The entry of the load balancer a provisioning job has just built: active, not proven yet. */
    static InventoryEntry from(ProvisioningJob job, Instant now) {
        InventoryEntry lb = new InventoryEntry();
        lb.id = UUID.randomUUID();
        lb.requestId = job.requestId();
        lb.team = job.team();
        lb.region = job.region();
        lb.networkId = job.networkId();
        lb.name = job.loadBalancerName();
        lb.civoId = job.loadBalancerId();
        lb.firewallId = job.firewallId();
        lb.firewallCreated = job.firewallCreated();
        lb.privateIp = job.privateIp();
        lb.publicIp = job.publicIp();
        lb.status = Status.ACTIVE;
        lb.proofStatus = "UNPROVEN";
        lb.proofStatusSince = now;
        lb.ports = String.join(",", job.plan().listeningPorts());
        lb.createdAt = now;
        lb.updatedAt = now;
        return lb;
    }

    /** Carries the end date its request asked for (null: none). */
    void endOn(java.time.LocalDate date) {
        this.endsOn = date;
    }

    /** An approved extension: the new end date, and the reminders and the end-of-life filing start over. */
    void extendTo(java.time.LocalDate date, Instant now) {
        this.endsOn = date;
        this.remindedWeekBeforeAt = null;
        this.remindedDayBeforeAt = null;
        this.endDecommissionFiledAt = null;
        this.updatedAt = now;
    }

    /** The day it should end, or null when its request set none. */
    java.time.LocalDate endsOn() {
        return endsOn;
    }

    void markDecommissioning(Instant now) {
        status = Status.DECOMMISSIONING;
        updatedAt = now;
    }

    void markDecommissioned(Instant now) {
        status = Status.DECOMMISSIONED;
        updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String team() {
        return team;
    }

    String region() {
        return region;
    }

    String civoId() {
        return civoId;
    }

    String firewallId() {
        return firewallId;
    }

    boolean firewallCreated() {
        return firewallCreated;
    }

    String privateIp() {
        return privateIp;
    }

    String publicIp() {
        return publicIp;
    }

    /** The read-only view of this row that leaves provisioning's internals. */
    InternalLoadBalancer view() {
        return new InternalLoadBalancer(id, requestId, team, region, networkId, name, civoId, firewallId,
                firewallCreated, privateIp, publicIp, status, ListeningPort.parseAll(ports), lastVerifiedAt,
                lastVerification, proofStatus, proofStatusSince, lastPassedAt, endsOn, createdAt);
    }
}
