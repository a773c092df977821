package dev.ilbportal.civo.model;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A load balancer as Civo returns it; it is ready only when {@code state} is {@code available}, and it is internal only
 * because of the firewall it carries (it always has a public IP).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LoadBalancer(
        String id,
        String name,
        String serviceName,
        String networkId,
        String algorithm,
        List<Backend> backends,
        List<InstancePool> instancePools,
        String externalTrafficPolicy,
        String sessionAffinity,
        Integer sessionAffinityConfigTimeout,
        String enableProxyProtocol,
        String publicIp,
        String privateIp,
        String firewallId,
        String clusterId,
        String state,
        String reservedIpId,
        String reservedIpName,
        String reservedIp,
        Integer maxConcurrentRequests,
        LoadBalancerOptions options) {

    /** The only state Civo names: the load balancer serves traffic. */
    public static final String AVAILABLE = "available";

    public LoadBalancer {
        backends = Lists.orEmpty(backends);
        instancePools = Lists.orEmpty(instancePools);
    }
}
