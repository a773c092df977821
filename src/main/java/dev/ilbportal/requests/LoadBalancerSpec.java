package dev.ilbportal.requests;

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

    /** Step 1: a new internal-only firewall (no inbound rules), or an existing one of the network. */
    public record FirewallChoice(Mode mode, String newName, String existingId) {

        public enum Mode { CREATE, EXISTING }

        public static FirewallChoice create(String name) {
            return new FirewallChoice(Mode.CREATE, name, null);
        }

        public static FirewallChoice existing(String id) {
            return new FirewallChoice(Mode.EXISTING, null, id);
        }
    }

    /** What the load balancer sends traffic to. */
    public record BackendTarget(Kind kind, List<String> values) {

        public enum Kind { INSTANCE_TAGS, INSTANCE_NAMES, BACKEND_IPS }

        public BackendTarget {
            values = values == null ? List.of() : List.copyOf(values);
        }
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
