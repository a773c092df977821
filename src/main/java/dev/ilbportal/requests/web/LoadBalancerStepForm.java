package dev.ilbportal.requests.web;

import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Step 2 as typed: name, algorithm, what it balances, the port rows, the advanced settings and the firewall. Every
 * value is a string so that "80a" comes back as "80a" beside its message.
 */
public class LoadBalancerStepForm {

    /** The firewall dropdown's value for "the new internal-only firewall". */
    public static final String NEW_FIREWALL = "new";

    private String name;
    private String algorithm = "round_robin";
    private String targetKind = BackendTarget.Kind.INSTANCE_TAGS.name();
    private String targetValues;
    private List<PortRow> ports = new ArrayList<>();
    private String sessionAffinity = "None";
    private String sessionAffinityTimeout;
    private String proxyProtocol = "";
    private String maxConcurrentRequests = "10000";
    private String clientTimeout = "60s";
    private String serverTimeout = "60s";
    private String firewallChoice = NEW_FIREWALL;
    private String clusterId;
    private String namespace = "default";
    private String selector;

    static LoadBalancerStepForm of(LoadBalancerSpec spec) {
        LoadBalancerStepForm form = new LoadBalancerStepForm();
        form.name = spec.name();
        if (spec.algorithm() != null) {
            form.algorithm = spec.algorithm();
        }
        if (spec.target() != null && spec.target().kind() != null) {
            form.targetKind = spec.target().kind().name();
            spec.target().kubernetes().ifPresentOrElse(kubernetes -> {
                form.clusterId = kubernetes.clusterId();
                form.namespace = kubernetes.namespace();
                form.selector = kubernetes.selector().entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(java.util.stream.Collectors.joining(", "));
            }, () -> form.targetValues = String.join(", ", spec.target().values()));
        }
        spec.ports().forEach(port -> form.ports.add(PortRow.of(port)));
        if (form.ports.isEmpty()) {
            form.ports.add(PortRow.blank());
        }
        AdvancedSettings advanced = spec.advanced() == null ? AdvancedSettings.defaults() : spec.advanced();
        form.sessionAffinity = advanced.sessionAffinity() == null ? "None" : advanced.sessionAffinity();
        form.sessionAffinityTimeout = advanced.sessionAffinityTimeout() == null ? null
                : advanced.sessionAffinityTimeout().toString();
        form.proxyProtocol = advanced.proxyProtocol() == null ? "" : advanced.proxyProtocol();
        form.maxConcurrentRequests = Integer.toString(advanced.maxConcurrentRequests());
        form.clientTimeout = advanced.clientTimeout();
        form.serverTimeout = advanced.serverTimeout();
        if (spec.firewall() != null && spec.firewall().mode() == FirewallChoice.Mode.EXISTING) {
            form.firewallChoice = spec.firewall().existingId();
        }
        return form;
    }

    LoadBalancerSpec applyTo(LoadBalancerSpec base) {
        return applyTo(base, java.util.Map.of());
    }

    /**
     * The spec with this step's choices. {@code clusterNames} gives a chosen cluster's name, which Civo's controller
     * uses to name the load balancer.
     */
    LoadBalancerSpec applyTo(LoadBalancerSpec base, java.util.Map<String, String> clusterNames) {
        BackendTarget.Kind kind = Arrays.stream(BackendTarget.Kind.values())
                .filter(candidate -> candidate.name().equals(targetKind)).findFirst().orElse(null);
        List<String> values = targetValues == null ? List.of() : Arrays.stream(targetValues.split("[,\\s]+"))
                .map(String::strip).filter(value -> !value.isEmpty()).toList();
        BackendTarget target = new BackendTarget(kind, values);
        String cluster = NetworkStepForm.trimmed(clusterId);
        if (kind == BackendTarget.Kind.KUBERNETES_SERVICE && cluster != null) {
            target = BackendTarget.kubernetesService(cluster, clusterNames.getOrDefault(cluster, cluster),
                    NetworkStepForm.trimmed(namespace) == null ? "default" : namespace.strip(), selectorEntries());
        }
        List<PortMapping> mappings = ports.stream().map(PortRow::toMapping).toList();
        String affinity = NetworkStepForm.trimmed(sessionAffinity);
        AdvancedSettings advanced = new AdvancedSettings(affinity == null ? "None" : affinity,
                "ClientIP".equals(affinity) ? number(sessionAffinityTimeout) : null,
                proxyProtocol == null ? "" : proxyProtocol.strip(),
                orZero(number(maxConcurrentRequests)), NetworkStepForm.trimmed(clientTimeout),
                NetworkStepForm.trimmed(serverTimeout));
        FirewallChoice firewall;
        String choice = NetworkStepForm.trimmed(firewallChoice);
        if (choice == null) {
            firewall = new FirewallChoice(FirewallChoice.Mode.EXISTING, null, null);
        } else if (NEW_FIREWALL.equals(choice)) {
            boolean wasNew = base.firewall() != null && base.firewall().mode() == FirewallChoice.Mode.CREATE;
            firewall = FirewallChoice.create(wasNew ? base.firewall().newName() : null);
        } else {
            firewall = FirewallChoice.existing(choice);
        }
        return new LoadBalancerSpec(base.region(), base.networkId(), NetworkStepForm.trimmed(name),
                NetworkStepForm.trimmed(algorithm), firewall, target, mappings, advanced,
                base.justification());
    }

