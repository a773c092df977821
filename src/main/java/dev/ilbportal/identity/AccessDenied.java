package dev.ilbportal.identity;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.time.Instant;
import java.util.Map;

/**
 * A signed-in person was refused a page or action (their roles do not allow it, or a state-changing request came
 * without a valid CSRF token); nothing was changed. {@code count} is 1 for the first refusal of a window, and the
 * number of further refusals between {@code firstAt} and {@code lastAt} (the last one's path) when the window closes.
 */
public record AccessDenied(Actor actor, String method, String path, String reason, int count, Instant firstAt,
                           Instant lastAt) implements PortalEvent {

    @Override
    public String action() {
        return "identity.access-denied";
    }

    @Override
    public EventSubject subject() {
        return EventSubject.page(path == null || path.isBlank() ? "/" : path);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("method", method, "reason", reason, "count", count, "firstAt", String.valueOf(firstAt),
                "lastAt", String.valueOf(lastAt));
    }
}
