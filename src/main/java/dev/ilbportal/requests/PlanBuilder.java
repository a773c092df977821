package dev.ilbportal.requests;

import dev.ilbportal.civo.model.Backend;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.HealthCheck;
import dev.ilbportal.civo.model.InstancePool;
import dev.ilbportal.civo.model.LoadBalancerCreateRequest;
import dev.ilbportal.civo.model.LoadBalancerOptions;
import dev.ilbportal.requests.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.LoadBalancerSpec.PortMapping;
import dev.ilbportal.requests.ProvisioningPlan.PlannedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a complete spec into the plan of Civo calls. The safe path is built in: a new firewall is always created
 * with {@code create_rules: false}, its rules are read back before anything uses it, and the load balancer always
 * names its firewall.
 */
public final class PlanBuilder {

    private PlanBuilder() {
    }

    public static ProvisioningPlan planFor(LoadBalancerSpec spec) {
        String region = spec.region();
        String query = "?region=" + region;
        List<PlannedCall> calls = new ArrayList<>();
        String firewallId;
        FirewallChoice firewall = spec.firewall();
        if (firewall.mode() == FirewallChoice.Mode.CREATE) {
            calls.add(new PlannedCall("create-firewall", "POST", "/v2/firewalls" + query,
                    FirewallCreateRequest.withoutRules(firewallName(spec), region, spec.networkId()),
                    "A new firewall with create_rules false: Civo adds no rule, so nothing can come in."));
            firewallId = ProvisioningPlan.CREATED_FIREWALL_ID;
        } else {
            firewallId = firewall.existingId();
        }
        calls.add(new PlannedCall("check-firewall-rules", "GET", "/v2/firewalls/" + firewallId + "/rules" + query,
                null, "Reads the firewall's rules back; provisioning stops if any ingress rule exists."));
        calls.add(new PlannedCall("create-load-balancer", "POST", "/v2/loadbalancers" + query,
                loadBalancerBody(spec, firewallId),
                "The load balancer with firewall_id set, so Civo does not create an open firewall of its own."));
        calls.add(new PlannedCall("wait-until-available", "GET",
                "/v2/loadbalancers/" + ProvisioningPlan.CREATED_LOAD_BALANCER_ID + query, null,
                "Polled until state is available and both IPs are assigned."));
        return new ProvisioningPlan(region, calls);
    }

    /** The firewall's name: what the requester typed, or {@code <lb-name>-internal}. */
    public static String firewallName(LoadBalancerSpec spec) {
        String typed = spec.firewall().newName();
        return typed == null || typed.isBlank() ? spec.name() + "-internal" : typed.strip();
    }

    private static LoadBalancerCreateRequest loadBalancerBody(LoadBalancerSpec spec, String firewallId) {
        BackendTarget target = spec.target();
        List<InstancePool> pools = null;
        List<Backend> backends = null;
        switch (target.kind()) {
            case INSTANCE_TAGS -> pools = spec.ports().stream()
                    .map(port -> new InstancePool(target.values(), List.of(), protocol(port), port.sourcePort(),
                            port.targetPort(), healthCheck(port)))
                    .toList();
            case INSTANCE_NAMES -> pools = spec.ports().stream()
                    .map(port -> new InstancePool(List.of(), target.values(), protocol(port), port.sourcePort(),
                            port.targetPort(), healthCheck(port)))
                    .toList();
            case BACKEND_IPS -> backends = target.values().stream()
                    .flatMap(ip -> spec.ports().stream().map(port -> new Backend(ip, protocol(port),
                            port.sourcePort(), port.targetPort(), healthCheckPort(port))))
                    .toList();
        }
        AdvancedSettings advanced = spec.advanced() == null ? AdvancedSettings.defaults() : spec.advanced();
        boolean affinity = advanced.sessionAffinity() != null && !"None".equalsIgnoreCase(advanced.sessionAffinity());
        String proxyProtocol = advanced.proxyProtocol() == null || advanced.proxyProtocol().isBlank()
                ? null : advanced.proxyProtocol();
        return new LoadBalancerCreateRequest(spec.region(), spec.name(), null, spec.networkId(), spec.algorithm(),
                firewallId, advanced.maxConcurrentRequests(), backends, pools, null,
                affinity ? advanced.sessionAffinity() : null,
                affinity ? advanced.sessionAffinityTimeout() : null,
                proxyProtocol, null, null,
                new LoadBalancerOptions(advanced.serverTimeout(), advanced.clientTimeout()));
    }

    private static String protocol(PortMapping port) {
        return port.protocol() == null ? "TCP" : port.protocol().toUpperCase(Locale.ROOT);
    }

    private static HealthCheck healthCheck(PortMapping port) {
        String path = port.healthCheckPath() == null || port.healthCheckPath().isBlank() ? "/" : port.healthCheckPath();
        return new HealthCheck(healthCheckPort(port), path);
    }

    private static int healthCheckPort(PortMapping port) {
        return port.healthCheckPort() == null ? port.targetPort() : port.healthCheckPort();
    }
}
