package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /v2/firewalls/{id}/rules}, also used for the rules sent with a firewall create; ports are
 * strings as Civo expects, and fields left null are not sent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"firewall_id", "region", "protocol", "start_port", "end_port", "ports", "cidr", "direction",
        "action", "label"})
public record FirewallRuleCreateRequest(
        String firewallId,
        String region,
        String protocol,
        String startPort,
        String endPort,
        String ports,
        List<String> cidr,
        String direction,
        String action,
        String label) {

    public FirewallRuleCreateRequest {
        cidr = Lists.copyOrNull(cidr);
    }

    /** The same rule, bound to the given firewall and region (the client fills both in before sending). */
    public FirewallRuleCreateRequest bindTo(String firewallId, String region) {
        return new FirewallRuleCreateRequest(firewallId, region, protocol, startPort, endPort, ports, cidr,
                direction, action, label);
    }
}