    /** The selector as typed ({@code app=web, tier=api}); an entry without {@code =} keeps an empty value. */
    private java.util.Map<String, String> selectorEntries() {
        java.util.Map<String, String> entries = new java.util.TreeMap<>();
        if (selector != null) {
            for (String entry : selector.split("[,\\s]+")) {
                if (entry.isBlank()) {
                    continue;
                }
                int equals = entry.indexOf('=');
                entries.put(equals < 0 ? entry.strip() : entry.substring(0, equals).strip(),
                        equals < 0 ? "" : entry.substring(equals + 1).strip());
            }
        }
        return entries;
    }

    public String getClusterId() {
        return clusterId;
    }

    public void setClusterId(String clusterId) {
        this.clusterId = clusterId;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getSelector() {
        return selector;
    }

    public void setSelector(String selector) {
        this.selector = selector;
    }

    /** Without JavaScript, "Add port" posts the form and gets it back with one more row. */
    void addPort() {
        if (ports.size() < dev.ilbportal.requests.internal.SpecRules.MAX_PORTS) {
            ports.add(PortRow.blank());
        }
    }

    void removePort(int index) {
        if (index >= 0 && index < ports.size()) {
            ports.remove(index);
        }
        if (ports.isEmpty()) {
            ports.add(PortRow.blank());
        }
    }

    /** A number as typed, or -1 when it is not one (the rules then say what a valid value is). */
    static Integer number(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** One port row as typed. */
    public static class PortRow {

        private String protocol = "HTTP";
        private String sourcePort;
        private String targetPort;
        private String healthCheckPort;
        private String healthCheckPath;

        static PortRow blank() {
            return new PortRow();
        }

        static PortRow of(PortMapping mapping) {
            PortRow row = new PortRow();
            row.protocol = mapping.protocol();
            row.sourcePort = mapping.sourcePort() == 0 ? null : Integer.toString(mapping.sourcePort());
            row.targetPort = mapping.targetPort() == 0 ? null : Integer.toString(mapping.targetPort());
            row.healthCheckPort = mapping.healthCheckPort() == null ? null : mapping.healthCheckPort().toString();
            row.healthCheckPath = mapping.healthCheckPath();
            return row;
        }

        PortMapping toMapping() {
            Integer health = number(healthCheckPort);
            return new PortMapping(NetworkStepForm.trimmed(protocol), orZero(number(sourcePort)),
                    orZero(number(targetPort)), health, NetworkStepForm.trimmed(healthCheckPath));
        }

        public String getProtocol() {
            return protocol;
        }

        public void setProtocol(String protocol) {
            this.protocol = protocol;
        }

        public String getSourcePort() {
            return sourcePort;
        }

        public void setSourcePort(String sourcePort) {
            this.sourcePort = sourcePort;
        }

        public String getTargetPort() {
            return targetPort;
        }

        public void setTargetPort(String targetPort) {
            this.targetPort = targetPort;
        }

        public String getHealthCheckPort() {
            return healthCheckPort;
        }

        public void setHealthCheckPort(String healthCheckPort) {
            this.healthCheckPort = healthCheckPort;
        }

        public String getHealthCheckPath() {
            return healthCheckPath;
        }

        public void setHealthCheckPath(String healthCheckPath) {
            this.healthCheckPath = healthCheckPath;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(String algorithm) {
        this.algorithm = algorithm;
    }

    public String getTargetKind() {
        return targetKind;
    }

    public void setTargetKind(String targetKind) {
        this.targetKind = targetKind;
    }

    public String getTargetValues() {
        return targetValues;
    }

    public void setTargetValues(String targetValues) {
        this.targetValues = targetValues;
    }

    public List<PortRow> getPorts() {
        return ports;
    }

    public void setPorts(List<PortRow> ports) {
        this.ports = ports;
    }

    public String getSessionAffinity() {
        return sessionAffinity;
    }

    public void setSessionAffinity(String sessionAffinity) {
        this.sessionAffinity = sessionAffinity;
    }

    public String getSessionAffinityTimeout() {
        return sessionAffinityTimeout;
    }

    public void setSessionAffinityTimeout(String sessionAffinityTimeout) {
        this.sessionAffinityTimeout = sessionAffinityTimeout;
    }

    public String getProxyProtocol() {
        return proxyProtocol;
    }

    public void setProxyProtocol(String proxyProtocol) {
        this.proxyProtocol = proxyProtocol;
    }

    public String getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(String maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public String getClientTimeout() {
        return clientTimeout;
    }

    public void setClientTimeout(String clientTimeout) {
        this.clientTimeout = clientTimeout;
    }

    public String getServerTimeout() {
        return serverTimeout;
    }

    public void setServerTimeout(String serverTimeout) {
        this.serverTimeout = serverTimeout;
    }

    public String getFirewallChoice() {
        return firewallChoice;
    }

    public void setFirewallChoice(String firewallChoice) {
        this.firewallChoice = firewallChoice;
    }
}
