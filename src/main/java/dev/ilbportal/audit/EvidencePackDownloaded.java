package dev.ilbportal.audit;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.util.Map;

/** An auditor downloaded a load balancer's evidence pack; recorded first, so the pack contains its own download. */
public record EvidencePackDownloaded(Actor actor, String loadBalancerId, String requestId, String team)
        implements PortalEvent {

    @Override
    public String action() {
        return "audit.evidence-pack-downloaded";
    }

    @Override
    public EventSubject subject() {
        return EventSubject.loadBalancer(loadBalancerId, requestId, team);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("format", "ilb-portal evidence pack v1");
    }
}
