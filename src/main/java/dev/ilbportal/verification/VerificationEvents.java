package dev.ilbportal.verification;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What verification found, for the audit trail and notifications; recorded with the run in one transaction. */
public final class VerificationEvents {

    private VerificationEvents() {
    }

    public record VerificationCompleted(UUID runId, UUID loadBalancerId, String team, Trigger trigger, Outcome outcome,
                                        String failedChecks, Actor requestedBy) implements PortalEvent {
        public Actor actor() {
            return requestedBy == null ? Actor.portal("verification") : requestedBy;
        }
        public String action() { return "verification.completed"; }
        public EventSubject subject() { return EventSubject.loadBalancer(loadBalancerId.toString(), null, team); }
        public Object after() { return Map.of("outcome", outcome.name()); }
        public Map<String, Object> details() {
            return Map.of("run", runId.toString(), "trigger", trigger.name(), "failed_checks", failedChecks);
        }
    }

    /**
     * The proof status of a load balancer changed. {@code runId} is null when it changed because a proof aged, not
     * because of a run. PROVEN to EXPOSED is what people call drift.
     */
    public record ProofStatusChanged(UUID runId, UUID loadBalancerId, String team, String name, ProofStatus from,
                                     ProofStatus to, String reason) implements PortalEvent {
        public Actor actor() { return Actor.portal("verification"); }
        public String action() { return "verification.proof-status-changed"; }
        public EventSubject subject() { return EventSubject.loadBalancer(loadBalancerId.toString(), null, team); }
        public Object before() { return Map.of("proof_status", from.name()); }
        public Object after() { return Map.of("proof_status", to.name()); }
        public Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", reason == null ? "" : reason);
            if (runId != null) {
                details.put("run", runId.toString());
            }
            return details;
        }

        /** From proven (or never proven) to exposed: it was internal and is not any more. */
        public boolean drifted() {
            return to == ProofStatus.EXPOSED && from != ProofStatus.EXPOSED;
        }

        /** From exposed or stale back to proven. */
        public boolean recovered() {
            return to == ProofStatus.PROVEN && from.alarming();
        }
    }

    /** A remote probe agent's answer was unsigned or its signature did not match, so it was thrown away. */
    public record ProbeAnswerRefused(String vantage, String reason) implements PortalEvent {
        public Actor actor() { return Actor.portal("verification"); }
        public String action() { return "verification.probe-answer-refused"; }
        public EventSubject subject() { return new EventSubject("probe_agent", vantage, null, null, null); }
        public Map<String, Object> details() { return Map.of("vantage", vantage, "reason", reason); }
    }
}
