package dev.ilbportal.kubernetes;

import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.FirewallRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Service must satisfy before the portal applies it: Kubernetes' own name and port rules, and the firewall
 * annotation pointing at a firewall without ingress rules, because that annotation alone keeps Civo's load balancer
 * internal.
 */
public final class ManifestRules {

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
    private static final Pattern LABEL_KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern DURATION = Pattern.compile("[0-9]+(ms|s|m|h)");
    private static final Set<String> ALGORITHMS = Set.of("round_robin", "least_connections");
    private static final Set<String> PROXY_PROTOCOLS = Set.of("send-proxy", "send-proxy-v2");

    private ManifestRules() {
    }

    /** Every problem of the manifest on its own (names, ports, annotations); empty when it may be applied. */
    public static List<String> problems(ServiceManifest manifest) {
        List<String> problems = new ArrayList<>();
        if (manifest.clusterId() == null || manifest.clusterId().isBlank()) {
            problems.add("Choose the Civo Kubernetes cluster the Service goes to.");
        }
        label(problems, "Namespace", manifest.namespace());
        label(problems, "Service name", manifest.name());
        firewallAnnotation(problems, manifest.annotations());
        otherAnnotations(problems, manifest.annotations());
        selector(problems, manifest.selector());
        ports(problems, manifest.ports());
        return problems;
    }

    /** Problems of the firewall the annotation names: it must be that firewall and have no ingress rule. */
    public static List<String> firewallProblems(ServiceManifest manifest, Firewall firewall) {
        List<String> problems = new ArrayList<>();
        if (manifest.firewallId() != null && !manifest.firewallId().equals(firewall.id())) {
            problems.add("The Service names firewall " + manifest.firewallId() + " but firewall " + firewall.id()
                    + " was checked.");
        }
        long ingress = FirewallRules.of(firewall.rules()).ingress().size();
        if (ingress > 0) {
            problems.add("Firewall " + firewall.name() + " has " + ingress + " ingress rule" + (ingress == 1 ? "" : "s")
                    + "; an internal load balancer's firewall must have none, or the internet can reach it.");
        }
        return problems;
    }

    /** Throws {@link ManifestRefused} listing every problem of the manifest and its firewall. */
    public static void requireInternal(ServiceManifest manifest, Firewall firewall) {
        List<String> problems = new ArrayList<>(problems(manifest));
        problems.addAll(firewallProblems(manifest, firewall));
        if (!problems.isEmpty()) {
            throw new ManifestRefused(problems);
        }
    }

    private static void label(List<String> problems, String what, String value) {
        if (value == null || value.isEmpty()) {
            problems.add(what + " is required.");
        } else if (value.length() > 63 || !DNS_1123_LABEL.matcher(value).matches()) {
            problems.add(what + " \"" + value + "\" is not a Kubernetes DNS-1123 label: at most 63 lower-case "
                    + "letters, digits and '-', starting and ending with a letter or digit.");
        }
    }

    private static void firewallAnnotation(List<String> problems, Map<String, String> annotations) {
        String firewall = annotations.get(CcmAnnotations.FIREWALL_ID);
        if (firewall == null || firewall.isBlank()) {
            problems.add("The Service has no " + CcmAnnotations.FIREWALL_ID + " annotation. Without it Civo's cloud "
                    + "controller manager creates the load balancer without a firewall_id, and Civo's API then "
                    + "creates a firewall of its own with the default rules, open to the internet on every port.");
        }
    }

    private static void otherAnnotations(List<String> problems, Map<String, String> annotations) {
        String algorithm = annotations.get(CcmAnnotations.ALGORITHM);
        if (algorithm != null && !ALGORITHMS.contains(algorithm)) {
            problems.add("Algorithm \"" + algorithm + "\" is not one of round_robin, least_connections.");
        }
        String max = annotations.get(CcmAnnotations.MAX_CONCURRENT_REQUESTS);
        if (max != null) {
            try {
                int value = Integer.parseInt(max);
                if (value < 10000 || value > 50000) {
                    problems.add("Max concurrent requests must be between 10000 and 50000, not " + value + ".");
                }
            } catch (NumberFormatException e) {
                problems.add("Max concurrent requests \"" + max + "\" is not a number.");
            }
        }
        String proxy = annotations.get(CcmAnnotations.PROXY_PROTOCOL);
        if (proxy != null && !PROXY_PROTOCOLS.contains(proxy)) {
            problems.add("Proxy protocol \"" + proxy + "\" is not one of send-proxy, send-proxy-v2.");
        }
        for (String key : List.of(CcmAnnotations.SERVER_TIMEOUT, CcmAnnotations.CLIENT_TIMEOUT)) {
            String timeout = annotations.get(key);
            if (timeout != null && !DURATION.matcher(timeout).matches()) {
                problems.add(key + " \"" + timeout + "\" is not a duration such as 60s or 120m.");
            }
        }
    }

    private static void selector(List<String> problems, Map<String, String> selector) {
        if (selector.isEmpty()) {
            problems.add("The Service needs at least one selector label, or it routes to no pod.");
        }
        selector.forEach((key, value) -> {
            if (key.length() > 317 || !LABEL_KEY.matcher(key).matches()) {
                problems.add("Selector key \"" + key + "\" is not a valid Kubernetes label key.");
            }
            if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
                problems.add("Selector value \"" + value + "\" of " + key + " is not a valid Kubernetes label value.");
            }
        });
    }

    private static void ports(List<String> problems, List<ServicePort> ports) {
        if (ports.isEmpty()) {
            problems.add("The Service needs at least one port.");
        }
        Set<Integer> seenPorts = new HashSet<>();
        Set<String> seenNames = new HashSet<>();
        for (ServicePort port : ports) {
            if (port.port() < 1 || port.port() > 65535) {
                problems.add("Port " + port.port() + " is outside 1-65535.");
            } else if (!seenPorts.add(port.port())) {
                problems.add("Port " + port.port() + " is listed twice.");
            }
            if (port.targetPort() < 1 || port.targetPort() > 65535) {
                problems.add("Target port " + port.targetPort() + " of port " + port.port() + " is outside 1-65535.");
            }
            if (!"TCP".equals(port.protocol())) {
                problems.add("Port " + port.port() + " uses " + port.protocol() + "; only TCP is supported, as the "
                        + "portal proves reachability with TCP connections.");
            }
            String name = port.name();
            if (name == null || name.isEmpty()) {
                if (ports.size() > 1) {
                    problems.add("Port " + port.port() + " needs a name: Kubernetes requires names when a Service "
                            + "has more than one port.");
                }
            } else if (name.length() > 15 || !DNS_1123_LABEL.matcher(name).matches()) {
                problems.add("Port name \"" + name + "\" must be at most 15 lower-case letters, digits and '-'.");
            } else if (!seenNames.add(name)) {
                problems.add("Port name \"" + name + "\" is used twice.");
            }
        }
    }
}
