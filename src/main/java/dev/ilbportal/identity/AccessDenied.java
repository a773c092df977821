package dev.ilbportal.identity;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.util.Map;

/**
 * A signed-in person was refused a page or action (their roles do not allow it, or a state-changing request came
 * without a valid CSRF token); nothing was changed.
 */
public record AccessDenied(Actor actor, String method, String path, String reason) implements PortalEvent {

    @Override
    public String action() {
        return "identity.access-denied";
    }

    @Override
    public EventSubject subject() {
        return EventSubject.page(path);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("method", method, "reason", reason);
    }
}
