package dev.ilbportal.kubernetes;

import dev.ilbportal.kubernetes.internal.ServiceYaml;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A {@code v1 Service} of type LoadBalancer in one Civo cluster: what the portal applies so that Civo's cloud
 * controller manager builds the load balancer, and what reviewers read before approving.
 *
 * @param clusterId   the Civo cluster the Service goes to
 * @param namespace   the Service's namespace
 * @param name        the Service's name
 * @param selector    the pod labels it routes to, kept sorted
 * @param ports       its ports, in the given order
 * @param annotations its annotations, kept sorted; the firewall one is what makes it internal
 */
public record ServiceManifest(String clusterId, String namespace, String name, Map<String, String> selector,
        List<ServicePort> ports, Map<String, String> annotations) {

    public ServiceManifest {
        selector = sorted(selector);
        ports = ports == null ? List.of() : List.copyOf(ports);
        annotations = sorted(annotations);
    }

    public static ServiceManifest of(String clusterId, String namespace, String name, Map<String, String> selector,
            List<ServicePort> ports, CcmAnnotations annotations) {
        return new ServiceManifest(clusterId, namespace, name, selector, ports, annotations.asMap());
    }

    /** The firewall the annotation names, or null when the annotation is missing. */
    public String firewallId() {
        return annotations.get(CcmAnnotations.FIREWALL_ID);
    }

    /** The name the cloud controller manager gives the load balancer: {@code <cluster>-<namespace>-<service>}. */
    public String loadBalancerName(String clusterName) {
        return clusterName + "-" + namespace + "-" + name;
    }

    /** The same Service with another firewall annotation, e.g. once the firewall exists and has an id. */
    public ServiceManifest withFirewall(String firewallId) {
        Map<String, String> changed = new TreeMap<>(annotations);
        changed.put(CcmAnnotations.FIREWALL_ID, Objects.requireNonNull(firewallId));
        return new ServiceManifest(clusterId, namespace, name, selector, ports, changed);
    }

    /** The YAML a person would {@code kubectl apply}; the same manifest always renders to the same text. */
    public String toYaml() {
        return ServiceYaml.render(this);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
