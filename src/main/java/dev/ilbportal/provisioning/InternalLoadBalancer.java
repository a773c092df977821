package dev.ilbportal.provisioning;

import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One internal load balancer the portal built: the inventory's row, read by verification and auditors. */
@Entity
@Table(name = "internal_load_balancer")
public class InternalLoadBalancer {

    /** Its life as the inventory shows it; what verification proved is apart, in {@link #proofStatus()}. */
    public enum Status { ACTIVE, DECOMMISSIONING, DECOMMISSIONED }

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

    protected InternalLoadBalancer() {
    }

    public static InternalLoadBalancer from(ProvisioningJob job, Instant now) {
        InternalLoadBalancer lb = new InternalLoadBalancer();
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
    public void endOn(java.time.LocalDate date) {
        this.endsOn = date;
    }

    /** The day it should end, or null when its request set none. */
    public java.time.LocalDate endsOn() {
        return endsOn;
    }

    public void markDecommissioning(Instant now) {
        status = Status.DECOMMISSIONING;
        updatedAt = now;
    }

    public void markDecommissioned(Instant now) {
        status = Status.DECOMMISSIONED;
        updatedAt = now;
    }

    /** Whether a requester may ask for it to be taken down now. */
    public boolean canBeDecommissioned() {
        return status == Status.ACTIVE;
    }

    public UUID id() {
        return id;
    }

    public UUID requestId() {
        return requestId;
    }

    public String team() {
        return team;
    }

    public String region() {
        return region;
    }

    public String networkId() {
        return networkId;
    }

    public String name() {
        return name;
    }

    public String civoId() {
        return civoId;
    }

    public String firewallId() {
        return firewallId;
    }

    public boolean firewallCreated() {
        return firewallCreated;
    }

    public String privateIp() {
        return privateIp;
    }

    public String publicIp() {
        return publicIp;
    }

    public Status status() {
        return status;
    }

    /** Each listening port with its protocol. */
    public java.util.List<ListeningPort> listeningPorts() {
        if (ports == null || ports.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(ports.split(",")).map(ListeningPort::parse).toList();
    }

    /** A port the load balancer listens on. */
    public record ListeningPort(int port, String protocol) {

        static ListeningPort parse(String text) {
            String[] parts = text.split("/");
            return new ListeningPort(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "TCP");
        }

        public boolean isHttp() {
            return "HTTP".equals(protocol);
        }
    }

    public Instant lastVerifiedAt() {
        return lastVerifiedAt;
    }

    public String lastVerification() {
        return lastVerification;
    }

    /** What verification proved last: PROVEN, EXPOSED, UNPROVEN or STALE. */
    public String proofStatus() {
        return proofStatus;
    }

    public Instant proofStatusSince() {
        return proofStatusSince;
    }

    /** When a run last passed, or null if none ever did. */
    public Instant lastPassedAt() {
        return lastPassedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
