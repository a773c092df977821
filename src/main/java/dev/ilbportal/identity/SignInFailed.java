package dev.ilbportal.identity;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.time.Instant;
import java.util.Map;

/**
 * Sign-ins from one address did not complete: the provider's answer was refused (forged or stale state, bad token,
 * ...). {@code count} is 1 for the first failure of a window, and the number of further failures between
 * {@code firstAt} and {@code lastAt} in the row written when the window closes ({@code reason} is then the last one's).
 */
public record SignInFailed(String reason, String remoteAddress, int count, Instant firstAt, Instant lastAt)
        implements PortalEvent {

    @Override
    public Actor actor() {
        return Actor.anonymous();
    }

    @Override
    public String action() {
        return "identity.sign-in-failed";
    }

    @Override
    public EventSubject subject() {
        return EventSubject.page("/login/oauth2/code/" + PortalClientRegistration.REGISTRATION_ID);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("reason", reason == null ? "" : reason, "remoteAddress", remoteAddress == null ? "" : remoteAddress,
                "count", count, "firstAt", String.valueOf(firstAt), "lastAt", String.valueOf(lastAt));
    }
}
