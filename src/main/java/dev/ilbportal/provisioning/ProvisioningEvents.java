package dev.ilbportal.provisioning;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What provisioning did, for the request page, verification, notifications and the audit trail. Each is recorded in
 * the transaction that saves the job's step.
 */
public final class ProvisioningEvents {

    private ProvisioningEvents() {
    }

    private static final Actor WORKER = Actor.portal("provisioning");


    /** Details without nulls (the audit trail's canonical JSON keeps what is there). */
    private static Map<String, Object> present(Object... keysAndValues) {
        Map<String, Object> details = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                details.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return details;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public record ProvisioningStarted(UUID jobId, UUID requestId, String team, String region) implements PortalEvent {
        public Actor actor() { return WORKER; }
        public String action() { return "provisioning.started"; }
        public EventSubject subject() { return EventSubject.request(requestId.toString(), team); }
        public Object after() { return Map.of("job", jobId.toString(), "status", "PENDING"); }
        public Map<String, Object> details() { return present("region", region); }
    }

    public record ProvisioningStepCompleted(UUID jobId, UUID requestId, String team, ProvisioningStep step,
                                            String civoId, String detail) implements PortalEvent {
        public Actor actor() { return WORKER; }
        public String action() { return "provisioning.step-completed"; }
        public EventSubject subject() { return EventSubject.request(requestId.toString(), team); }
        public Object after() { return present("step", step.name(), "civo_id", civoId); }
        public Map<String, Object> details() { return present("job", jobId.toString(), "detail", detail); }
    }

    public record ProvisioningStepRetried(UUID jobId, UUID requestId, String team, ProvisioningStep step,
                                          int attempt, String code, String reason) implements PortalEvent {
        public Actor actor() { return WORKER; }
        public String action() { return "provisioning.step-retried"; }
        public EventSubject subject() { return EventSubject.request(requestId.toString(), team); }
        public Object after() { return present("step", step.name(), "attempt", attempt); }
        public Map<String, Object> details() { return present("code", code, "reason", reason); }
    }

    /**
     * A step's earlier attempt stopped before saving its outcome and its lease ran out; another claim runs the step
     * again (looking up by name before any create, so nothing is built twice).
     */
    public record ProvisioningStepResumed(UUID jobId, UUID requestId, String team, ProvisioningStep step,
                                          String detail) implements PortalEvent {
        public Actor actor() { return WORKER; }
        public String action() { return "provisioning.step-resumed"; }
        public EventSubject subject() { return EventSubject.request(requestId.toString(), team); }
        public Object after() { return present("step", step.name()); }
        public Map<String, Object> details() { return present("job", jobId.toString(), "detail", detail); }
    }

    public record ProvisioningFailed(UUID jobId, UUID requestId, String team, ProvisioningStep step, String code,
                                     String reason) implements PortalEvent {
        public Actor actor() { return WORKER; }
        public String action() { return "provisioning.failed"; }
        public EventSubject subject() { return EventSubject.request(requestId.toString(), team); }
        public Object after() { return present("status", "FAILED", "step", step.name()); }
        public Map<String, Object> details() { return present("code", code, "reason", reason); }
    }

    public record LoadBalancerProvisioned(UUID jobId, UUID requestId, UUID loadBalancerId, String team,
                                          String region, String civoId, String firewallId, String privateIp,
                                          String publicIp) implements PortalEvent {
        public Actor actor() { return WORKER; }
        public String action() { return "provisioning.load-balancer-provisioned"; }
        public EventSubject subject() {
            return EventSubject.loadBalancer(loadBalancerId.toString(), requestId.toString(), team);
        }
        public Object after() {
            return present("status", "ACTIVE", "civo_id", civoId, "firewall_id", firewallId, "private_ip", privateIp,
                    "public_ip", publicIp, "region", region);
        }
    }

    public record ProvisioningRetriedByAdmin(UUID jobId, UUID requestId, String team, ProvisioningStep step,
                                             Actor admin) implements PortalEvent {
        public Actor actor() { return admin; }
        public String action() { return "provisioning.retried"; }
        public EventSubject subject() { return EventSubject.request(requestId.toString(), team); }
        public Object before() { return present("status", "FAILED", "step", step.name()); }
        public Object after() { return present("status", "PENDING", "step", step.name()); }
    }

    public record ProvisioningAbandoned(UUID jobId, UUID requestId, String team, Actor admin)
            implements PortalEvent {
        public Actor actor() { return admin; }
        public String action() { return "provisioning.abandoned"; }
        public EventSubject subject() { return EventSubject.request(requestId.toString(), team); }
        public Object after() { return present("status", "CLEANING_UP"); }
    }

    public record ProvisioningCleanedUp(UUID jobId, UUID requestId, String team, String deletedLoadBalancerId,
                                        String deletedFirewallId) implements PortalEvent {
        public Actor actor() { return WORKER; }
        public String action() { return "provisioning.cleaned-up"; }
        public EventSubject subject() { return EventSubject.request(requestId.toString(), team); }
        public Object after() {
            return present("deleted_load_balancer", deletedLoadBalancerId, "deleted_firewall", deletedFirewallId);
        }
    }

    public record DecommissionRequested(UUID requestId, UUID loadBalancerId, String team, Actor requester)
            implements PortalEvent {
        public Actor actor() { return requester; }
        public String action() { return "provisioning.decommission-requested"; }
        public EventSubject subject() {
            return EventSubject.loadBalancer(loadBalancerId.toString(), requestId.toString(), team);
        }
        public Map<String, Object> details() { return Map.of("decommission_request", requestId.toString()); }
    }

    public record LoadBalancerDecommissioned(UUID jobId, UUID requestId, UUID loadBalancerId, String team,
                                             String region, String civoId, String deletedFirewallId)
            implements PortalEvent {
        public Actor actor() { return WORKER; }
        public String action() { return "provisioning.load-balancer-decommissioned"; }
        public EventSubject subject() {
            return EventSubject.loadBalancer(loadBalancerId.toString(), requestId.toString(), team);
        }
        public Object before() { return Map.of("status", "DECOMMISSIONING"); }
        public Object after() {
            return present("status", "DECOMMISSIONED", "deleted_civo_id", civoId, "deleted_firewall",
                    deletedFirewallId, "region", region);
        }
    }

    /** Someone asked for an exposed load balancer's firewall to be restored; the plan is the request's. */
    public record FirewallRestoreRequested(UUID requestId, UUID loadBalancerId, String team, Actor requester,
                                           int rulesToDelete, boolean reattach,
                                           boolean approvedByPolicy) implements PortalEvent {
        public Actor actor() { return requester; }
        public String action() { return "provisioning.firewall-restore-requested"; }
        public EventSubject subject() {
            return EventSubject.loadBalancer(loadBalancerId.toString(), requestId.toString(), team);
        }
        public Map<String, Object> details() {
            return present("restore_request", text(requestId), "rules_to_delete", rulesToDelete,
                    "reattach_firewall", reattach, "approved_by_policy", approvedByPolicy);
        }
    }

    /** The restore job finished: Civo shows the approved firewall attached, with no ingress rule. */
    public record FirewallRestored(UUID jobId, UUID requestId, UUID loadBalancerId, String team, String region,
                                   String civoId, String firewallId) implements PortalEvent {
        public Actor actor() { return WORKER; }
        public String action() { return "provisioning.firewall-restored"; }
        public EventSubject subject() {
            return EventSubject.loadBalancer(loadBalancerId.toString(), requestId.toString(), team);
        }
        public Object after() {
            return present("firewall_id", firewallId, "ingress_rules", 0, "civo_id", civoId, "region", region);
        }
    }

    /** The team's reminder that a load balancer reaches its end date soon (sent once 7 days, once 1 day before). */
    public record LoadBalancerEndingSoon(UUID loadBalancerId, UUID requestId, String team, String name,
                                         java.time.LocalDate endsOn, int daysBefore) implements PortalEvent {
        public Actor actor() { return Actor.portal("end-dates"); }
        public String action() { return "provisioning.end-date-reminded"; }
        public EventSubject subject() {
            return EventSubject.loadBalancer(loadBalancerId.toString(), requestId.toString(), team);
        }
        public Map<String, Object> details() {
            return present("ends_on", text(endsOn), "days_before", daysBefore);
        }
    }

    /** A load balancer reached its end date and the portal filed its decommission request. */
    public record EndDateReached(UUID loadBalancerId, UUID requestId, UUID decommissionRequestId, String team,
                                 java.time.LocalDate endsOn) implements PortalEvent {
        public Actor actor() { return Actor.portal("end-dates"); }
        public String action() { return "provisioning.end-of-life-decommission-requested"; }
        public EventSubject subject() {
            return EventSubject.loadBalancer(loadBalancerId.toString(), requestId.toString(), team);
        }
        public Map<String, Object> details() {
            return present("decommission_request", text(decommissionRequestId), "ends_on", text(endsOn),
                    "filed_by", "end date");
        }
    }

    /** An approved extension moved a load balancer's end date. */
    public record EndDateExtended(UUID loadBalancerId, UUID requestId, String team, java.time.LocalDate from,
                                  java.time.LocalDate to) implements PortalEvent {
        public Actor actor() { return WORKER; }
        public String action() { return "provisioning.end-date-extended"; }
        public EventSubject subject() {
            return EventSubject.loadBalancer(loadBalancerId.toString(), requestId.toString(), team);
        }
        public Object before() { return present("ends_on", text(from)); }
        public Object after() { return present("ends_on", text(to)); }
    }
}
