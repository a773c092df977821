package dev.ilbportal.sandbox.civo;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes Service stored by a simulated cluster's API, with what the cloud controller manager added: node ports
 * and, for type LoadBalancer, the id of the Civo load balancer it built (empty when it could not build one).
 */
record SimulatedService(String clusterId, String namespace, String name, String uid, long resourceVersion,
        String createdAt, String type, Map<String, String> annotations, Map<String, String> selector,
        List<Port> ports, String clusterIp, String loadBalancerId, String ccmError) {

    /** One Service port; {@code nodePort} is what every node listens on and what the load balancer's backends hit. */
    record Port(String name, String protocol, int port, int targetPort, int nodePort) {
    }

    boolean isLoadBalancer() {
        return "LoadBalancer".equals(type);
    }

    String key() {
        return key(clusterId, namespace, name);
    }

    static String key(String clusterId, String namespace, String name) {
        return clusterId + "/" + namespace + "/" + name;
    }
}
