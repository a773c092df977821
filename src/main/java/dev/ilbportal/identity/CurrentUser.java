package dev.ilbportal.identity;

import dev.ilbportal.shared.Actor;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * The signed-in person as the portal sees them. Built from the {@link Authentication}, because the roles and teams
 * mapped from the groups claim live there, not on the {@link OidcUser}.
 */
public record CurrentUser(String subject, String displayName, String email, Set<PortalRole> roles, Set<String> teams) {

    public static final String TEAM_AUTHORITY_PREFIX = "TEAM_";

    /** The longest display name kept; a provider may send any length, the portal's tables hold 255 characters. */
    public static final int MAX_DISPLAY_NAME = 255;

    /** The longest address a mail can be sent to (RFC 5321: 64 + @ + 255); a longer claim is not an address. */
    public static final int MAX_EMAIL = 320;

    /**
     * The longest subject kept as it is: OpenID Connect allows 255 ASCII characters, and so do the portal's subject
     * columns. A longer one (a provider outside the standard) becomes {@code sha256:} and its SHA-256 in hex.
     */
    public static final int MAX_SUBJECT = 255;

    public CurrentUser {
        subject = boundedSubject(subject);
        displayName = shortened(displayName, MAX_DISPLAY_NAME);
        email = email == null || email.length() > MAX_EMAIL ? null : email;
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        teams = Set.copyOf(teams);
    }

    public static CurrentUser of(Authentication authentication) {
        Object principal = authentication.getPrincipal();
        String subject = authentication.getName();
        String displayName = subject;
        String email = null;
        if (principal instanceof OidcUser oidc) {
            subject = oidc.getSubject();
            displayName = firstNonBlank(oidc.getFullName(), oidc.getPreferredUsername(), subject);
            email = oidc.getEmail();
        } else if (principal instanceof OAuth2User oauth2) {
            displayName = firstNonBlank(oauth2.getAttribute("name"), subject);
        } else if (principal instanceof ClaimAccessor token) {
            // A bearer token of the API: the same claims an ID token carries.
            displayName = firstNonBlank(token.getClaimAsString("name"), token.getClaimAsString("preferred_username"),
                    subject);
            email = token.getClaimAsString("email");
        }
        return new CurrentUser(subject, displayName, email, rolesIn(authentication.getAuthorities()),
                teamsIn(authentication.getAuthorities()));
    }

    /** This person as the audit trail records them, with the roles they hold now. */
    public Actor asActor() {
        return new Actor(subject, displayName, roles.stream().map(PortalRole::name).collect(Collectors.toSet()));
    }

    public boolean has(PortalRole role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole() {
        return !roles.isEmpty();
    }

    public boolean isMemberOf(String team) {
        return teams.contains(team);
    }

    /** Teams in a stable order, for display. */
    public Set<String> sortedTeams() {
        return new TreeSet<>(teams);
    }

    private static Set<PortalRole> rolesIn(Collection<? extends GrantedAuthority> authorities) {
        Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
        for (GrantedAuthority authority : authorities) {
            for (PortalRole role : PortalRole.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static Set<String> teamsIn(Collection<? extends GrantedAuthority> authorities) {
        Set<String> teams = new TreeSet<>();
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(TEAM_AUTHORITY_PREFIX)) {
                teams.add(name.substring(TEAM_AUTHORITY_PREFIX.length()));
            }
        }
        return teams;
    }

    /**
     * The subject as the portal stores and compares it: itself when it has at most {@value #MAX_SUBJECT} characters,
     * otherwise {@code sha256:} followed by the SHA-256 of its UTF-8 bytes in hex (71 characters). The same subject
     * always gives the same value, so a person with a very long subject is still one person.
     */
    public static String boundedSubject(String subject) {
        if (subject == null || subject.length() <= MAX_SUBJECT) {
            return subject;
        }
        return "sha256:" + dev.ilbportal.shared.Digests.sha256Hex(subject);
    }

    /**
     * {@code text} cut to at most {@code max} characters, ending with an ellipsis when cut, never splitting a
     * surrogate pair; control characters become spaces so a name cannot forge lines in logs or mails.
     */
    public static String shortened(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + "…";
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }
}
