package dev.ilbportal.requests.internal;

import java.util.List;

/**
 * Everything the requester chose in the wizard, in the words of Civo's dashboard. It is turned into a plan of
 * exact Civo calls; a draft may be incomplete, a submitted spec never is.
 */
public record LoadBalancerSpec(
        String region,
        String networkId,
        String name,
        String algorithm,
        FirewallChoice firewall,
        BackendTarget target,
        List<PortMapping> ports,
        AdvancedSettings advanced,
        String justification) {

    public LoadBalancerSpec {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    /** Chosen in the network step: a new internal-only firewall (no inbound rules), or one of the network's own. */
    public record FirewallChoice(Mode mode, String newName, String existingId) {

        public enum Mode { CREATE, EXISTING }

        public static FirewallChoice create(String name) {
            return new FirewallChoice(Mode.CREATE, name, null);
        }

        public static FirewallChoice existing(String id) {
            return new FirewallChoice(Mode.EXISTING, null, id);
        }
    }

    /**
     * What the load balancer sends traffic to. For {@code KUBERNETES_SERVICE} the values are, in order, the Civo
     * cluster's id, its name, the Service's namespace, then its selector as {@code key=value} entries; the Service is
     * named after the spec's {@code name}, and Civo's cloud controller manager builds the load balancer.
     */
    public record BackendTarget(Kind kind, List<String> values) {

        public enum Kind { INSTANCE_TAGS, INSTANCE_NAMES, BACKEND_IPS, KUBERNETES_SERVICE }

        public BackendTarget {
            values = values == null ? List.of() : List.copyOf(values);
        }

        public static BackendTarget kubernetesService(String clusterId, String clusterName, String namespace,
                java.util.Map<String, String> selector) {
            List<String> values = new java.util.ArrayList<>(List.of(clusterId, clusterName, namespace));
            new java.util.TreeMap<>(selector).forEach((key, value) -> values.add(key + "=" + value));
            return new BackendTarget(Kind.KUBERNETES_SERVICE, values);
        }

        /** The cluster, namespace and selector of a Kubernetes target; empty for other kinds or too few values. */
        public java.util.Optional<KubernetesTarget> kubernetes() {
            if (kind != Kind.KUBERNETES_SERVICE || values.size() < 3) {
                return java.util.Optional.empty();
            }
            java.util.Map<String, String> selector = new java.util.TreeMap<>();
            for (String entry : values.subList(3, values.size())) {
                int equals = entry.indexOf('=');
                selector.put(equals < 0 ? entry : entry.substring(0, equals),
                        equals < 0 ? "" : entry.substring(equals + 1));
            }
            return java.util.Optional.of(new KubernetesTarget(values.get(0), values.get(1), values.get(2), selector));
        }
    }

    /** A Service's place: the Civo cluster (id and name), the namespace, and the pods it selects. */
    public record KubernetesTarget(String clusterId, String clusterName, String namespace,
                                   java.util.Map<String, String> selector) {
    }

    /** One listening port and where it goes, with its health check. */
    public record PortMapping(String protocol, int sourcePort, int targetPort, Integer healthCheckPort,
                              String healthCheckPath) {
    }

    /** The dashboard's advanced settings, with Civo's defaults. */
    public record AdvancedSettings(String sessionAffinity, Integer sessionAffinityTimeout, String proxyProtocol,
                                   int maxConcurrentRequests, String clientTimeout, String serverTimeout) {

        public static AdvancedSettings defaults() {
            return new AdvancedSettings("None", null, "", 10000, "60s", "60s");
        }
    }
}
