package dev.ilbportal.sandbox.civo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /v2/loadbalancers}: list, show (by id or name), create (pending, then available with addresses), partial
 * update and delete.
 */
final class LoadBalancerRoutes implements Routes {

    private static final List<Integer> CONCURRENCY_STEPS = List.of(10000, 20000, 30000, 40000, 50000);

    private final LoadBalancerProvisioning provisioning;
    private final String pendingState;

    LoadBalancerRoutes(LoadBalancerProvisioning provisioning, String pendingState) {
        this.provisioning = provisioning;
        this.pendingState = pendingState;
    }

    @Override
    public SimulatorResponse handle(SimulatorRequest request) {
        CivoWorld world = request.world();
        String region = request.region();
        if (request.is("GET", 1)) {
            return SimulatorResponse.okList(world.loadBalancers(region), SimulatorJson::loadBalancer);
        }
        if (request.is("POST", 1)) {
            SimulatedLoadBalancer created = world.createLoadBalancer(draft(request, world, region));
            provisioning.start(created.id());
            return SimulatorResponse.ok(SimulatorJson.loadBalancer(world.loadBalancer(region, created.id())));
        }
        if (request.size() == 2) {
            String idOrName = request.segment(1);
            return switch (request.method()) {
                case "GET" -> SimulatorResponse.ok(SimulatorJson.loadBalancer(world.loadBalancer(region, idOrName)));
                case "PUT" -> {
                    SimulatedLoadBalancer current = world.loadBalancer(region, idOrName);
                    SimulatedLoadBalancer updated = updated(request.fields(), current);
                    boolean rebuild = updated.maxConcurrentRequests() != current.maxConcurrentRequests();
                    if (rebuild) {
                        // Civo rebuilds the load balancer when max_concurrent_requests changes [C]; it keeps its
                        // addresses and shows the pending state meanwhile [I].
                        updated = updated.rebuilding(pendingState);
                    }
                    SimulatedLoadBalancer stored = world.replaceLoadBalancer(updated);
                    if (rebuild) {
                        provisioning.start(stored.id());
                    }
                    yield SimulatorResponse.ok(SimulatorJson.loadBalancer(world.loadBalancer(region, stored.id())));
                }
                case "DELETE" -> {
                    world.deleteLoadBalancer(region, idOrName);
                    yield SimulatorResponse.ok(SimulatorJson.success());
                }
                default -> throw Routes.noRoute(request);
            };
        }
        throw Routes.noRoute(request);
    }

    private SimulatedLoadBalancer draft(SimulatorRequest request, CivoWorld world, String region) {
        RequestFields fields = request.fields();
        String name = name(fields.requiredText("name"));
        String networkId = fields.text("network_id", "");
        if (networkId.isBlank()) {
            networkId = world.defaultNetwork(region).id();
        }
        RequestFields options = fields.object("options");
        return new SimulatedLoadBalancer(CivoWorld.newId(), name, region, fields.text("service_name", ""),
                networkId, algorithm(fields, "round_robin"), backends(fields), pools(fields),
                fields.choice("external_traffic_policy", "Cluster", List.of("Cluster", "Local")),
                sessionAffinity(fields, ""), fields.integer("session_affinity_config_timeout"),
                proxyProtocol(fields, ""), "", "", fields.text("firewall_id", ""), fields.text("cluster_id", ""),
                pendingState, maxConcurrentRequests(fields, 10000), options.text("server_timeout", "60s"),
                options.text("client_timeout", "60s"));
    }

