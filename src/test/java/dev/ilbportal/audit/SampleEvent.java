package dev.ilbportal.audit;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.util.Map;

/** A stand-in for the events later modules will publish (request submitted, provisioning step, verification run). */
record SampleEvent(Actor actor, String action, EventSubject subject, Object before, Object after,
                   Map<String, Object> details) implements PortalEvent {

    static final Actor RILEY = new Actor("riley", "Riley Rao", java.util.Set.of("REQUESTER", "APPROVER"));

    static SampleEvent about(String loadBalancerId, String requestId, String action, Map<String, Object> details) {
        EventSubject subject = action.startsWith("request.") ? EventSubject.request(requestId, "payments")
                : EventSubject.loadBalancer(loadBalancerId, requestId, "payments");
        return new SampleEvent(RILEY, action, subject, null, null, details);
    }

    static SampleEvent change(String loadBalancerId, String requestId, String action, Object before, Object after) {
        return new SampleEvent(RILEY, action, EventSubject.loadBalancer(loadBalancerId, requestId, "payments"),
                before, after, Map.of());
    }
}
