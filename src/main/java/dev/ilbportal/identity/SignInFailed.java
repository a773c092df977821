package dev.ilbportal.identity;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.util.Map;

/** A sign-in did not complete: the provider's answer was refused (forged or stale state, bad token, ...). */
public record SignInFailed(String reason, String remoteAddress) implements PortalEvent {

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
        return Map.of("reason", reason == null ? "" : reason, "remoteAddress", remoteAddress == null ? "" : remoteAddress);
    }
}
