package dev.ilbportal.requests;

import dev.ilbportal.shared.Digests;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.ilbportal.civo.CivoJson;
import dev.ilbportal.civo.model.Backend;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.InstancePool;
import dev.ilbportal.civo.model.LoadBalancerCreateRequest;
import dev.ilbportal.civo.model.LoadBalancerUpdateRequest;
import dev.ilbportal.kubernetes.KubernetesServices;
import dev.ilbportal.kubernetes.ServiceManifest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The approved plan: the exact Civo calls that carry out a request, in order, with their typed bodies. The review
 * page shows it, the approver approves its hash, and provisioning executes the same object, read back through this
 * type. The stored JSON (its canonical form) is the contract: {@link #canonicalJson()} writes it, {@link #read}
 * reads it, and {@link #hashOf} is the only place its SHA-256 is computed.
 *
 * @param region the Civo region every call goes to
 * @param calls  the calls, in order
 */
@JsonPropertyOrder({"region", "calls"})
public record ProvisioningPlan(String region, List<PlannedCall> calls) {

    /** Stands for the id Civo gives the firewall created by an earlier call of the same plan. */
    public static final String CREATED_FIREWALL_ID = "{created-firewall-id}";

    /** Stands for the id Civo gives the load balancer created by an earlier call of the same plan. */
    public static final String CREATED_LOAD_BALANCER_ID = "{created-load-balancer-id}";

    /** Civo's classic path prefix, {@code portal.civo.path-prefix}'s default, under which tools and tests plan. */
    public static final String CLASSIC_PATH_PREFIX = "/v2";

    public ProvisioningPlan {
        calls = List.copyOf(calls);
    }

    /**
     * One step of a plan, named as the Civo (or Kubernetes) operation it performs: its HTTP method, its path template
     * below the configurable Civo prefix ({@code portal.civo.path-prefix}) and the type of the body it sends.
     */
    public enum Step {
        CREATE_FIREWALL("create-firewall", Api.CIVO, "POST", "/firewalls", FirewallCreateRequest.class),
        CHECK_FIREWALL_RULES("check-firewall-rules", Api.CIVO, "GET", "/firewalls/{firewall}/rules", null),
        CREATE_LOAD_BALANCER("create-load-balancer", Api.CIVO, "POST", "/loadbalancers",
                LoadBalancerCreateRequest.class),
        WAIT_UNTIL_AVAILABLE("wait-until-available", Api.CIVO, "GET", "/loadbalancers/{loadBalancer}", null),
        APPLY_SERVICE("apply-service", Api.KUBERNETES, "POST", "/api/v1/namespaces/{namespace}/services", Map.class),
        WAIT_FOR_SERVICE_INGRESS("wait-for-service-ingress", Api.KUBERNETES, "GET",
                "/api/v1/namespaces/{namespace}/services/{service}", null),
        FIND_LOAD_BALANCER("find-load-balancer", Api.CIVO, "GET", "/loadbalancers/{loadBalancer}", null),
        DELETE_LOAD_BALANCER("delete-load-balancer", Api.CIVO, "DELETE", "/loadbalancers/{loadBalancer}", null),
        DELETE_FIREWALL("delete-firewall", Api.CIVO, "DELETE", "/firewalls/{firewall}", null),
        CONFIRM_GONE("confirm-gone", Api.CIVO, "GET", "/loadbalancers", null),
        /** Restoring a firewall: puts the approved firewall back on a load balancer whose firewall was swapped. */
        ATTACH_FIREWALL("attach-firewall", Api.CIVO, "PUT", "/loadbalancers/{loadBalancer}",
                LoadBalancerUpdateRequest.class),
        /** Restoring a firewall: deletes one offending ingress rule, by the id Civo gave it. */
        DELETE_FIREWALL_RULE("delete-firewall-rule", Api.CIVO, "DELETE", "/firewalls/{firewall}/rules/{rule}", null);

        /** Which API a step calls: Civo's (below the path prefix, with the region) or the cluster's own. */
        enum Api { CIVO, KUBERNETES }

        /** Marks a path on the cluster's own Kubernetes API (its server comes from the cluster's kubeconfig). */
        static final String KUBERNETES_API = "k8s:";

        private final String key;
        private final Api api;
        private final String method;
        private final String template;
        private final Class<?> bodyType;
        private final Pattern pattern;

        Step(String key, Api api, String method, String template, Class<?> bodyType) {
            this.key = key;
            this.api = api;
            this.method = method;
            this.template = template;
            this.bodyType = bodyType;
            String variables = Pattern.quote(template).replaceAll("\\{[a-zA-Z]+}", "\\\\E([^/?]+)\\\\Q");
            this.pattern = Pattern.compile(api == Api.CIVO
                    ? "/v2(?:/vpc)?" + variables + "(?:\\?.*)?"
                    : Pattern.quote(KUBERNETES_API) + "([^/]+)" + variables);
        }

        /** The step's name in the stored plan. */
        @JsonValue
        public String key() {
            return key;
        }

        public String method() {
            return method;
        }

        public static Step ofKey(String key) {
            for (Step step : values()) {
                if (step.key.equals(key)) {
                    return step;
                }
            }
            throw new IllegalArgumentException("The plan has an unknown step " + key);
        }

        /**
         * The call of this step on Civo's API, with the path variables in template order.
         *
         * @param pathPrefix {@code portal.civo.path-prefix}: {@code /v2} or {@code /v2/vpc}
         */
        public PlannedCall onCivo(String pathPrefix, String region, Object body, String why, String... variables) {
            if (api != Api.CIVO) {
                throw new IllegalStateException(key + " is not a Civo call");
            }
            return new PlannedCall(this, method, pathPrefix + expand(variables) + "?region=" + region, body, why);
        }

        /** The call of this step on a cluster's Kubernetes API, with the path variables in template order. */
        public PlannedCall onCluster(String clusterId, Object body, String why, String... variables) {
            if (api != Api.KUBERNETES) {
                throw new IllegalStateException(key + " is not a Kubernetes call");
            }
            return new PlannedCall(this, method, KUBERNETES_API + clusterId + expand(variables), body, why);
        }

        private String expand(String... variables) {
            String path = template;
            for (String variable : variables) {
                path = path.replaceFirst("\\{[a-zA-Z]+}", Matcher.quoteReplacement(variable));
            }
            return path;
        }

        /** The path variables of a call of this step, in template order (a Kubernetes call's cluster first). */
        List<String> variablesOf(String path) {
            Matcher matcher = pattern.matcher(path);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("The " + key + " call's path " + path + " is not " + template);
            }
            List<String> variables = new ArrayList<>();
            for (int group = 1; group <= matcher.groupCount(); group++) {
                variables.add(matcher.group(group));
            }
            return variables;
        }
    }

    /**
     * One call: a named step, the HTTP method and path (as shown to reviewers), the body that will be sent, and why it
     * is there.
     */
    @JsonPropertyOrder({"step", "method", "path", "body", "why"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlannedCall(Step step, String method, String path, Object body, String why) {

        /** The body as pretty JSON for people to read, or null when the call sends none. */
        public String prettyBody() {
            return body == null ? null : CivoJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body);
        }
    }

    /**
     * Reads a stored plan back, after checking that the stored JSON is the one the approver approved.
     *
     * @throws IllegalArgumentException when the JSON does not match the hash or is not a plan
     */
    public static ProvisioningPlan read(String canonicalJson, String approvedHash) {
        if (!hashOf(canonicalJson).equals(approvedHash)) {
            throw new IllegalArgumentException("The plan does not match its approved hash " + approvedHash);
        }
        JsonNode plan = CivoJson.mapper().readTree(canonicalJson);
        List<PlannedCall> calls = new ArrayList<>();
        for (JsonNode call : plan.get("calls")) {
            Step step = Step.ofKey(call.get("step").asString());
            JsonNode body = call.get("body");
            calls.add(new PlannedCall(step, call.get("method").asString(), call.get("path").asString(),
                    body == null || body.isNull() || step.bodyType == null ? null
                            : CivoJson.mapper().treeToValue(body, step.bodyType),
                    call.has("why") ? call.get("why").asString() : null));
        }
        return new ProvisioningPlan(plan.get("region").asString(), calls);
    }

    /** The canonical JSON: fixed key order, no whitespace. What the hash is computed over and what is stored. */
    public String canonicalJson() {
        return CivoJson.mapper().writeValueAsString(this);
    }

    /** SHA-256 of the canonical JSON, in hex: the identity of a revision. */
    public String hash() {
        return hashOf(canonicalJson());
    }

    /** The one definition of a plan's hash: SHA-256 of its canonical JSON, in lower-case hex. */
    public static String hashOf(String canonicalJson) {
        return Digests.sha256Hex(canonicalJson);
    }

    /** The plan as it is frozen into a revision. */
    public SubmittedPlan toSubmitted() {
        String json = canonicalJson();
        return new SubmittedPlan(json, hashOf(json));
    }

    /** The call of the given step, if the plan has one. */
    public Optional<PlannedCall> call(Step step) {
        return calls.stream().filter(call -> call.step() == step).findFirst();
    }

    /** Whether Civo's cloud controller manager builds the load balancer from a Service this plan applies. */
    @JsonIgnore
    public boolean isKubernetes() {
        return call(Step.APPLY_SERVICE).isPresent();
    }

    /** The body of the firewall create, when the plan creates its firewall. */
    public Optional<FirewallCreateRequest> firewallCreate() {
        return call(Step.CREATE_FIREWALL).map(call -> (FirewallCreateRequest) call.body());
    }

    /** The load balancer's create body as approved (its firewall id may be {@link #CREATED_FIREWALL_ID}). */
    public Optional<LoadBalancerCreateRequest> loadBalancerCreate() {
        return call(Step.CREATE_LOAD_BALANCER).map(call -> (LoadBalancerCreateRequest) call.body());
    }

    /** The load balancer's create body with the firewall the job created or chose filled in. */
    public LoadBalancerCreateRequest loadBalancerCreate(String firewallId) {
        LoadBalancerCreateRequest planned = loadBalancerCreate().orElseThrow(() -> new IllegalStateException(
                "The plan has no create-load-balancer call"));
        return new LoadBalancerCreateRequest(planned.region(), planned.name(), planned.serviceName(),
                planned.networkId(), planned.algorithm(), firewallId, planned.maxConcurrentRequests(),
                planned.backends(), planned.instancePools(), planned.externalTrafficPolicy(),
                planned.sessionAffinity(), planned.sessionAffinityConfigTimeout(), planned.enableProxyProtocol(),
                planned.clusterId(), planned.firewallRule(), planned.options());
    }

    /**
     * The Service a Kubernetes plan applies, annotated with the firewall the job created or chose (null keeps the
     * planned annotation).
     *
     * @throws IllegalStateException for a plan without a Service
     */
    public ServiceManifest serviceManifest(String firewallId) {
        return call(Step.APPLY_SERVICE).map(call -> {
            String clusterId = Step.APPLY_SERVICE.variablesOf(call.path()).getFirst();
            ServiceManifest planned = KubernetesServices.manifestOf(clusterId,
                    CivoJson.mapper().valueToTree(call.body()));
            return firewallId == null ? planned : planned.withFirewall(firewallId);
        }).orElseThrow(() -> new IllegalStateException("Not a Kubernetes plan"));
    }

    /** The network the load balancer goes into. */
    public String networkId() {
        return firewallCreate().map(FirewallCreateRequest::networkId)
                .or(() -> loadBalancerCreate().map(LoadBalancerCreateRequest::networkId))
                .orElse(null);
    }

    /** The name of the firewall the plan creates, or null when it uses an existing one. */
    public String newFirewallName() {
        return firewallCreate().map(FirewallCreateRequest::name).orElse(null);
    }

    /** The existing firewall the plan uses, or null when it creates its own. */
    public String existingFirewallId() {
        if (firewallCreate().isPresent()) {
            return null;
        }
        return loadBalancerCreate().map(LoadBalancerCreateRequest::firewallId).orElse(null);
    }

    /**
     * The load balancer's name in Civo: the create body's name, or for a Kubernetes target the one the cloud
     * controller manager gives it ({@code <cluster>-<namespace>-<service>}), as the plan's look-up names it.
     */
    public String loadBalancerName() {
        return loadBalancerCreate().map(LoadBalancerCreateRequest::name)
                .or(() -> call(Step.FIND_LOAD_BALANCER)
                        .map(call -> Step.FIND_LOAD_BALANCER.variablesOf(call.path()).getFirst()))
                .orElse(null);
    }

    /** One ingress rule a firewall restore deletes: the firewall it is on and the id Civo gave it. */
    public record RuleDeletion(String firewallId, String ruleId) {
    }

    /** The rules a firewall restore deletes, in plan order. */
    public List<RuleDeletion> ruleDeletions() {
        return calls.stream().filter(call -> call.step() == Step.DELETE_FIREWALL_RULE)
                .map(call -> Step.DELETE_FIREWALL_RULE.variablesOf(call.path()))
                .map(variables -> new RuleDeletion(variables.get(0), variables.get(1)))
                .toList();
    }

    /** The update that puts the approved firewall back, when a firewall restore re-attaches it. */
    public Optional<LoadBalancerUpdateRequest> firewallAttach() {
        return call(Step.ATTACH_FIREWALL).map(call -> (LoadBalancerUpdateRequest) call.body());
    }

    /**
     * Whether the plan only deletes firewall rules (and reads rules back): the kind of restore a policy may let
     * through without an approver.
     */
    @JsonIgnore
    public boolean isPureRuleRemoval() {
        return calls.stream().anyMatch(call -> call.step() == Step.DELETE_FIREWALL_RULE)
                && calls.stream().allMatch(call -> call.step() == Step.DELETE_FIREWALL_RULE
                        || call.step() == Step.CHECK_FIREWALL_RULES);
    }

    /** The ports the load balancer listens on, as {@code port/PROTOCOL}, in plan order without repeats. */
    public List<String> listeningPorts() {
        LinkedHashSet<String> ports = new LinkedHashSet<>();
        if (isKubernetes()) {
            serviceManifest(null).ports()
                    .forEach(port -> ports.add(port.port() + "/" + protocolOf(port.protocol())));
        }
        loadBalancerCreate().ifPresent(lb -> {
            if (lb.instancePools() != null) {
                for (InstancePool pool : lb.instancePools()) {
                    ports.add(pool.sourcePort() + "/" + protocolOf(pool.protocol()));
                }
            }
            if (lb.backends() != null) {
                for (Backend backend : lb.backends()) {
                    ports.add(backend.sourcePort() + "/" + protocolOf(backend.protocol()));
                }
            }
        });
        return List.copyOf(ports);
    }

    private static String protocolOf(String protocol) {
        return protocol == null ? "TCP" : protocol.toUpperCase(Locale.ROOT);
    }
}
