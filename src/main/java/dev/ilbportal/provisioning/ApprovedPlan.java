package dev.ilbportal.provisioning;

import dev.ilbportal.civo.CivoJson;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.LoadBalancerCreateRequest;
import dev.ilbportal.kubernetes.KubernetesServices;
import dev.ilbportal.kubernetes.ServiceManifest;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The approved plan as provisioning reads it: the canonical JSON the approver approved (its hash is checked), with
 * the typed bodies of the two creates.
 */
public record ApprovedPlan(String json, String hash, String region, String networkId, String newFirewallName,
                           String existingFirewallId, String loadBalancerName) {

    static final String CREATED_FIREWALL_ID = "{created-firewall-id}";
    // The requests module's plan builder writes these; provisioning reads plans as JSON, not through its types.
    static final String APPLY_SERVICE = "apply-service";
    static final String FIND_LOAD_BALANCER = "find-load-balancer";
    static final String KUBERNETES_API = "k8s:";

    /** Reads the plan written by the requests module's plan builder. */
    public static ApprovedPlan parse(String json, String hash) {
        if (!sha256(json).equals(hash)) {
            throw new IllegalArgumentException("The plan does not match its approved hash " + hash);
        }
        JsonNode plan = CivoJson.mapper().readTree(json);
        String region = plan.get("region").asString();
        Optional<FirewallCreateRequest> firewall = body(plan, "create-firewall", FirewallCreateRequest.class);
        Optional<JsonNode> apply = call(plan, APPLY_SERVICE);
        if (apply.isPresent()) {
            String lookup = call(plan, FIND_LOAD_BALANCER).orElseThrow(() -> new IllegalArgumentException(
                    "The plan has no find-load-balancer call")).get("path").asString();
            String loadBalancerName = lookup.substring("/v2/loadbalancers/".length()).replaceAll("\\?.*", "");
            FirewallCreateRequest created = firewall.orElseThrow(() -> new IllegalArgumentException(
                    "A Kubernetes plan creates its firewall (an existing one is not supported yet)"));
            return new ApprovedPlan(json, hash, region, created.networkId(), created.name(), null, loadBalancerName);
        }
        LoadBalancerCreateRequest loadBalancer = body(plan, "create-load-balancer", LoadBalancerCreateRequest.class)
                .orElseThrow(() -> new IllegalArgumentException("The plan has no create-load-balancer call"));
        String existingFirewall = firewall.isPresent() ? null : loadBalancer.firewallId();
        return new ApprovedPlan(json, hash, region, loadBalancer.networkId(),
                firewall.map(FirewallCreateRequest::name).orElse(null), existingFirewall, loadBalancer.name());
    }

    /** Whether Civo's cloud controller manager builds the load balancer from a Service this plan applies. */
    public boolean isKubernetes() {
        return call(CivoJson.mapper().readTree(json), APPLY_SERVICE).isPresent();
    }

    /** The Service a Kubernetes plan applies, annotated with the firewall the job created or chose. */
    public ServiceManifest serviceManifest(String firewallId) {
        ServiceManifest planned = serviceOf(call(CivoJson.mapper().readTree(json), APPLY_SERVICE).orElseThrow(
                () -> new IllegalStateException("Not a Kubernetes plan")));
        return firewallId == null ? planned : planned.withFirewall(firewallId);
    }

    private static ServiceManifest serviceOf(JsonNode applyCall) {
        String path = applyCall.get("path").asString();
        String clusterId = path.substring(KUBERNETES_API.length(), path.indexOf('/'));
        return KubernetesServices.manifestOf(clusterId, applyCall.get("body"));
    }

    private static Optional<JsonNode> call(JsonNode plan, String step) {
        for (JsonNode call : plan.get("calls")) {
            if (step.equals(call.get("step").asString())) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    public Optional<FirewallCreateRequest> firewallCreate() {
        return body(CivoJson.mapper().readTree(json), "create-firewall", FirewallCreateRequest.class);
    }

    /** The load balancer's create body with the firewall the job created or chose filled in. */
    public LoadBalancerCreateRequest loadBalancerCreate(String firewallId) {
        LoadBalancerCreateRequest planned = body(CivoJson.mapper().readTree(json), "create-load-balancer",
                LoadBalancerCreateRequest.class).orElseThrow();
        return new LoadBalancerCreateRequest(planned.region(), planned.name(), planned.serviceName(),
                planned.networkId(), planned.algorithm(), firewallId, planned.maxConcurrentRequests(),
                planned.backends(), planned.instancePools(), planned.externalTrafficPolicy(),
                planned.sessionAffinity(), planned.sessionAffinityConfigTimeout(), planned.enableProxyProtocol(),
                planned.clusterId(), planned.firewallRule(), planned.options());
    }

    /** The ports the load balancer listens on, as {@code port/PROTOCOL}, in plan order without repeats. */
    public List<String> listeningPorts() {
        if (isKubernetes()) {
            return serviceManifest(null).ports().stream().map(port -> port.port() + "/" + protocolOf(port.protocol()))
                    .distinct().toList();
        }
        LoadBalancerCreateRequest lb = loadBalancerCreate(null);
        java.util.LinkedHashSet<String> ports = new java.util.LinkedHashSet<>();
        if (lb.instancePools() != null) {
            lb.instancePools().forEach(pool -> ports.add(pool.sourcePort() + "/" + protocolOf(pool.protocol())));
        }
        if (lb.backends() != null) {
            lb.backends().forEach(backend -> ports.add(backend.sourcePort() + "/" + protocolOf(backend.protocol())));
        }
        return List.copyOf(ports);
    }

    private static String protocolOf(String protocol) {
        return protocol == null ? "TCP" : protocol.toUpperCase(java.util.Locale.ROOT);
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> Optional<T> body(JsonNode plan, String step, Class<T> type) {
        for (JsonNode call : plan.get("calls")) {
            if (step.equals(call.get("step").asString())) {
                return Optional.of(CivoJson.mapper().treeToValue(call.get("body"), type));
            }
        }
        return Optional.empty();
    }
}
