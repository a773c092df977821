package dev.ilbportal.notifications;

import dev.ilbportal.identity.PortalRole;
import java.time.Instant;
import java.util.Set;

/** A person as last seen at sign-in: the portal learns who holds which role and team only when they sign in. */
public record Person(String subject, String displayName, String email, Set<PortalRole> roles, Set<String> teams,
                     Instant lastSeenAt) {

    public Person {
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
    }

    public boolean has(PortalRole role) {
        return roles.contains(role);
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
