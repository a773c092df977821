package dev.ilbportal.verification;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What verification found, for the audit trail and notifications; recorded with the run in one transaction. */
public final class VerificationEvents {

    private VerificationEvents() {
    }

    public record VerificationCompleted(UUID runId, UUID loadBalancerId, String team, Trigger trigger, Outcome outcome,
                                        String failedChecks, String requestedBy) implements PortalEvent {
        public Actor actor() {
            return requestedBy == null ? Actor.portal("verification") : new Actor(requestedBy, requestedBy, Set.of());
        }
        public String action() { return "verification.completed"; }
        public EventSubject subject() { return EventSubject.loadBalancer(loadBalancerId.toString(), null, team); }
        public Object after() { return Map.of("outcome", outcome.name()); }
        public Map<String, Object> details() {
            return Map.of("run", runId.toString(), "trigger", trigger.name(), "failed_checks", failedChecks);
        }
    }

    public record LoadBalancerDrifted(UUID runId, UUID loadBalancerId, String team, String name,
                                      String failedChecks) implements PortalEvent {
        public Actor actor() { return Actor.portal("verification"); }
        public String action() { return "verification.drifted"; }
        public EventSubject subject() { return EventSubject.loadBalancer(loadBalancerId.toString(), null, team); }
        public Object before() { return Map.of("status", "ACTIVE"); }
        public Object after() { return Map.of("status", "DRIFTED"); }
        public Map<String, Object> details() { return Map.of("run", runId.toString(), "failed_checks", failedChecks); }
    }

    public record LoadBalancerRecovered(UUID runId, UUID loadBalancerId, String team, String name)
            implements PortalEvent {
        public Actor actor() { return Actor.portal("verification"); }
        public String action() { return "verification.recovered"; }
        public EventSubject subject() { return EventSubject.loadBalancer(loadBalancerId.toString(), null, team); }
        public Object before() { return Map.of("status", "DRIFTED"); }
        public Object after() { return Map.of("status", "ACTIVE"); }
        public Map<String, Object> details() { return Map.of("run", runId.toString()); }
    }
}
