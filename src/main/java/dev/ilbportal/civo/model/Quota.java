package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The account's limits and usage; the portal checks load balancer, firewall and rule headroom before creating. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Quota(
        Integer instanceCountLimit,
        Integer instanceCountUsage,
        Integer loadbalancerCountLimit,
        Integer loadbalancerCountUsage,
        Integer securityGroupLimit,
        Integer securityGroupUsage,
        Integer securityGroupRuleLimit,
        Integer securityGroupRuleUsage,
        Integer networkCountLimit,
        Integer networkCountUsage,
        Integer publicIpAddressLimit,
        Integer publicIpAddressUsage) {
}
