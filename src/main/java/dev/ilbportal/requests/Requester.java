package dev.ilbportal.requests;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.shared.Actor;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who did something to a request: stable subject plus the name shown to people, and (when known) the roles they held
 * at that moment, for the audit trail. Requests store only subject and name.
 */
public record Requester(String subject, String displayName, Set<String> roles) {

    public Requester {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public Requester(String subject, String displayName) {
        this(subject, displayName, Set.of());
    }

    public static Requester of(CurrentUser user) {
        return new Requester(user.subject(), user.displayName(),
                user.roles().stream().map(PortalRole::key).collect(Collectors.toSet()));
    }

    public Actor actor() {
        return new Actor(subject, displayName, roles);
    }

    /** Two requesters are the same person when their subjects match, whatever roles were known. */
    public boolean isSamePersonAs(Requester other) {
        return other != null && subject.equals(other.subject());
    }
}
