package dev.ilbportal.identity;

import jakarta.validation.constraints.NotBlank;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How people are recognised: which claim carries their groups, which group grants which role, how team groups
 * are named, and (in production) which OpenID Connect provider signs them in.
 */
@Validated
@ConfigurationProperties("portal.identity")
public record IdentityProperties(
        @DefaultValue("groups") @NotBlank String groupsClaim,
        Map<PortalRole, String> roleGroups,
        @DefaultValue("team-") @NotBlank String teamPrefix,
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
    }

    /** The production OpenID Connect provider; when the issuer is not set, the sandbox provides one. */
    public record Oidc(String issuerUri, String clientId, String clientSecret,
                       @DefaultValue("openid,profile,email") String scopes) {
    }
}
