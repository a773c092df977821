package dev.ilbportal.notifications.internal;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.notifications.Person;
import java.util.Set;

/**
 * Who should hear about something, in the terms events give: named people, everyone with a role, a team's members;
 * minus people who must not (an approver is not asked to approve their own request).
 */
record Audience(Set<String> subjects, Set<PortalRole> roles, String team, Set<String> excluded) {

    Audience {
        subjects = Set.copyOf(subjects);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(roles);
        excluded = Set.copyOf(excluded);
    }

    static Audience person(String subject) {
        return new Audience(subject == null ? Set.of() : Set.of(subject), Set.of(), null, Set.of());
    }

    static Audience role(PortalRole role) {
        return new Audience(Set.of(), Set.of(role), null, Set.of());
    }

    static Audience team(String team) {
        return new Audience(Set.of(), Set.of(), team, Set.of());
    }

    Audience and(PortalRole role) {
        Set<PortalRole> more = new java.util.HashSet<>(roles);
        more.add(role);
        return new Audience(subjects, more, team, excluded);
    }

    Audience except(String subject) {
        Set<String> more = new java.util.HashSet<>(excluded);
        if (subject != null) {
            more.add(subject);
        }
        return new Audience(subjects, roles, team, more);
    }

    boolean includes(Person person) {
        if (excluded.contains(person.subject())) {
            return false;
        }
        return subjects.contains(person.subject()) || roles.stream().anyMatch(person::has)
                || (team != null && person.teams().contains(team));
    }
}
