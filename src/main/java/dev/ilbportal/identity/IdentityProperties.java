package dev.ilbportal.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How people are recognised: which claim carries their groups, which group grants which role, how team groups
 * are named, and (in production) which OpenID Connect provider signs them in.
 *
 * @param groupParents   the parent group paths whose children count (e.g. {@code /teams}); by default only plain
 *                       names and top-level paths ({@code /portal-admins}) do
 * @param sessionMaxAge  how long a session lives at most after sign-in, however active; then the person signs in
 *                       again and their roles and teams are read afresh from the provider
 * @param failureRecordWindow how long one source's failed sign-ins (and one person's refusals) are folded into one
 *                       audit row with a count, so nobody can fill the audit trail by repeating a bad request
 */
@Validated
@ConfigurationProperties("portal.identity")
public record IdentityProperties(
        @DefaultValue("groups") @NotBlank String groupsClaim,
        Map<PortalRole, String> roleGroups,
        @DefaultValue("team-") @NotBlank String teamPrefix,
        Set<String> groupParents,
        @DefaultValue("12h") @NotNull Duration sessionMaxAge,
        @DefaultValue("10m") @NotNull Duration failureRecordWindow,
        @DefaultValue Oidc oidc) {

    public IdentityProperties {
        Map<PortalRole, String> merged = new EnumMap<>(PortalRole.class);
        for (PortalRole role : PortalRole.values()) {
            merged.put(role, "portal-" + role.key() + "s");
        }
        if (roleGroups != null) {
            merged.putAll(roleGroups);
        }
        roleGroups = Map.copyOf(merged);
        groupParents = groupParents == null ? Set.of() : Set.copyOf(groupParents);
    }

    /** The production OpenID Connect provider; when the issuer is not set, the sandbox provides one. */
    public record Oidc(String issuerUri, String clientId, String clientSecret,
                       @DefaultValue("openid,profile,email") String scopes) {
    }
}
