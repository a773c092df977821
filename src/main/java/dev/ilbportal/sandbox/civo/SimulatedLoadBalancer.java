package dev.ilbportal.sandbox.civo;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A load balancer as Civo stores it; {@code state} is the pending name until it becomes {@code available}. */
record SimulatedLoadBalancer(String id, String name, String region, String serviceName, String networkId,
        String algorithm, List<Backend> backends, List<InstancePool> instancePools, String externalTrafficPolicy,
        String sessionAffinity, Integer sessionAffinityConfigTimeout, String enableProxyProtocol, String publicIp,
        String privateIp, String firewallId, String clusterId, String state, int maxConcurrentRequests,
        String serverTimeout, String clientTimeout) {

    static final String AVAILABLE = "available";

    boolean isAvailable() {
        return AVAILABLE.equals(state);
    }

    /** The ports it listens on: every backend's and pool's source port. */
    Set<Integer> ports() {
        Set<Integer> ports = new TreeSet<>();
        backends.forEach(backend -> ports.add(backend.sourcePort()));
        instancePools.forEach(pool -> ports.add(pool.sourcePort()));
        return ports;
    }

    SimulatedLoadBalancer rebuilding(String pendingState) {
        return new SimulatedLoadBalancer(id, name, region, serviceName, networkId, algorithm, backends,
                instancePools, externalTrafficPolicy, sessionAffinity, sessionAffinityConfigTimeout,
                enableProxyProtocol, publicIp, privateIp, firewallId, clusterId, pendingState, maxConcurrentRequests,
                serverTimeout, clientTimeout);
    }

    SimulatedLoadBalancer madeAvailable(String newPrivateIp, String newPublicIp) {
        return new SimulatedLoadBalancer(id, name, region, serviceName, networkId, algorithm, backends,
                instancePools, externalTrafficPolicy, sessionAffinity, sessionAffinityConfigTimeout,
                enableProxyProtocol, newPublicIp, newPrivateIp, firewallId, clusterId, AVAILABLE,
                maxConcurrentRequests, serverTimeout, clientTimeout);
    }
}
