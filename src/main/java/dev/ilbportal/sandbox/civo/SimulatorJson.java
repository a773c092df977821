package dev.ilbportal.sandbox.civo;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders the simulator's records as the JSON bodies Civo returns (field names and types as in docs/civo.md). */
final class SimulatorJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SimulatorJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode success() {
        return object().put("result", "success");
    }

    static ObjectNode error(String code, String reason) {
        return object().put("code", code).put("result", "failed").put("reason", reason);
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = array();
        values.forEach(array::add);
        return array;
    }

    static ObjectNode region(SimulatedRegion region) {
        ObjectNode json = object().put("code", region.code()).put("name", region.name()).put("type", "civostack")
                .put("out_of_capacity", false).put("country", region.country())
                .put("country_name", region.countryName()).put("default", region.isDefault());
        ObjectNode features = json.putObject("features");
        region.features().forEach(features::put);
        return json;
    }

    static ObjectNode network(SimulatedNetwork network, int freeIpCount) {
        ObjectNode json = object().put("id", network.id()).put("name", network.name())
                .put("label", network.label()).put("default", network.isDefault())
                .put("cidr", network.cidr().toString()).put("gateway_ipv4", network.cidr().host(1))
                .put("status", "Active").put("ipv4_enabled", true).put("ipv6_enabled", false)
                .put("free_ip_count", freeIpCount).put("region", network.region());
        json.set("nameservers_v4", strings(List.of("8.8.8.8", "1.1.1.1")));
        return json;
    }

    static ObjectNode rule(SimulatedFirewallRule rule) {
        ObjectNode json = object().put("id", rule.id()).put("firewall_id", rule.firewallId())
                .put("protocol", rule.protocol()).put("start_port", rule.startPort())
                .put("end_port", rule.endPort()).put("ports", rule.ports());
        json.set("cidr", strings(rule.cidr()));
        json.put("direction", rule.direction()).put("action", rule.action()).put("label", rule.label());
        return json;
    }

    static ObjectNode firewall(SimulatedFirewall firewall, CivoWorld world) {
        List<SimulatedFirewallRule> rules = world.rulesOf(firewall.id());
        ObjectNode json = object().put("id", firewall.id()).put("name", firewall.name())
                .put("network_id", firewall.networkId()).put("region", firewall.region())
                // The type of "default" is unverified [?] (a civogo fixture has a string): a boolean here.
                .put("default", firewall.isDefault()).put("rules_count", rules.size())
                .put("instance_count", world.instanceCount(firewall.id()))
                .put("cluster_count", world.clusterCount(firewall.id()))
                .put("loadbalancer_count", world.loadBalancerCount(firewall.id()));
        ArrayNode embedded = json.putArray("rules");
        rules.forEach(rule -> embedded.add(rule(rule)));
        return json;
    }

    static ObjectNode loadBalancer(SimulatedLoadBalancer lb) {
        ObjectNode json = object().put("id", lb.id()).put("name", lb.name());
        if (!lb.serviceName().isEmpty()) {
            json.put("service_name", lb.serviceName());
        }
        json.put("network_id", lb.networkId()).put("algorithm", lb.algorithm());
        ArrayNode backends = json.putArray("backends");
        lb.backends().forEach(backend -> {
            ObjectNode node = backends.addObject().put("ip", backend.ip());
            if (!backend.protocol().isEmpty()) {
                node.put("protocol", backend.protocol());
            }
            node.put("source_port", backend.sourcePort()).put("target_port", backend.targetPort());
            if (backend.healthCheckPort() != 0) {
                node.put("health_check_port", backend.healthCheckPort());
            }
        });
        ArrayNode pools = json.putArray("instance_pools");
        lb.instancePools().forEach(pool -> {
            ObjectNode node = pools.addObject();
            node.set("tags", strings(pool.tags()));
            node.set("names", strings(pool.names()));
            if (!pool.protocol().isEmpty()) {
                node.put("protocol", pool.protocol());
            }
            node.put("source_port", pool.sourcePort()).put("target_port", pool.targetPort());
            node.putObject("health_check").put("port", pool.healthCheckPort()).put("path", pool.healthCheckPath());
        });
        json.put("external_traffic_policy", lb.externalTrafficPolicy());
        if (!lb.sessionAffinity().isEmpty()) {
            json.put("session_affinity", lb.sessionAffinity());
        }
        if (lb.sessionAffinityConfigTimeout() != null) {
            json.put("session_affinity_config_timeout", lb.sessionAffinityConfigTimeout());
        }
        if (!lb.enableProxyProtocol().isEmpty()) {
            json.put("enable_proxy_protocol", lb.enableProxyProtocol());
        }
        json.put("public_ip", lb.publicIp()).put("private_ip", lb.privateIp()).put("firewall_id", lb.firewallId());
        if (!lb.clusterId().isEmpty()) {
            json.put("cluster_id", lb.clusterId());
        }
        json.put("state", lb.state()).put("max_concurrent_requests", lb.maxConcurrentRequests());
        json.putObject("options").put("server_timeout", lb.serverTimeout()).put("client_timeout", lb.clientTimeout());
        return json;
    }

    static ObjectNode instance(SimulatedInstance instance) {
        ObjectNode json = object().put("id", instance.id()).put("name", instance.name())
                .put("hostname", instance.hostname()).put("size", instance.size()).put("region", instance.region())
                .put("network_id", instance.networkId()).put("firewall_id", instance.firewallId())
                .put("private_ip", instance.privateIp()).put("public_ip", instance.publicIp());
        json.set("tags", strings(instance.tags()));
        json.put("status", instance.status()).put("cpu_cores", instance.cpuCores()).put("ram_mb", instance.ramMb())
                .put("disk_gb", instance.diskGb()).put("source_type", "diskimage")
                .put("source_id", "ubuntu-jammy").put("created_at", instance.createdAt());
        return json;
    }

    /** The cluster as Civo shows it; its kubeconfig points at {@code kubernetesApi} with the cluster's token. */
    static ObjectNode cluster(SimulatedCluster cluster, String kubernetesApi) {
        ObjectNode json = object().put("id", cluster.id()).put("name", cluster.name())
                .put("region", cluster.region()).put("network_id", cluster.networkId())
                .put("firewall_id", cluster.firewallId()).put("status", "ACTIVE").put("ready", true)
                .put("kubernetes_version", "1.30.5-k3s1").put("cluster_type", "k3s").put("cni_plugin", "flannel")
                .put("ccm_installed", "true").put("master_ip", cluster.masterIp())
                .put("api_endpoint", "https://" + cluster.masterIp() + ":6443")
                .put("dns_entry", cluster.id() + ".k8s.civo.com").put("kubeconfig", kubeconfig(cluster, kubernetesApi))
                .put("created_at", cluster.createdAt()).put("built_at", cluster.createdAt()).put("tags", "");
        ArrayNode instances = json.putArray("instances");
        cluster.nodes().forEach(node -> instances.add(clusterNode(node)));
        ObjectNode pool = json.putArray("pools").addObject().put("id", cluster.name() + "-pool")
                .put("count", cluster.nodes().size()).put("size", "g4s.kube.medium");
        pool.set("instance_names", strings(cluster.nodes().stream().map(SimulatedInstance::hostname).toList()));
        return json;
    }

    static ObjectNode clusterNode(SimulatedInstance node) {
        ObjectNode json = object().put("id", node.id()).put("hostname", node.hostname()).put("size", node.size())
                .put("region", node.region()).put("status", node.status()).put("firewall_id", node.firewallId())
                .put("private_ip", node.privateIp()).put("public_ip", node.publicIp())
                .put("created_at", node.createdAt());
        json.set("tags", strings(node.tags()));
        return json;
    }

    private static String kubeconfig(SimulatedCluster cluster, String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - cluster:
                    server: %s
                  name: %s
                contexts:
                - context:
                    cluster: %s
                    user: %s-admin
                  name: %s
                current-context: %s
                users:
                - name: %s-admin
                  user:
                    token: %s
                """.formatted(server, cluster.name(), cluster.name(), cluster.name(), cluster.name(),
                cluster.name(), cluster.name(), cluster.token());
    }

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }
}
