package dev.ilbportal.sandbox.civo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded cluster's Kubernetes API, reduced to what the portal uses: Services in a namespace (list, get, create,
 * replace, delete) under {@code /k8s/<cluster-id>/api/v1/namespaces/<ns>/services[/<name>]}, JSON only, with the
 * cluster's bearer token; the cloud controller manager's work happens in {@link CivoWorld#applyService}.
 */
final class KubernetesApi {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KubernetesApi.class);

    static final String PREFIX = "/k8s/";

    private static final Pattern PATH = Pattern.compile(
            "/k8s/([^/]+)/api/v1/namespaces/([^/]+)/services(?:/([^/]+))?/?");
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final CivoWorld world;
    private final LoadBalancerProvisioning provisioning;
    private final String pendingState;

    KubernetesApi(CivoWorld world, LoadBalancerProvisioning provisioning, String pendingState) {
        this.world = world;
        this.provisioning = provisioning;
        this.pendingState = pendingState;
    }

    SimulatorResponse handle(String method, String path, String authorization, String body) {
        try {
            return dispatch(method, path, authorization, body);
        } catch (KubernetesError error) {
            return status(error.status(), error.reason(), error.getMessage());
        }
    }

    private SimulatorResponse dispatch(String method, String path, String authorization, String body) {
        String clusterId = path.substring(PREFIX.length()).split("/", 2)[0];
        SimulatedCluster cluster = world.clusterById(clusterId);
        if (cluster == null) {
            throw new KubernetesError(404, "NotFound", "no Kubernetes cluster " + clusterId + " in the sandbox");
        }
        if (authorization == null || !authorization.trim().equals("Bearer " + cluster.token())) {
            throw new KubernetesError(401, "Unauthorized", "Unauthorized");
        }
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            throw new KubernetesError(404, "NotFound", "the server could not find the requested resource");
        }
        String namespace = matcher.group(2);
        String name = matcher.group(3);
        if (name == null) {
            return switch (method) {
                case "GET" -> list(cluster, namespace);
                case "POST" -> {
                    SimulatedService created = world.applyService(cluster, parse(cluster, namespace, null, body),
                            true, pendingState);
                    started(created);
                    yield new SimulatorResponse(201, render(created), Map.of());
                }
                default -> throw notAllowed(method);
            };
        }
        return switch (method) {
            case "GET" -> SimulatorResponse.ok(render(world.service(cluster.id(), namespace, name)));
            case "PUT" -> {
                SimulatedService replaced = world.applyService(cluster, parse(cluster, namespace, name, body), false,
                        pendingState);
                started(replaced);
                yield SimulatorResponse.ok(render(replaced));
            }
            case "DELETE" -> {
                SimulatedService gone = world.service(cluster.id(), namespace, name);
                world.deleteService(cluster, namespace, name);
                yield SimulatorResponse.ok(render(gone));
            }
            default -> throw notAllowed(method);
        };
    }

    private void started(SimulatedService service) {
        if (!service.loadBalancerId().isEmpty()) {
            provisioning.start(service.loadBalancerId());
        }
        if (!service.ccmError().isEmpty()) {
            // A real cluster reports this as an Event on the Service; the sandbox logs it.
            log.warn("Sandbox CCM could not build a load balancer for Service {}/{}: {}", service.namespace(),
                    service.name(), service.ccmError());
        }
    }

    private SimulatorResponse list(SimulatedCluster cluster, String namespace) {
        ObjectNode json = SimulatorJson.object().put("apiVersion", "v1").put("kind", "ServiceList");
        json.putObject("metadata");
        ArrayNode items = json.putArray("items");
        world.services(cluster.id(), namespace).forEach(service -> items.add(render(service)));
        return SimulatorResponse.ok(json);
    }

    private static KubernetesError notAllowed(String method) {
        return new KubernetesError(405, "MethodNotAllowed", "the server does not allow this method (" + method
                + ") on the requested resource");
    }

    private static SimulatedService parse(SimulatedCluster cluster, String namespace, String pathName, String body) {
        JsonNode json;
        try {
            json = SimulatorJson.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            throw new KubernetesError(400, "BadRequest", "the body of the request was in an unknown format");
        }
        if (json == null || !json.isObject()) {
            throw new KubernetesError(400, "BadRequest", "the body of the request must be a Service object");
        }
        if (json.has("kind") && !json.get("kind").asString().equals("Service")) {
            throw new KubernetesError(400, "BadRequest", "the object is a " + json.get("kind").asString()
                    + ", not a Service");
        }
        JsonNode metadata = json.path("metadata");
        String name = metadata.path("name").asString("");
        if (pathName != null && !pathName.equals(name)) {
            throw new KubernetesError(400, "BadRequest", "the name of the object (" + name
                    + ") does not match the name on the URL (" + pathName + ")");
        }
        String bodyNamespace = metadata.path("namespace").asString("");
        if (!bodyNamespace.isEmpty() && !bodyNamespace.equals(namespace)) {
            throw new KubernetesError(400, "BadRequest",
                    "the namespace of the provided object does not match the namespace sent on the request");
        }
        if (!DNS_1123_LABEL.matcher(name).matches()) {
            throw KubernetesError.invalid(name, "metadata.name: Invalid value: \"" + name
                    + "\": a DNS-1035 label must consist of lower case alphanumeric characters or '-'");
        }
        JsonNode spec = json.path("spec");
        List<SimulatedService.Port> ports = new ArrayList<>();
        for (JsonNode port : spec.path("ports")) {
            int number = port.path("port").asInt(0);
            if (number < 1 || number > 65535) {
                throw KubernetesError.invalid(name, "spec.ports.port: Invalid value: " + number
                        + ": must be between 1 and 65535, inclusive");
            }
            JsonNode target = port.path("targetPort");
            int targetPort = target.isMissingNode() || target.isNull() ? number : target.asInt(0);
            if (targetPort < 1 || targetPort > 65535) {
                throw KubernetesError.invalid(name, "spec.ports.targetPort: the sandbox takes numeric target ports "
                        + "between 1 and 65535 only");
            }
            ports.add(new SimulatedService.Port(port.path("name").asString(""), port.path("protocol").asString("TCP"),
                    number, targetPort, 0));
        }
        if (ports.isEmpty()) {
            throw KubernetesError.invalid(name, "spec.ports: Required value");
        }
        return new SimulatedService(cluster.id(), namespace, name, "", metadata.path("resourceVersion").asLong(0),
                "", spec.path("type").asString("ClusterIP"), strings(metadata.path("annotations")),
                strings(spec.path("selector")), ports, "", "", "");
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new TreeMap<>();
        if (object.isObject()) {
            object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asString()));
        }
        return map;
    }

    private ObjectNode render(SimulatedService service) {
        ObjectNode json = SimulatorJson.object().put("apiVersion", "v1").put("kind", "Service");
        ObjectNode metadata = json.putObject("metadata").put("name", service.name())
                .put("namespace", service.namespace()).put("uid", service.uid())
                .put("resourceVersion", Long.toString(service.resourceVersion()))
                .put("creationTimestamp", service.createdAt());
        ObjectNode annotations = metadata.putObject("annotations");
        new TreeMap<>(service.annotations()).forEach(annotations::put);
        ObjectNode spec = json.putObject("spec").put("type", service.type()).put("clusterIP", service.clusterIp());
        ObjectNode selector = spec.putObject("selector");
        new TreeMap<>(service.selector()).forEach(selector::put);
        ArrayNode ports = spec.putArray("ports");
        for (SimulatedService.Port port : service.ports()) {
            ObjectNode item = ports.addObject();
            if (!port.name().isEmpty()) {
                item.put("name", port.name());
            }
            item.put("protocol", port.protocol()).put("port", port.port()).put("targetPort", port.targetPort());
            if (service.isLoadBalancer()) {
                item.put("nodePort", port.nodePort());
            }
        }
        ObjectNode loadBalancer = json.putObject("status").putObject("loadBalancer");
        SimulatedLoadBalancer lb = service.isLoadBalancer() ? world.availableLoadBalancerOf(service) : null;
        if (lb != null) {
            // With proxy protocol the CCM reports only a hostname, so that kube-proxy does not bypass the LB [C].
            ObjectNode ingress = loadBalancer.putArray("ingress").addObject();
            if (lb.enableProxyProtocol().isEmpty()) {
                ingress.put("ip", lb.publicIp());
            } else {
                ingress.put("hostname", lb.id() + ".lb.civo.com");
            }
        }
        return json;
    }

    private static SimulatorResponse status(int code, String reason, String message) {
        ObjectNode json = SimulatorJson.object().put("kind", "Status").put("apiVersion", "v1");
        json.putObject("metadata");
        json.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
        return new SimulatorResponse(code, json, Map.of());
    }
}
