package dev.ilbportal.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/** Signed-in people for web-slice tests, with roles and teams as the groups mapper would grant them. */
public final class TestPeople {

    private TestPeople() {
    }

    public static OidcLoginRequestPostProcessor personWith(List<PortalRole> roles, String... teams) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        for (String team : teams) {
            authorities.add(new SimpleGrantedAuthority(CurrentUser.TEAM_AUTHORITY_PREFIX + team));
        }
        String subject = roles.isEmpty() ? "nobody" : roles.getFirst().key() + "-person";
        return oidcLogin().idToken(token -> token.subject(subject).claim("name", "Test " + subject))
                .authorities(authorities);
    }

    public static OidcLoginRequestPostProcessor personWith(PortalRole role, String... teams) {
        return personWith(List.of(role), teams);
    }
}
