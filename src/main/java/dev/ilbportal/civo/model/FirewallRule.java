package dev.ilbportal.civo.model;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One rule of a firewall as Civo returns it; ports are strings ({@code "443"}, {@code ""} for icmp) because that is
 * how Civo sends them, and an internal load balancer's firewall must have no rule whose direction is ingress.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FirewallRule(
        String id,
        String firewallId,
        String protocol,
        String startPort,
        String endPort,
        String ports,
        List<String> cidr,
        String direction,
        String action,
        String label) {

    public FirewallRule {
        cidr = Lists.orEmpty(cidr);
    }
}
