package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A firewall as listed by {@code GET /v2/firewalls}, with its rules embedded; whether it shields a load balancer from
 * outside traffic is decided by those rules.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Firewall(
        String id,
        String name,
        String networkId,
        int rulesCount,
        int instanceCount,
        int clusterCount,
        int loadbalancerCount,
        List<FirewallRule> rules,
        String accountId,
        @JsonProperty("default") @JsonDeserialize(using = LenientBooleanDeserializer.class) boolean isDefault,
        String label,
        String region) {

    public Firewall {
        rules = Lists.orEmpty(rules);
    }
}
