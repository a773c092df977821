package dev.ilbportal.kubernetes;

import java.util.Map;
import java.util.Optional;

/**
 * A Service as the cluster holds it, with what Civo's cloud controller manager wrote back, so the portal can tell
 * whether its load balancer exists and which one it is.
 *
 * @param namespace       the Service's namespace
 * @param name            the Service's name
 * @param resourceVersion the version a replace must name
 * @param annotations     all annotations, including the CCM's status ones
 * @param ingressIp       {@code status.loadBalancer.ingress[0].ip}, or null while there is none
 * @param ingressHostname {@code status.loadBalancer.ingress[0].hostname}, or null (set instead of an IP with proxy
 *                        protocol)
 */
public record AppliedService(String namespace, String name, String resourceVersion, Map<String, String> annotations,
        String ingressIp, String ingressHostname) {

    public AppliedService {
        annotations = Map.copyOf(annotations);
    }

    public Optional<String> loadBalancerIp() {
        return Optional.ofNullable(ingressIp).filter(ip -> !ip.isBlank());
    }

    /** The Civo load balancer's id as the CCM wrote it, once it has built one. */
    public Optional<String> loadBalancerId() {
        return Optional.ofNullable(annotations.get(CcmAnnotations.LOAD_BALANCER_ID));
    }

    public Optional<String> firewallId() {
        return Optional.ofNullable(annotations.get(CcmAnnotations.FIREWALL_ID));
    }

    public Optional<String> clusterId() {
        return Optional.ofNullable(annotations.get(CcmAnnotations.CLUSTER_ID));
    }
}
