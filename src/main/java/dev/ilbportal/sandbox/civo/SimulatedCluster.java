package dev.ilbportal.sandbox.civo;

import java.util.List;

/**
 * A Kubernetes cluster of the seeded world; its nodes are not listed by {@code /v2/instances}; {@code token} is the
 * bearer token its simulated Kubernetes API accepts (and its kubeconfig carries).
 */
record SimulatedCluster(String id, String name, String region, String networkId, String firewallId,
        String masterIp, List<SimulatedInstance> nodes, String createdAt, String token) {
}
