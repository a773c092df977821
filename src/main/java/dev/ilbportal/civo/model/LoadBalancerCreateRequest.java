package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /v2/loadbalancers}; null fields are not sent. Always set {@code firewallId}: without it Civo
 * creates its own firewall for the load balancer.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"region", "name", "service_name", "network_id", "algorithm", "firewall_id",
        "max_concurrent_requests", "backends", "instance_pools", "external_traffic_policy", "session_affinity",
        "session_affinity_config_timeout", "enable_proxy_protocol", "cluster_id", "firewall_rule", "options"})
public record LoadBalancerCreateRequest(
        String region,
        String name,
        String serviceName,
        String networkId,
        String algorithm,
        String firewallId,
        Integer maxConcurrentRequests,
        List<Backend> backends,
        List<InstancePool> instancePools,
        String externalTrafficPolicy,
        String sessionAffinity,
        Integer sessionAffinityConfigTimeout,
        String enableProxyProtocol,
        String clusterId,
        String firewallRule,
        LoadBalancerOptions options) {

    public LoadBalancerCreateRequest {
        backends = Lists.copyOrNull(backends);
        instancePools = Lists.copyOrNull(instancePools);
    }

    /** The same request for the given region. */
    public LoadBalancerCreateRequest inRegion(String region) {
        return new LoadBalancerCreateRequest(region, name, serviceName, networkId, algorithm, firewallId,
                maxConcurrentRequests, backends, instancePools, externalTrafficPolicy, sessionAffinity,
                sessionAffinityConfigTimeout, enableProxyProtocol, clusterId, firewallRule, options);
    }
}
