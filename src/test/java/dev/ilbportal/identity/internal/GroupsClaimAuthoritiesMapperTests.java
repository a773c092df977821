package dev.ilbportal.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.identity.IdentityProperties;
import dev.ilbportal.identity.PortalRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class GroupsClaimAuthoritiesMapperTests {

    private final IdentityProperties defaults = properties("groups", null, "team-", Set.of());

    private static IdentityProperties properties(String claim, Map<PortalRole, String> roleGroups, String teamPrefix,
                                                 Set<String> groupParents) {
        return new IdentityProperties(claim, roleGroups, teamPrefix, groupParents, Duration.ofHours(12),
                Duration.ofMinutes(10), new IdentityProperties.Oidc(null, null, null, "openid"));
    }

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
        assertThat(authoritiesFor(defaults, "groups", List.of("/portal-auditors", "/team-search")))
                .contains("ROLE_AUDITOR", "TEAM_search");
        assertThat(authoritiesFor(defaults, "groups", "portal-admins team-search"))
                .contains("ROLE_ADMIN", "TEAM_search");
    }

    @Test
    void claimNameGroupNamesAndTeamPrefixComeFromConfiguration() {
        IdentityProperties custom = properties("roles", Map.of(PortalRole.APPROVER, "ilb-approve"), "squad:",
                Set.of());

        assertThat(authoritiesFor(custom, "roles", List.of("ilb-approve", "squad:core", "portal-approvers")))
                .contains("ROLE_APPROVER", "TEAM_core");
        assertThat(authoritiesFor(custom, "groups", List.of("ilb-approve"))).doesNotContain("ROLE_APPROVER");
    }

    @Test
    void groupUnderAnUnconfiguredParentGrantsNothing() {
        assertThat(authoritiesFor(defaults, "groups",
                List.of("/anything/portal-admins", "/x/y/portal-approvers", "/teams/team-search", "portal-admins/")))
                .noneMatch(name -> name.startsWith("ROLE_") || name.startsWith("TEAM_"));
        assertThat(authoritiesFor(defaults, "groups", "/anything/portal-admins /portal-auditors"))
                .contains("ROLE_AUDITOR").doesNotContain("ROLE_ADMIN");
    }

    @Test
    void groupUnderAConfiguredParentCountsAndOnlyThatParent() {
        IdentityProperties nested = properties("groups", null, "team-", Set.of("/teams"));

        assertThat(authoritiesFor(nested, "groups", List.of("/teams/team-search", "/portal-admins")))
                .contains("TEAM_search", "ROLE_ADMIN");
        assertThat(authoritiesFor(nested, "groups", List.of("/other/teams/team-search", "/teamsx/portal-admins")))
                .noneMatch(name -> name.startsWith("ROLE_") || name.startsWith("TEAM_"));
    }
}
