package dev.ilbportal.verification;

import java.util.UUID;

/** What verification found, for the audit trail and notifications. */
public final class VerificationEvents {

    private VerificationEvents() {
    }

    public record VerificationCompleted(UUID runId, UUID loadBalancerId, String team, Trigger trigger, Outcome outcome,
                                        String failedChecks, String requestedBy) {
    }

    public record LoadBalancerDrifted(UUID runId, UUID loadBalancerId, String team, String name,
                                      String failedChecks) {
    }

    public record LoadBalancerRecovered(UUID runId, UUID loadBalancerId, String team, String name) {
    }
}
