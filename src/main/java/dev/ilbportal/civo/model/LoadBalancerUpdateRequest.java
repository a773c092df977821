package dev.ilbportal.civo.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code PUT /v2/loadbalancers/{id}}: a partial update, so null fields are not sent and stay unchanged,
 * while a list that is sent (even empty) replaces the current one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"region", "name", "service_name", "algorithm", "firewall_id", "max_concurrent_requests",
        "backends", "instance_pools", "external_traffic_policy", "session_affinity",
        "session_affinity_config_timeout", "enable_proxy_protocol", "options"})
public record LoadBalancerUpdateRequest(
        String region,
        String name,
        String serviceName,
        String algorithm,
        String firewallId,
        Integer maxConcurrentRequests,
        List<Backend> backends,
        List<InstancePool> instancePools,
        String externalTrafficPolicy,
        String sessionAffinity,
        Integer sessionAffinityConfigTimeout,
        String enableProxyProtocol,
        LoadBalancerOptions options) {

    public LoadBalancerUpdateRequest {
        backends = Lists.copyOrNull(backends);
        instancePools = Lists.copyOrNull(instancePools);
    }

    /** The same request for the given region. */
    public LoadBalancerUpdateRequest inRegion(String region) {
        return new LoadBalancerUpdateRequest(region, name, serviceName, algorithm, firewallId, maxConcurrentRequests,
                backends, instancePools, externalTrafficPolicy, sessionAffinity, sessionAffinityConfigTimeout,
                enableProxyProtocol, options);
    }
}