    /** A partial update: civogo omits empty fields, so only the fields present change [I]. */
    private static SimulatedLoadBalancer updated(RequestFields fields, SimulatedLoadBalancer current) {
        RequestFields options = fields.object("options");
        String firewallId = fields.text("firewall_id", "");
        Integer timeout = fields.integer("session_affinity_config_timeout");
        return new SimulatedLoadBalancer(current.id(),
                fields.has("name") ? name(fields.requiredText("name")) : current.name(), current.region(),
                fields.text("service_name", current.serviceName()), current.networkId(),
                algorithm(fields, current.algorithm()),
                fields.has("backends") ? backends(fields) : current.backends(),
                fields.has("instance_pools") ? pools(fields) : current.instancePools(),
                fields.choice("external_traffic_policy", current.externalTrafficPolicy(),
                        List.of("Cluster", "Local")),
                sessionAffinity(fields, current.sessionAffinity()),
                timeout != null ? timeout : current.sessionAffinityConfigTimeout(),
                proxyProtocol(fields, current.enableProxyProtocol()), current.publicIp(), current.privateIp(),
                firewallId.isBlank() ? current.firewallId() : firewallId, current.clusterId(), current.state(),
                maxConcurrentRequests(fields, current.maxConcurrentRequests()),
                options.text("server_timeout", current.serverTimeout()),
                options.text("client_timeout", current.clientTimeout()));
    }

    private static String name(String name) {
        if (name.length() > 63 || name.chars().anyMatch(Character::isWhitespace)) {
            throw CivoError.invalid("name", "at most 63 characters and no whitespace");
        }
        return name;
    }

    /** Hyphenated forms appear in Civo's docs; whether the API takes them is unverified [?]: accepted, stored with _. */
    private static String algorithm(RequestFields fields, String fallback) {
        String value = fields.text("algorithm", fallback).toLowerCase(Locale.ROOT).replace('-', '_');
        if (!value.equals("round_robin") && !value.equals("least_connections")) {
            throw CivoError.invalid("algorithm", "must be round_robin or least_connections");
        }
        return value;
    }

    private static String sessionAffinity(RequestFields fields, String fallback) {
        String value = fields.text("session_affinity", fallback);
        return value.isEmpty() ? value : fields.choice("session_affinity", fallback, List.of("None", "ClientIP"));
    }

    private static String proxyProtocol(RequestFields fields, String fallback) {
        return fields.choice("enable_proxy_protocol", fallback, List.of("", "send-proxy", "send-proxy-v2"));
    }

    private static int maxConcurrentRequests(RequestFields fields, int fallback) {
        Integer value = fields.integer("max_concurrent_requests");
        if (value == null) {
            return fallback;
        }
        if (!CONCURRENCY_STEPS.contains(value)) {
            throw CivoError.invalid("max_concurrent_requests", "must be 10000, 20000, 30000, 40000 or 50000");
        }
        return value;
    }

    private static List<Backend> backends(RequestFields fields) {
        List<Backend> backends = new ArrayList<>();
        for (RequestFields backend : fields.objects("backends")) {
            String ip = backend.requiredText("ip");
            try {
                Ipv4Cidr.parseAddress(ip);
            } catch (IllegalArgumentException e) {
                throw CivoError.invalid("backends_ip", "'" + ip + "' is not an IPv4 address");
            }
            backends.add(new Backend(ip, backend.text("protocol", ""), backend.port("source_port", true),
                    backend.port("target_port", true), backend.port("health_check_port", false)));
        }
        return backends;
    }

    private static List<InstancePool> pools(RequestFields fields) {
        List<InstancePool> pools = new ArrayList<>();
        for (RequestFields pool : fields.objects("instance_pools")) {
            List<String> tags = pool.strings("tags");
            List<String> names = pool.strings("names");
            if (tags.isEmpty() && names.isEmpty()) {
                throw CivoError.missing("instance_pools_tags");
            }
            int targetPort = pool.port("target_port", true);
            RequestFields healthCheck = pool.object("health_check");
            int healthCheckPort = healthCheck.port("port", false);
            pools.add(new InstancePool(tags, names, pool.text("protocol", ""), pool.port("source_port", true),
                    targetPort, healthCheckPort == 0 ? targetPort : healthCheckPort,
                    healthCheck.text("path", "/")));
        }
        return pools;
    }
}
