package dev.ilbportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class GroupsClaimAuthoritiesMapperTests {

    private final IdentityProperties defaults = new IdentityProperties("groups", null, "team-",
            new IdentityProperties.Oidc(null, null, null, "openid"));

    private List<String> authoritiesFor(IdentityProperties properties, String claim, Object groups) {
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "someone", claim, groups));
        return new GroupsClaimAuthoritiesMapper(properties).mapAuthorities(List.of(new OidcUserAuthority(token)))
                .stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void mapsRoleGroupsToRolesAndTeamGroupsToTeams() {
        assertThat(authoritiesFor(defaults, "groups", List.of("portal-requesters", "portal-approvers", "team-payments")))
                .contains("ROLE_REQUESTER", "ROLE_APPROVER", "TEAM_payments")
                .doesNotContain("ROLE_AUDITOR", "ROLE_ADMIN");
    }

    @Test
    void groupsThatMeanNothingToThePortalGrantNothing() {
        assertThat(authoritiesFor(defaults, "groups", List.of("marketing", "team-")))
                .noneMatch(name -> name.startsWith("ROLE_") || name.startsWith("TEAM_"));
    }

    @Test
    void acceptsKeycloakGroupPathsAndSpaceSeparatedClaims() {
        assertThat(authoritiesFor(defaults, "groups", List.of("/portal-auditors", "/teams/team-search")))
                .contains("ROLE_AUDITOR", "TEAM_search");
        assertThat(authoritiesFor(defaults, "groups", "portal-admins team-search"))
                .contains("ROLE_ADMIN", "TEAM_search");
    }

    @Test
    void claimNameGroupNamesAndTeamPrefixComeFromConfiguration() {
        IdentityProperties custom = new IdentityProperties("roles",
                Map.of(PortalRole.APPROVER, "ilb-approve"), "squad:",
                new IdentityProperties.Oidc(null, null, null, "openid"));

        assertThat(authoritiesFor(custom, "roles", List.of("ilb-approve", "squad:core", "portal-approvers")))
                .contains("ROLE_APPROVER", "TEAM_core");
        assertThat(authoritiesFor(custom, "groups", List.of("ilb-approve"))).doesNotContain("ROLE_APPROVER");
    }
}
