package dev.ilbportal.provisioning;

import java.util.UUID;

/** What provisioning did, for the request page, verification, notifications and the audit trail. */
public final class ProvisioningEvents {

    private ProvisioningEvents() {
    }

    public record ProvisioningStarted(UUID jobId, UUID requestId, String team, String region) {
    }

    public record ProvisioningStepCompleted(UUID jobId, UUID requestId, String team, ProvisioningStep step,
                                            String civoId, String detail) {
    }

    public record ProvisioningStepRetried(UUID jobId, UUID requestId, String team, ProvisioningStep step,
                                          int attempt, String code, String reason) {
    }

    public record ProvisioningFailed(UUID jobId, UUID requestId, String team, ProvisioningStep step, String code,
                                     String reason) {
    }

    public record LoadBalancerProvisioned(UUID jobId, UUID requestId, UUID loadBalancerId, String team,
                                          String region, String civoId, String firewallId, String privateIp,
                                          String publicIp) {
    }

    public record ProvisioningRetriedByAdmin(UUID jobId, UUID requestId, String team, ProvisioningStep step,
                                             String adminSubject) {
    }

    public record ProvisioningAbandoned(UUID jobId, UUID requestId, String team, String adminSubject) {
    }

    public record ProvisioningCleanedUp(UUID jobId, UUID requestId, String team, String deletedLoadBalancerId,
                                        String deletedFirewallId) {
    }

    public record DecommissionRequested(UUID requestId, UUID loadBalancerId, String team, String requesterSubject) {
    }

    public record LoadBalancerDecommissioned(UUID jobId, UUID requestId, UUID loadBalancerId, String team,
                                             String region, String civoId, String deletedFirewallId) {
    }
}
