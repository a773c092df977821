package dev.ilbportal.identity;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.util.Map;
import java.util.Set;

/** A person signed in through the identity provider, with the roles and teams their groups granted. */
public record SignedIn(Actor actor, Set<String> teams) implements PortalEvent {

    public SignedIn {
        teams = Set.copyOf(teams);
    }

    @Override
    public String action() {
        return "identity.signed-in";
    }

    @Override
    public EventSubject subject() {
        return EventSubject.person(actor.subject());
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("roles", actor.rolesText(), "teams", String.join(",", new java.util.TreeSet<>(teams)));
    }
}
