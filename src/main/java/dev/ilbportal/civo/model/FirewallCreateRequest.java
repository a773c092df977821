package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /v2/firewalls}; {@code create_rules} is always sent because leaving it out makes Civo open
 * every port, which an internal load balancer must never have.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"name", "region", "network_id", "create_rules", "rules"})
public record FirewallCreateRequest(
        String name,
        String region,
        String networkId,
        boolean createRules,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FirewallRuleCreateRequest> rules) {

    public FirewallCreateRequest {
        rules = Lists.copyOrNull(rules);
    }

    /** A firewall with no rules at all: nothing may reach what it guards. */
    public static FirewallCreateRequest withoutRules(String name, String region, String networkId) {
        return new FirewallCreateRequest(name, region, networkId, false, null);
    }

    /** The same request for the given region. */
    public FirewallCreateRequest inRegion(String region) {
        return new FirewallCreateRequest(name, region, networkId, createRules, rules);
    }
}
