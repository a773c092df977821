package dev.ilbportal.identity.internal;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.IdentityProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.stereotype.Component;

/** Turns the identity provider's groups claim into portal roles ({@code ROLE_*}) and teams ({@code TEAM_*}). */
@Component
public class GroupsClaimAuthoritiesMapper implements GrantedAuthoritiesMapper {

    private final IdentityProperties properties;

    public GroupsClaimAuthoritiesMapper(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            for (String group : groupsIn(authority)) {
                mapped.addAll(authoritiesFor(group));
            }
        }
        return mapped;
    }

    /** The authorities that one group grants: a role, a team, or nothing. */
    List<GrantedAuthority> authoritiesFor(String group) {
        List<GrantedAuthority> granted = new ArrayList<>();
        properties.roleGroups().forEach((role, roleGroup) -> {
            if (roleGroup.equals(group)) {
                granted.add(new SimpleGrantedAuthority(role.authority()));
            }
        });
        String prefix = properties.teamPrefix();
        if (group.startsWith(prefix) && group.length() > prefix.length()) {
            granted.add(new SimpleGrantedAuthority(CurrentUser.TEAM_AUTHORITY_PREFIX + group.substring(prefix.length())));
        }
        return granted;
    }

    private List<String> groupsIn(GrantedAuthority authority) {
        Map<String, Object> claims = switch (authority) {
            case OidcUserAuthority oidc -> oidc.getUserInfo() != null
                    ? merge(oidc.getIdToken().getClaims(), oidc.getUserInfo().getClaims())
                    : oidc.getIdToken().getClaims();
            case OAuth2UserAuthority oauth2 -> oauth2.getAttributes();
            default -> Map.of();
        };
        return groupNames(claims.get(properties.groupsClaim()), properties.groupParents());
    }

    private static Map<String, Object> merge(Map<String, Object> idToken, Map<String, Object> userInfo) {
        Map<String, Object> merged = new java.util.HashMap<>(idToken);
        userInfo.forEach(merged::putIfAbsent);
        return merged;
    }

    /**
     * A groups claim is a list of names, or (with some providers) a single space- or comma-separated string. Names
     * that sit under a parent group nobody configured are left out, so {@code /anything/portal-admins} grants nothing.
     */
    static List<String> groupNames(Object claim, Set<String> allowedParents) {
        List<String> raw = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> raw.add(String.valueOf(value)));
        } else if (claim instanceof String text && !text.isBlank()) {
            raw.addAll(List.of(text.strip().split("[,\\s]+")));
        }
        List<String> names = new ArrayList<>();
        for (String group : raw) {
            String name = nameOf(group, allowedParents);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The group's name when it is a plain name ({@code portal-admins}), a top-level Keycloak path
     * ({@code /portal-admins}) or a path under a configured parent ({@code /teams/team-search} with {@code /teams});
     * null for any other path: a group's meaning must not depend on where someone could create it.
     */
    static String nameOf(String group, Set<String> allowedParents) {
        int slash = group.lastIndexOf('/');
        if (slash < 0) {
            return group;
        }
        String parent = group.substring(0, slash);
        String name = group.substring(slash + 1);
        if (name.isEmpty()) {
            return null;
        }
        return parent.isEmpty() || allowedParents.contains(parent) ? name : null;
    }
}
