package dev.ilbportal.requests.internal;

import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a spec must meet on its own, before anything is asked of Civo: names Civo accepts, port ranges, the
 * advanced settings' allowed values. Each broken rule is reported beside its field.
 */
public final class SpecRules {

    public static final int MAX_NAME_LENGTH = 63;
    /** Port rows of one load balancer; also the wizard binder's auto-grow limit, so no index beyond is bound. */
    public static final int MAX_PORTS = 50;
    /** Instance tags, instance names or backend IPs of one load balancer. */
    public static final int MAX_TARGETS = 100;
    /** Backends after expansion (backend IPs × port rows): what one create call sends to Civo. */
    public static final int MAX_BACKENDS = 500;
    /** Labels of a Kubernetes Service's selector. */
    public static final int MAX_SELECTOR_LABELS = 20;
    public static final int MAX_JUSTIFICATION_LENGTH = 2000;
    public static final List<String> ALGORITHMS = List.of("round_robin", "least_connections");
    public static final List<String> PROTOCOLS = List.of("TCP", "UDP", "HTTP");
    public static final List<String> SESSION_AFFINITIES = List.of("None", "ClientIP");
    public static final List<String> PROXY_PROTOCOLS = List.of("", "send-proxy", "send-proxy-v2");
    public static final List<Integer> MAX_CONCURRENT_REQUESTS = List.of(10000, 20000, 30000, 40000, 50000);

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}");
    private static final Pattern TIMEOUT = Pattern.compile("([1-9][0-9]{0,4})(s|m|h)");
    private static final Pattern HEALTH_CHECK_PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]{0,254}");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private SpecRules() {
    }

    /** Everything a submitted spec needs; drafts are checked step by step with the same rules. */
    public static SpecProblems check(LoadBalancerSpec spec) {
        SpecProblems problems = new SpecProblems();
        required(problems, "region", spec.region(), "Choose a region.");
        required(problems, "networkId", spec.networkId(), "Choose the network the load balancer lives in.");
        checkName(problems, "name", spec.name(), "load balancer");
        if (spec.algorithm() == null || !ALGORITHMS.contains(spec.algorithm())) {
            problems.add("algorithm", "Choose round_robin or least_connections.");
        }
        checkFirewall(problems, spec);
        if (spec.target() != null && spec.target().kind() == BackendTarget.Kind.KUBERNETES_SERVICE) {
            checkKubernetesTarget(problems, spec);
        } else {
            checkTarget(problems, spec.target());
        }
        checkPorts(problems, spec.ports());
        checkAdvanced(problems, spec.advanced() == null ? AdvancedSettings.defaults() : spec.advanced());
        checkBackendCount(problems, spec);
        if (spec.justification() != null && spec.justification().length() > MAX_JUSTIFICATION_LENGTH) {
            problems.add("justification", "Keep the justification under " + MAX_JUSTIFICATION_LENGTH
                    + " characters; it has " + spec.justification().length() + ".");
        } else if (spec.justification() != null && hasControlCharacter(spec.justification())) {
            problems.add("justification", "The justification contains a control character (NUL, for example); "
                    + "remove it.");
        }
        return problems;
    }

    /** At submission the approvers need to know why. */
    public static SpecProblems checkForSubmission(LoadBalancerSpec spec) {
        SpecProblems problems = check(spec);
        required(problems, "justification", spec.justification(),
                "Say why this load balancer is needed; approvers read it.");
        return problems;
    }

    static void checkName(SpecProblems problems, String field, String name, String what) {
        if (name == null || name.isBlank()) {
            problems.add(field, "Give the " + what + " a name.");
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add(field, "Civo accepts at most " + MAX_NAME_LENGTH + " characters; this name has "
                    + name.length() + ".");
        } else if (!NAME.matcher(name).matches()) {
            problems.add(field, "Use lowercase letters, digits and hyphens, starting and ending with a letter or "
                    + "digit (for example payments-api).");
        }
    }

    private static void checkFirewall(SpecProblems problems, LoadBalancerSpec spec) {
        FirewallChoice firewall = spec.firewall();
        if (firewall == null || firewall.mode() == null) {
            problems.add("firewallMode", "Choose a new internal-only firewall or an existing one.");
            return;
        }
        if (firewall.mode() == FirewallChoice.Mode.CREATE) {
            String name = firewall.newName();
            if (name != null && !name.isBlank()) {
                checkName(problems, "firewallName", name, "firewall");
            } else if (spec.name() != null && spec.name().length() > MAX_NAME_LENGTH - "-internal".length()) {
                problems.add("firewallName", "The default name " + spec.name() + "-internal would be longer than "
                        + MAX_NAME_LENGTH + " characters; type a shorter firewall name.");
            }
        } else if (firewall.existingId() == null || firewall.existingId().isBlank()) {
            problems.add("firewallId", "Choose one of the network's firewalls.");
        }
    }

    /** The Service the plan would apply must pass the Kubernetes module's rules (names, ports, annotations). */
    private static void checkKubernetesTarget(SpecProblems problems, LoadBalancerSpec spec) {
        if (spec.target().kubernetes().isEmpty()) {
            problems.add("targetValues", "Choose the cluster, namespace and selector of the Service.");
            return;
        }
        if (spec.firewall() != null && spec.firewall().mode() != FirewallChoice.Mode.CREATE) {
            problems.add("firewallId", "For a Kubernetes Service the portal creates a new internal firewall in the "
                    + "cluster's network; choosing an existing firewall is not supported yet.");
        }
        if (spec.target().kubernetes().get().selector().size() > MAX_SELECTOR_LABELS) {
            problems.add("targetValues", "A selector has at most " + MAX_SELECTOR_LABELS + " labels.");
            return;
        }
        String namespace = spec.target().kubernetes().get().namespace();
        if (isSystemNamespace(namespace)) {
            problems.add("namespace", "Namespace " + namespace + " belongs to Kubernetes itself; the portal never puts "
                    + "a Service there. Choose your team's namespace.");
        }
        if (spec.target().kubernetes().get().clusterName() == null
                || spec.target().kubernetes().get().clusterName().isBlank()) {
            problems.add("targetValues", "The cluster's name is missing; it names the load balancer.");
        }
        LoadBalancerSpec.KubernetesTarget target = spec.target().kubernetes().get();
        String loadBalancerName = target.clusterName() + "-" + target.namespace() + "-" + spec.name();
        if (loadBalancerName.length() > MAX_NAME_LENGTH) {
            problems.add("name", "The load balancer Civo's cloud controller manager names " + loadBalancerName
                    + " would be longer than " + MAX_NAME_LENGTH + " characters; choose a shorter Service name.");
        }
        List<String> manifest = dev.ilbportal.kubernetes.ManifestRules.problems(
                PlanBuilder.serviceManifest(spec, "firewall-to-be-created"));
        if (!manifest.isEmpty()) {
            problems.add("targetValues", String.join(" ", manifest));
        }
    }

    /**
     * Kubernetes' own namespaces, refused whatever a team's binding says: {@code kube-system}, {@code kube-public},
     * {@code kube-node-lease} and anything else under the {@code kube-} prefix Kubernetes reserves for itself.
     * {@code default} is not among them; it is allowed only to a team whose binding lists it (docs/hardening.md).
     */
    public static boolean isSystemNamespace(String namespace) {
        return namespace != null && namespace.strip().toLowerCase(java.util.Locale.ROOT).startsWith("kube-");
    }

    /** Backend IPs are multiplied by the port rows: the product is what the plan and Civo have to carry. */
    private static void checkBackendCount(SpecProblems problems, LoadBalancerSpec spec) {
        if (spec.target() == null || spec.target().kind() != BackendTarget.Kind.BACKEND_IPS
                || spec.target().values().size() > MAX_TARGETS || spec.ports().size() > MAX_PORTS) {
            return;
        }
        long backends = (long) spec.target().values().size() * spec.ports().size();
        if (backends > MAX_BACKENDS) {
            problems.add("targetValues", spec.target().values().size() + " backend IPs × " + spec.ports().size()
                    + " ports make " + backends + " backends; the portal sends at most " + MAX_BACKENDS
                    + ". Use fewer IPs or ports, or target instances by tag.");
        }
    }

    /** True when the text holds a C0 control character other than tab and line breaks, or DEL. */
    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static void checkTarget(SpecProblems problems, BackendTarget target) {
        if (target == null || target.kind() == null) {
            problems.add("targetKind", "Choose what the load balancer balances.");
            return;
        }
        if (target.values().size() > MAX_TARGETS) {
            problems.add("targetValues", "At most " + MAX_TARGETS + " values; this list has "
                    + target.values().size() + ".");
            return;
        }
        if (target.values().isEmpty()) {
            problems.add("targetValues", switch (target.kind()) {
                case INSTANCE_TAGS -> "Give at least one instance tag.";
                case INSTANCE_NAMES -> "Give at least one instance name.";
                case BACKEND_IPS -> "Give at least one backend IP address.";
                case KUBERNETES_SERVICE -> "Choose the cluster, namespace and selector of the Service.";
            });
            return;
        }
        for (String value : target.values()) {
            boolean valid = target.kind() == BackendTarget.Kind.BACKEND_IPS
                    ? IPV4.matcher(value).matches() : TAG.matcher(value).matches();
            if (!valid) {
                problems.add("targetValues", target.kind() == BackendTarget.Kind.BACKEND_IPS
                        ? "\"" + value + "\" is not an IPv4 address."
                        : "\"" + value + "\" is not a valid tag or instance name.");
                return;
            }
        }
    }

    private static void checkPorts(SpecProblems problems, List<PortMapping> ports) {
        if (ports.isEmpty()) {
            problems.add("ports", "Add at least one port.");
            return;
        }
        if (ports.size() > MAX_PORTS) {
            problems.add("ports", "At most " + MAX_PORTS + " port rows; this load balancer has " + ports.size()
                    + ".");
            return;
        }
        Set<Integer> sourcePorts = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            PortMapping port = ports.get(i);
            String prefix = "ports[" + i + "].";
            if (port.protocol() == null || !PROTOCOLS.contains(port.protocol().toUpperCase(java.util.Locale.ROOT))) {
                problems.add(prefix + "protocol", "Choose TCP, UDP or HTTP.");
            }
            portInRange(problems, prefix + "sourcePort", port.sourcePort());
            portInRange(problems, prefix + "targetPort", port.targetPort());
            if (port.healthCheckPort() != null) {
                portInRange(problems, prefix + "healthCheckPort", port.healthCheckPort());
            }
            if (port.healthCheckPath() != null && !port.healthCheckPath().isBlank()
                    && !HEALTH_CHECK_PATH.matcher(port.healthCheckPath()).matches()) {
                problems.add(prefix + "healthCheckPath", "A health-check path starts with / and has no spaces "
                        + "(for example /healthz).");
            }
            if (port.sourcePort() >= 1 && port.sourcePort() <= 65535 && !sourcePorts.add(port.sourcePort())) {
                problems.add(prefix + "sourcePort", "Port " + port.sourcePort()
                        + " is already used by another row; each source port can be used once.");
            }
        }
    }

    private static void portInRange(SpecProblems problems, String field, int port) {
        if (port < 1 || port > 65535) {
            problems.add(field, "A port is a number from 1 to 65535.");
        }
    }

    private static void checkAdvanced(SpecProblems problems, AdvancedSettings advanced) {
        if (!MAX_CONCURRENT_REQUESTS.contains(advanced.maxConcurrentRequests())) {
            problems.add("maxConcurrentRequests", "Choose 10000 to 50000, in steps of 10000.");
        }
        String affinity = advanced.sessionAffinity() == null ? "None" : advanced.sessionAffinity();
        if (!SESSION_AFFINITIES.contains(affinity)) {
            problems.add("sessionAffinity", "Choose None or ClientIP.");
        } else if ("ClientIP".equals(affinity) && (advanced.sessionAffinityTimeout() == null
                || advanced.sessionAffinityTimeout() < 1 || advanced.sessionAffinityTimeout() > 86400)) {
            problems.add("sessionAffinityTimeout", "With ClientIP affinity, give a timeout of 1 to 86400 seconds.");
        }
        String proxy = advanced.proxyProtocol() == null ? "" : advanced.proxyProtocol();
        if (!PROXY_PROTOCOLS.contains(proxy)) {
            problems.add("proxyProtocol", "Choose none, send-proxy or send-proxy-v2.");
        }
        checkTimeout(problems, "clientTimeout", advanced.clientTimeout());
        checkTimeout(problems, "serverTimeout", advanced.serverTimeout());
    }

    private static void checkTimeout(SpecProblems problems, String field, String timeout) {
        if (timeout == null || !TIMEOUT.matcher(timeout).matches()) {
            problems.add(field, "Write a duration like 60s, 5m or 1h.");
        }
    }

    private static void required(SpecProblems problems, String field, String value, String message) {
        if (value == null || value.isBlank()) {
            problems.add(field, message);
        }
    }
}
