package dev.ilbportal.requests.internal;

import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.civo.model.Backend;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.HealthCheck;
import dev.ilbportal.civo.model.InstancePool;
import dev.ilbportal.civo.model.LoadBalancerCreateRequest;
import dev.ilbportal.civo.model.LoadBalancerOptions;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.kubernetes.CcmAnnotations;
import dev.ilbportal.kubernetes.KubernetesServices;
import dev.ilbportal.kubernetes.ServiceManifest;
import dev.ilbportal.kubernetes.ServicePort;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.KubernetesTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import dev.ilbportal.requests.ProvisioningPlan.PlannedCall;
import dev.ilbportal.requests.ProvisioningPlan.Step;
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

    /** The plan under Civo's classic path prefix. */
    public static ProvisioningPlan planFor(LoadBalancerSpec spec) {
        return planFor(spec, ProvisioningPlan.CLASSIC_PATH_PREFIX);
    }

    /**
     * The plan of Civo calls for a complete spec.
     *
     * @param pathPrefix {@code portal.civo.path-prefix}, so the plan shows the paths the portal will really call
     */
    public static ProvisioningPlan planFor(LoadBalancerSpec spec, String pathPrefix) {
        String region = spec.region();
        List<PlannedCall> calls = new ArrayList<>();
        String firewallId;
        FirewallChoice firewall = spec.firewall();
        if (firewall.mode() == FirewallChoice.Mode.CREATE) {
            calls.add(Step.CREATE_FIREWALL.onCivo(pathPrefix, region,
                    FirewallCreateRequest.withoutRules(firewallName(spec), region, spec.networkId()),
                    "A new firewall with create_rules false: Civo adds no rule, so nothing can come in."));
            firewallId = ProvisioningPlan.CREATED_FIREWALL_ID;
        } else {
            firewallId = firewall.existingId();
        }
        calls.add(Step.CHECK_FIREWALL_RULES.onCivo(pathPrefix, region, null,
                "Reads the firewall's rules back; provisioning stops if any ingress rule exists.", firewallId));
        if (spec.target() != null && spec.target().kind() == BackendTarget.Kind.KUBERNETES_SERVICE) {
            kubernetesCalls(spec, firewallId, pathPrefix, calls);
            return new ProvisioningPlan(region, calls);
        }
        calls.add(Step.CREATE_LOAD_BALANCER.onCivo(pathPrefix, region, loadBalancerBody(spec, firewallId),
                "The load balancer with firewall_id set, so Civo does not create an open firewall of its own."));
        calls.add(Step.WAIT_UNTIL_AVAILABLE.onCivo(pathPrefix, region, null,
                "Polled until state is available and both IPs are assigned.",
                ProvisioningPlan.CREATED_LOAD_BALANCER_ID));
        return new ProvisioningPlan(region, calls);
    }

    /**
     * For a Kubernetes target the portal does not create the load balancer: it applies a Service of type LoadBalancer
     * carrying the firewall annotation, and Civo's cloud controller manager creates it; the portal then finds it by
     * {@code cluster_id} and name and checks it carries the approved firewall.
     */
    private static void kubernetesCalls(LoadBalancerSpec spec, String firewallId, String pathPrefix,
            List<PlannedCall> calls) {
        ServiceManifest manifest = serviceManifest(spec, firewallId);
        calls.add(Step.APPLY_SERVICE.onCluster(manifest.clusterId(), KubernetesServices.serviceObject(manifest),
                "The Service of type LoadBalancer in the cluster, with kubernetes.civo.com/firewall-id set, so Civo's "
                        + "cloud controller manager attaches this firewall instead of creating an open one. "
                        + "Replaced (PUT) when the job created it before a restart.", manifest.namespace()));
        calls.add(Step.WAIT_FOR_SERVICE_INGRESS.onCluster(manifest.clusterId(), null,
                "Polled until status.loadBalancer.ingress shows the load balancer's IP.", manifest.namespace(),
                manifest.name()));
        String clusterName = spec.target().kubernetes().map(KubernetesTarget::clusterName).orElse("");
        String loadBalancerName = manifest.loadBalancerName(clusterName);
        calls.add(Step.FIND_LOAD_BALANCER.onCivo(pathPrefix, spec.region(), null,
                "The load balancer the cloud controller manager built: its cluster_id must be the cluster's, its name "
                        + loadBalancerName + ", its firewall_id the approved firewall, and "
                        + "it must be available with IPs.", loadBalancerName));
    }

    /** The Service a Kubernetes target applies, annotated with the given firewall (id or plan placeholder). */
    public static ServiceManifest serviceManifest(LoadBalancerSpec spec, String firewallId) {
        KubernetesTarget target = spec.target().kubernetes()
                .orElseThrow(() -> new IllegalArgumentException("Not a Kubernetes target"));
        AdvancedSettings advanced = spec.advanced() == null ? AdvancedSettings.defaults() : spec.advanced();
        String proxyProtocol = advanced.proxyProtocol() == null || advanced.proxyProtocol().isBlank()
                ? null : advanced.proxyProtocol();
        List<ServicePort> ports = spec.ports().stream()
                .map(port -> new ServicePort(spec.ports().size() > 1 ? "port-" + port.sourcePort() : null,
                        port.sourcePort(), port.targetPort(), protocol(port)))
                .toList();
        return ServiceManifest.of(target.clusterId(), target.namespace(), spec.name(), target.selector(), ports,
                new CcmAnnotations(firewallId, spec.algorithm(), advanced.maxConcurrentRequests(), proxyProtocol,
                        advanced.serverTimeout(), advanced.clientTimeout()));
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
            case KUBERNETES_SERVICE -> throw new IllegalArgumentException("A Kubernetes target has no Civo create");
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
