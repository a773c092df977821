package dev.ilbportal.requests;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.shared.Actor;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Someone who took part in a request (its requester, an editor, an approver, an admin): stable subject plus the name
 * shown to people, and (when known) the roles they held at that moment, for the audit trail. Requests store only
 * subject and name.
 */
public record Participant(String subject, String displayName, Set<String> roles) {

    public Participant {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public Participant(String subject, String displayName) {
        this(subject, displayName, Set.of());
    }

    public static Participant of(CurrentUser user) {
        return new Participant(user.subject(), user.displayName(),
                user.roles().stream().map(PortalRole::name).collect(Collectors.toSet()));
    }

    public Actor actor() {
        return new Actor(subject, displayName, roles);
    }

    /** Two requesters are the same person when their subjects match, whatever roles were known. */
    public boolean isSamePersonAs(Participant other) {
        return other != null && subject.equals(other.subject());
    }
}
