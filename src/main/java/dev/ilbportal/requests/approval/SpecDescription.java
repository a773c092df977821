package dev.ilbportal.requests.approval;

import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import java.util.ArrayList;
import java.util.List;
import dev.ilbportal.requests.approval.RequestPage.Fact;

/** A spec in the words of Civo's dashboard, so an approver reads what is asked for without reading JSON. */
public final class SpecDescription {

    private SpecDescription() {
    }

    static List<Fact> of(LoadBalancerSpec spec) {
        List<Fact> facts = new ArrayList<>();
        add(facts, "Name", spec.name());
        add(facts, "Region", spec.region());
        add(facts, "Network", spec.networkId());
        add(facts, "Algorithm", spec.algorithm() == null ? null : spec.algorithm().replace('_', ' '));
        add(facts, "Firewall", firewall(spec.firewall()));
        add(facts, "Balances", target(spec.target()));
        AdvancedSettings advanced = spec.advanced();
        if (advanced != null) {
            String affinity = advanced.sessionAffinity() == null || "None".equalsIgnoreCase(advanced.sessionAffinity())
                    ? "none" : advanced.sessionAffinity() + (advanced.sessionAffinityTimeout() == null ? ""
                    : " for " + advanced.sessionAffinityTimeout() + " s");
            add(facts, "Session affinity", affinity);
            add(facts, "Proxy protocol", advanced.proxyProtocol() == null || advanced.proxyProtocol().isBlank()
                    ? "off" : advanced.proxyProtocol());
            add(facts, "Max concurrent requests", String.valueOf(advanced.maxConcurrentRequests()));
            add(facts, "Client timeout", advanced.clientTimeout());
            add(facts, "Server timeout", advanced.serverTimeout());
        }
        add(facts, "Justification", spec.justification());
        return facts;
    }

    private static String firewall(FirewallChoice firewall) {
        if (firewall == null || firewall.mode() == null) {
            return null;
        }
        return switch (firewall.mode()) {
            case CREATE -> "A new internal-only firewall (no inbound rules)"
                    + (firewall.newName() == null || firewall.newName().isBlank() ? "" : " named " + firewall.newName());
            case EXISTING -> "The existing firewall " + firewall.existingId();
        };
    }

    /** What the load balancer balances, in words. */
    public static String target(BackendTarget target) {
        if (target == null || target.kind() == null) {
            return null;
        }
        String values = String.join(", ", target.values());
        return switch (target.kind()) {
            case INSTANCE_TAGS -> "Instances tagged " + values;
            case INSTANCE_NAMES -> "Instances named " + values;
            case BACKEND_IPS -> "Backend IPs " + values;
            case KUBERNETES_SERVICE -> target.kubernetes().map(k8s -> "Kubernetes Service in namespace "
                    + k8s.namespace() + " of cluster " + k8s.clusterName() + " (" + k8s.clusterId() + "), selecting "
                    + k8s.selector()).orElse("Kubernetes Service " + values);
        };
    }

    private static void add(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value));
        }
    }
}
