package dev.ilbportal.shared;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who did something, as the audit trail keeps it: the identity provider's subject, the name people know, and the
 * roles held at that moment (roles change; the trail must show the ones that counted).
 */
public record Actor(String subject, String displayName, Set<String> roles) {

    public Actor {
        subject = subject == null ? "" : subject;
        displayName = displayName == null ? "" : displayName;
        // One spelling of a role everywhere in the trail (REQUESTER, never requester), whoever built the actor.
        roles = roles == null ? Set.of() : roles.stream().map(role -> role.toUpperCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The portal itself, for work nobody started by hand (schedules, retries). */
    public static Actor portal(String job) {
        return new Actor("portal:" + job, "ILB Portal (" + job + ")", Set.of());
    }

    /** Someone who is not signed in, e.g. a failed sign-in. */
    public static Actor anonymous() {
        return new Actor("anonymous", "anonymous", Set.of());
    }

    /** The roles in a stable order, comma-separated, as they are stored and hashed. */
    public String rolesText() {
        return String.join(",", new TreeSet<>(roles));
    }
}
