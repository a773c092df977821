package dev.ilbportal.sandbox.civo;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the simulated Civo account holds, and the rules Civo enforces on it (names, quota, use). Every method
 * is synchronized on the world, so a request sees and changes one consistent state.
 */
final class CivoWorld {

    private final Map<String, SimulatedRegion> regions = new LinkedHashMap<>();
    private final Map<String, SimulatedNetwork> networks = new LinkedHashMap<>();
    private final Map<String, SimulatedFirewall> firewalls = new LinkedHashMap<>();
    private final Map<String, SimulatedFirewallRule> rules = new LinkedHashMap<>();
    private final Map<String, SimulatedLoadBalancer> loadBalancers = new LinkedHashMap<>();
    private final Map<String, SimulatedInstance> instances = new LinkedHashMap<>();
    private final Map<String, SimulatedCluster> clusters = new LinkedHashMap<>();
    private final Map<String, SimulatedService> services = new LinkedHashMap<>();
    private final Set<String> publicIpsInUse = new HashSet<>();
    private long resourceVersion = 1000;
    private int nextNodePort = 30000;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final QuotaLimits quota;

    CivoWorld(QuotaLimits quota) {
        this.quota = quota;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }

    // ---- the whole world, for the standalone sandbox's state file

    /** Everything the account holds, as plain records (see {@link WorldStateFile}). */
    record State(List<SimulatedRegion> regions, List<SimulatedNetwork> networks, List<SimulatedFirewall> firewalls,
            List<SimulatedFirewallRule> rules, List<SimulatedLoadBalancer> loadBalancers,
            List<SimulatedInstance> instances, List<SimulatedCluster> clusters, List<SimulatedService> services,
            List<String> publicIpsInUse, long resourceVersion, int nextNodePort) {
    }

    synchronized State state() {
        return new State(List.copyOf(regions.values()), List.copyOf(networks.values()),
                List.copyOf(firewalls.values()), List.copyOf(rules.values()), List.copyOf(loadBalancers.values()),
                List.copyOf(instances.values()), List.copyOf(clusters.values()), List.copyOf(services.values()),
                List.copyOf(publicIpsInUse), resourceVersion, nextNodePort);
    }

    /** Replaces everything with {@code state}; returns the ids of load balancers that were still pending. */
    synchronized List<String> restore(State state) {
        regions.clear();
        networks.clear();
        firewalls.clear();
        rules.clear();
        loadBalancers.clear();
        instances.clear();
        clusters.clear();
        services.clear();
        publicIpsInUse.clear();
        state.regions().forEach(region -> regions.put(region.code(), region));
        state.networks().forEach(network -> networks.put(network.id(), network));
        state.firewalls().forEach(firewall -> firewalls.put(firewall.id(), firewall));
        state.rules().forEach(rule -> rules.put(rule.id(), rule));
        state.loadBalancers().forEach(lb -> loadBalancers.put(lb.id(), lb));
        state.instances().forEach(instance -> instances.put(instance.id(), instance));
        state.clusters().forEach(cluster -> clusters.put(cluster.id(), cluster));
        state.services().forEach(service -> services.put(service.key(), service));
        publicIpsInUse.addAll(state.publicIpsInUse());
        resourceVersion = state.resourceVersion();
        nextNodePort = state.nextNodePort();
        return loadBalancers.values().stream().filter(lb -> !lb.isAvailable()).map(SimulatedLoadBalancer::id)
                .toList();
    }

    // ---- seeding

    synchronized void add(SimulatedRegion region) {
        regions.put(region.code(), region);
    }

    synchronized void add(SimulatedNetwork network) {
        networks.put(network.id(), network);
    }

    synchronized void add(SimulatedFirewall firewall, List<SimulatedFirewallRule> firewallRules) {
        firewalls.put(firewall.id(), firewall);
        firewallRules.forEach(rule -> rules.put(rule.id(), rule));
    }

    synchronized void add(SimulatedInstance instance) {
        instances.put(instance.id(), instance);
    }

    synchronized void add(SimulatedCluster cluster) {
        clusters.put(cluster.id(), cluster);
    }

    /** Load balancers that are already built (a benchmark's fleet), with their addresses taken. */
    synchronized void add(List<SimulatedLoadBalancer> built) {
        built.forEach(lb -> {
            loadBalancers.put(lb.id(), lb);
            publicIpsInUse.add(lb.publicIp());
        });
    }

    // ---- regions and networks

    synchronized List<SimulatedRegion> regions() {
        return List.copyOf(regions.values());
    }

    /** The region asked for (case-insensitive), or the default region when none is given. */
    synchronized SimulatedRegion region(String code) {
        if (code == null || code.isBlank()) {
            return regions.values().stream().filter(SimulatedRegion::isDefault).findFirst().orElseThrow();
        }
        SimulatedRegion region = regions.get(code.trim().toUpperCase(Locale.ROOT));
        if (region == null) {
            // Civo names the code region_unavailable; its status is not quoted anywhere [?]: 400.
            throw CivoError.badRequest("region_unavailable", "The region " + code + " is not available");
        }
        return region;
    }

    synchronized List<SimulatedNetwork> networks(String region) {
        return networks.values().stream().filter(network -> network.region().equals(region)).toList();
    }

    synchronized SimulatedNetwork network(String region, String id) {
        SimulatedNetwork network = networks.get(id);
        if (network == null || !network.region().equals(region)) {
            throw CivoError.notFound("database_network_not_found",
                    "Failed to find the network within the internal database");
        }
        return network;
    }

    synchronized SimulatedNetwork defaultNetwork(String region) {
        return networks(region).stream().filter(SimulatedNetwork::isDefault).findFirst().orElseThrow();
    }

    synchronized int freeIpCount(SimulatedNetwork network) {
        return network.cidr().usableHosts() - addressesInUse(network.id()).size();
    }

    // ---- firewalls and rules

    synchronized List<SimulatedFirewall> firewalls(String region) {
        return firewalls.values().stream().filter(firewall -> firewall.region().equals(region)).toList();
    }

    /** The firewall with this id, or else this name ([I]: the CCM forwards firewall names in {@code firewall_id}). */
    synchronized SimulatedFirewall firewall(String region, String idOrName) {
        SimulatedFirewall byId = firewalls.get(idOrName);
        if (byId != null && byId.region().equals(region)) {
            return byId;
        }
        return firewalls(region).stream().filter(firewall -> firewall.name().equals(idOrName)).findFirst()
                .orElseThrow(() -> CivoError.notFound("database_firewall_not_found",
                        "Failed to find the firewall within the internal database"));
    }

    synchronized List<SimulatedFirewallRule> rulesOf(String firewallId) {
        return rules.values().stream().filter(rule -> rule.firewallId().equals(firewallId)).toList();
    }

    synchronized long instanceCount(String firewallId) {
        return instances.values().stream().filter(instance -> instance.firewallId().equals(firewallId)).count();
    }

    synchronized long clusterCount(String firewallId) {
        return clusters.values().stream().filter(cluster -> cluster.firewallId().equals(firewallId)).count();
    }

    synchronized long loadBalancerCount(String firewallId) {
        return loadBalancers.values().stream().filter(lb -> lb.firewallId().equals(firewallId)).count();
    }

    synchronized SimulatedFirewall createFirewall(String region, String name, String networkId,
            List<RuleDraft> drafts) {
        network(region, networkId);
        if (firewalls(region).stream().anyMatch(firewall -> firewall.name().equals(name))) {
            throw CivoError.conflict("database_firewall_duplicate_name", "A firewall with this name already exists");
        }
        if (firewalls.size() >= quota.firewalls()) {
            throw CivoError.quotaReached("firewalls (security groups)");
        }
        if (rules.size() + drafts.size() > quota.firewallRules()) {
            throw CivoError.quotaReached("firewall rules");
        }
        SimulatedFirewall firewall = new SimulatedFirewall(newId(), name, region, networkId, false);
        firewalls.put(firewall.id(), firewall);
        drafts.forEach(draft -> {
            SimulatedFirewallRule rule = draft.toRule(newId(), firewall.id());
            rules.put(rule.id(), rule);
        });
        changed();
        return firewall;
    }

    synchronized SimulatedFirewall renameFirewall(String region, String id, String name) {
        SimulatedFirewall firewall = firewall(region, id);
        if (!firewall.name().equals(name)
                && firewalls(region).stream().anyMatch(other -> other.name().equals(name))) {
            throw CivoError.conflict("database_firewall_duplicate_name", "A firewall with this name already exists");
        }
        SimulatedFirewall renamed = firewall.renamed(name);
        firewalls.put(renamed.id(), renamed);
        changed();
        return renamed;
    }

    synchronized void deleteFirewall(String region, String id) {
        SimulatedFirewall firewall = firewall(region, id);
        if (loadBalancerCount(firewall.id()) > 0) {
            // The load-balancer variant of the in-use code is plausible but unseen [?].
            throw CivoError.conflict("database_firewall_inuse_by_loadbalancer",
                    "Failed to delete the firewall as a loadbalancer(s) using");
        }
        if (instanceCount(firewall.id()) > 0) {
            throw CivoError.conflict("database_firewall_inuse_by_instance",
                    "Failed to delete the firewall as a instance(s) using");
        }
        if (clusterCount(firewall.id()) > 0) {
            throw CivoError.conflict("database_firewall_inuse_by_cluster",
                    "Failed to delete the firewall as a cluster(s) using");
        }
        if (firewall.isDefault()) {
            // Civo's code for this case is unknown [I]; the generic delete failure is the closest listed one.
            throw CivoError.conflict("database_firewall_delete_failed",
                    "The default firewall of a network cannot be deleted");
        }
        firewalls.remove(firewall.id());
        rules.values().removeIf(rule -> rule.firewallId().equals(firewall.id()));
        changed();
    }

    synchronized SimulatedFirewallRule addRule(String region, String firewallId, RuleDraft draft) {
        SimulatedFirewall firewall = firewall(region, firewallId);
        if (rules.size() >= quota.firewallRules()) {
            throw CivoError.quotaReached("firewall rules");
        }
        SimulatedFirewallRule rule = draft.toRule(newId(), firewall.id());
        rules.put(rule.id(), rule);
        changed();
        return rule;
    }

    synchronized void deleteRule(String region, String firewallId, String ruleId) {
        SimulatedFirewall firewall = firewall(region, firewallId);
        SimulatedFirewallRule rule = rules.get(ruleId);
        if (rule == null || !rule.firewallId().equals(firewall.id())) {
            throw CivoError.notFound("database_firewall_rules_find",
                    "Failed to find the firewall rule within the internal database");
        }
        rules.remove(ruleId);
        changed();
    }

    // ---- load balancers

    synchronized List<SimulatedLoadBalancer> loadBalancers(String region) {
        return loadBalancers.values().stream().filter(lb -> lb.region().equals(region)).toList();
    }

    synchronized List<SimulatedLoadBalancer> allLoadBalancers() {
        return List.copyOf(loadBalancers.values());
    }

    /** By id, else by name: the CCM calls show with the name in place of the id [I]. */
    synchronized SimulatedLoadBalancer loadBalancer(String region, String idOrName) {
        SimulatedLoadBalancer byId = loadBalancers.get(idOrName);
        if (byId != null && byId.region().equals(region)) {
            return byId;
        }
        return loadBalancers(region).stream().filter(lb -> lb.name().equals(idOrName)).findFirst()
                .orElseThrow(() -> CivoError.notFound("database_loadbalancer_not_found",
                        "Failed to find the load balancer within the internal database"));
    }

    synchronized SimulatedLoadBalancer findLoadBalancer(String id) {
        return loadBalancers.get(id);
    }

    /**
     * Stores a new load balancer. Without a firewall it gets a new firewall of its own with Civo's default (all
     * open) rules: Civo's trap, reproduced.
     */
    synchronized SimulatedLoadBalancer createLoadBalancer(SimulatedLoadBalancer draft) {
        SimulatedNetwork network = network(draft.region(), draft.networkId());
        requireUniqueLoadBalancerName(draft.region(), draft.name(), null);
        if (loadBalancers.size() >= quota.loadBalancers()) {
            throw CivoError.quotaReached("load balancers");
        }
        String firewallId;
        if (draft.firewallId() == null || draft.firewallId().isBlank()) {
            String name = draft.name() + "-fw-" + draft.id().substring(0, 8);
            firewallId = createFirewall(draft.region(), name, network.id(), RuleDraft.civoDefaults()).id();
        } else {
            firewallId = firewallInNetwork(draft.region(), draft.firewallId(), network.id()).id();
        }
        SimulatedLoadBalancer stored = withFirewall(draft, firewallId);
        loadBalancers.put(stored.id(), stored);
        changed();
        return stored;
    }

    synchronized SimulatedLoadBalancer replaceLoadBalancer(SimulatedLoadBalancer updated) {
        SimulatedLoadBalancer current = loadBalancer(updated.region(), updated.id());
        requireUniqueLoadBalancerName(updated.region(), updated.name(), current.id());
        SimulatedLoadBalancer stored = withFirewall(updated,
                firewallInNetwork(updated.region(), updated.firewallId(), current.networkId()).id());
        loadBalancers.put(stored.id(), stored);
        changed();
        return stored;
    }

    synchronized void deleteLoadBalancer(String region, String idOrName) {
        SimulatedLoadBalancer lb = loadBalancer(region, idOrName);
        loadBalancers.remove(lb.id());
        publicIpsInUse.remove(lb.publicIp());
        changed();
    }

    /** Marks it available, allocating addresses unless a rebuild kept them; false when it is gone. */
    synchronized boolean makeAvailable(String id) {
        SimulatedLoadBalancer lb = loadBalancers.get(id);
        if (lb == null) {
            return false;
        }
        if (!lb.isAvailable()) {
            String privateIp = lb.privateIp().isEmpty() ? allocatePrivateIp(lb.networkId()) : lb.privateIp();
            String publicIp = lb.publicIp().isEmpty() ? allocatePublicIp(lb.region()) : lb.publicIp();
            loadBalancers.put(id, lb.madeAvailable(privateIp, publicIp));
            changed();
        }
        return true;
    }

    private SimulatedFirewall firewallInNetwork(String region, String idOrName, String networkId) {
        SimulatedFirewall firewall = firewall(region, idOrName);
        if (!firewall.networkId().equals(networkId)) {
            // Status for a mismatch is unquoted [I]: 409, the firewall conflicts with the load balancer's network.
            throw CivoError.conflict("database_firewall_mismatch",
                    "The firewall belongs to a different network than the load balancer");
        }
        return firewall;
    }

    private void requireUniqueLoadBalancerName(String region, String name, String exceptId) {
        boolean taken = loadBalancers(region).stream()
                .anyMatch(lb -> lb.name().equals(name) && !lb.id().equals(exceptId));
        if (taken) {
            throw CivoError.conflict("database_loadbalancer_duplicate_name",
                    "A load balancer with this name already exists");
        }
    }

    private static SimulatedLoadBalancer withFirewall(SimulatedLoadBalancer lb, String firewallId) {
        return new SimulatedLoadBalancer(lb.id(), lb.name(), lb.region(), lb.serviceName(), lb.networkId(),
                lb.algorithm(), lb.backends(), lb.instancePools(), lb.externalTrafficPolicy(), lb.sessionAffinity(),
                lb.sessionAffinityConfigTimeout(), lb.enableProxyProtocol(), lb.publicIp(), lb.privateIp(),
                firewallId, lb.clusterId(), lb.state(), lb.maxConcurrentRequests(), lb.serverTimeout(),
                lb.clientTimeout());
    }

    private Set<String> addressesInUse(String networkId) {
        Set<String> used = new HashSet<>();
        instances.values().stream().filter(instance -> instance.networkId().equals(networkId))
                .forEach(instance -> used.add(instance.privateIp()));
        clusters.values().stream().filter(cluster -> cluster.networkId().equals(networkId))
                .flatMap(cluster -> cluster.nodes().stream()).forEach(node -> used.add(node.privateIp()));
        loadBalancers.values().stream().filter(lb -> lb.networkId().equals(networkId) && !lb.privateIp().isEmpty())
                .forEach(lb -> used.add(lb.privateIp()));
        return used;
    }

    private String allocatePrivateIp(String networkId) {
        SimulatedNetwork network = networks.get(networkId);
        Set<String> used = addressesInUse(networkId);
        for (int host = 2; host <= network.cidr().usableHosts() + 1; host++) {
            String candidate = network.cidr().host(host);
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
        throw new CivoError(500, "database_loadbalancer_save_failed", "The network has no free address left");
    }

    private String allocatePublicIp(String region) {
        int octet = regions.get(region).publicOctet();
        for (int block = 220; block < 236; block++) {
            for (int host = 20; host < 255; host++) {
                String candidate = "74." + block + "." + octet + "." + host;
                if (publicIpsInUse.add(candidate)) {
                    return candidate;
                }
            }
        }
        throw new CivoError(500, "out_of_capacity", "No public address left in the region");
    }

    // ---- instances and clusters

    synchronized List<SimulatedInstance> instances(String region) {
        return instances.values().stream().filter(instance -> instance.region().equals(region)).toList();
    }

    synchronized SimulatedInstance instance(String region, String id) {
        SimulatedInstance instance = instances.get(id);
        if (instance == null || !instance.region().equals(region)) {
            throw CivoError.notFound("database_instance_find",
                    "Failed to find the instance within the internal database");
        }
        return instance;
    }

    synchronized List<SimulatedCluster> clusters(String region) {
        return clusters.values().stream().filter(cluster -> cluster.region().equals(region)).toList();
    }

    synchronized SimulatedCluster cluster(String region, String id) {
        SimulatedCluster cluster = clusters.get(id);
        if (cluster == null || !cluster.region().equals(region)) {
            throw CivoError.notFound("database_kubernetes_cluster_not_found",
                    "Failed to find the Kubernetes cluster in the internal database");
        }
        return cluster;
    }

    // ---- quota (account-wide, all regions)

    synchronized QuotaLimits quota() {
        return quota;
    }

    synchronized QuotaLimits usage() {
        return new QuotaLimits(loadBalancers.size(), firewalls.size(), rules.size(), networks.size(),
                instances.size());
    }

    // ---- Kubernetes Services and the cloud controller manager (docs/civo.md §6.2)

    synchronized SimulatedCluster clusterById(String id) {
        return clusters.get(id);
    }

    synchronized List<SimulatedService> services(String clusterId, String namespace) {
        return services.values().stream()
                .filter(service -> service.clusterId().equals(clusterId) && service.namespace().equals(namespace))
                .toList();
    }

    synchronized SimulatedService service(String clusterId, String namespace, String name) {
        SimulatedService service = services.get(SimulatedService.key(clusterId, namespace, name));
        if (service == null) {
            throw KubernetesError.notFound(name);
        }
        return service;
    }

    /**
     * Stores a Service and does what Civo's cloud controller manager does for it: a Service of type LoadBalancer gets
     * a Civo load balancer named {@code <cluster>-<namespace>-<service>} in the cluster's network, with
     * {@code cluster_id} set, the firewall of the {@code kubernetes.civo.com/firewall-id} annotation (without it a new
     * firewall with Civo's default, all-open rules: the trap, reproduced) and one backend per node and port; the CCM's
     * status annotations are written back. When Civo refuses, the Service is kept without a load balancer, as a real
     * cluster keeps it pending.
     */
    synchronized SimulatedService applyService(SimulatedCluster cluster, SimulatedService desired, boolean create,
            String pendingState) {
        SimulatedService previous = services.get(desired.key());
        if (create && previous != null) {
            throw new KubernetesError(409, "AlreadyExists", "services \"" + desired.name() + "\" already exists");
        }
        if (!create && previous == null) {
            throw KubernetesError.notFound(desired.name());
        }
        if (!create && desired.resourceVersion() != 0 && desired.resourceVersion() != previous.resourceVersion()) {
            throw new KubernetesError(409, "Conflict", "Operation cannot be fulfilled on services \""
                    + desired.name() + "\": the object has been modified; please apply your changes to the latest "
                    + "version and try again");
        }
        List<SimulatedService.Port> ports = desired.ports().stream().map(port -> new SimulatedService.Port(
                port.name(), port.protocol(), port.port(), port.targetPort(), nodePort(previous, port))).toList();
        SimulatedService stored = new SimulatedService(desired.clusterId(), desired.namespace(), desired.name(),
                previous == null ? newId() : previous.uid(), ++resourceVersion,
                previous == null ? java.time.Instant.now().toString() : previous.createdAt(), desired.type(),
                desired.annotations(), desired.selector(), ports,
                previous == null ? "10.43." + (resourceVersion % 250) + "." + (services.size() % 250 + 2)
                        : previous.clusterIp(), "", "");
        stored = cloudControllerManager(cluster, stored, previous, pendingState);
        services.put(stored.key(), stored);
        return stored;
    }

    /** Deletes the Service and, as the CCM does, its load balancer (the firewall stays). */
    synchronized void deleteService(SimulatedCluster cluster, String namespace, String name) {
        SimulatedService service = service(cluster.id(), namespace, name);
        services.remove(service.key());
        if (!service.loadBalancerId().isEmpty() && loadBalancers.containsKey(service.loadBalancerId())) {
            deleteLoadBalancer(cluster.region(), service.loadBalancerId());
        }
    }

    /** The Service's load balancer once it is available, which is when the CCM fills in the Service's status. */
    synchronized SimulatedLoadBalancer availableLoadBalancerOf(SimulatedService service) {
        SimulatedLoadBalancer lb = service.loadBalancerId().isEmpty() ? null
                : loadBalancers.get(service.loadBalancerId());
        return lb != null && lb.isAvailable() ? lb : null;
    }

    private int nodePort(SimulatedService previous, SimulatedService.Port port) {
        if (previous != null) {
            for (SimulatedService.Port old : previous.ports()) {
                if (old.port() == port.port()) {
                    return old.nodePort();
                }
            }
        }
        return nextNodePort++;
    }

    private SimulatedService cloudControllerManager(SimulatedCluster cluster, SimulatedService service,
            SimulatedService previous, String pendingState) {
        SimulatedLoadBalancer existing = previous == null || previous.loadBalancerId().isEmpty() ? null
                : loadBalancers.get(previous.loadBalancerId());
        Map<String, String> annotations = new java.util.TreeMap<>(service.annotations());
        if (!service.isLoadBalancer()) {
            if (existing != null) {
                deleteLoadBalancer(cluster.region(), existing.id());
            }
            List.of("cluster-id", "loadbalancer-id", "loadbalancer-name")
                    .forEach(key -> annotations.remove("kubernetes.civo.com/" + key));
            return withLoadBalancer(service, annotations, "", "");
        }
        List<Backend> backends = new java.util.ArrayList<>();
        String protocol = annotations.getOrDefault("kubernetes.civo.com/protocol", "tcp").toUpperCase(Locale.ROOT);
        for (SimulatedInstance node : cluster.nodes()) {
            for (SimulatedService.Port port : service.ports()) {
                backends.add(new Backend(node.privateIp(), protocol, port.port(), port.nodePort(), 0));
            }
        }
        SimulatedLoadBalancer lb;
        try {
            String firewall = annotations.getOrDefault("kubernetes.civo.com/firewall-id", "");
            String algorithm = annotations.getOrDefault("kubernetes.civo.com/loadbalancer-algorithm",
                    existing == null ? "round_robin" : existing.algorithm()).toLowerCase(Locale.ROOT).replace('-', '_');
            if (!algorithm.equals("round_robin") && !algorithm.equals("least_connections")) {
                throw CivoError.invalid("algorithm", "must be round_robin or least_connections");
            }
            int maxConcurrent = maxConcurrent(annotations.get("kubernetes.civo.com/max-concurrent-requests"),
                    existing == null ? 10000 : existing.maxConcurrentRequests());
            String proxy = annotations.getOrDefault("kubernetes.civo.com/loadbalancer-enable-proxy-protocol", "");
            String serverTimeout = annotations.getOrDefault("kubernetes.civo.com/server-timeout", "60s");
            String clientTimeout = annotations.getOrDefault("kubernetes.civo.com/client-timeout", "60s");
            if (existing == null) {
                lb = createLoadBalancer(new SimulatedLoadBalancer(newId(),
                        cluster.name() + "-" + service.namespace() + "-" + service.name(), cluster.region(),
                        service.namespace() + "/" + service.name(), cluster.networkId(), algorithm,
                        List.copyOf(backends), List.of(), "Cluster", "", null, proxy, "", "", firewall, cluster.id(),
                        pendingState, maxConcurrent, serverTimeout, clientTimeout));
            } else {
                lb = replaceLoadBalancer(new SimulatedLoadBalancer(existing.id(), existing.name(), existing.region(),
                        existing.serviceName(), existing.networkId(), algorithm, List.copyOf(backends), List.of(),
                        existing.externalTrafficPolicy(), existing.sessionAffinity(),
                        existing.sessionAffinityConfigTimeout(), proxy, existing.publicIp(), existing.privateIp(),
                        firewall.isBlank() ? existing.firewallId() : firewall, existing.clusterId(), existing.state(),
                        maxConcurrent, serverTimeout, clientTimeout));
            }
        } catch (CivoError refused) {
            return withLoadBalancer(service, annotations, "", refused.code() + ": " + refused.getMessage());
        }
        // The CCM overwrites the firewall annotation with the id the API returned, and adds its status annotations.
        annotations.put("kubernetes.civo.com/firewall-id", lb.firewallId());
        annotations.put("kubernetes.civo.com/loadbalancer-id", lb.id());
        annotations.put("kubernetes.civo.com/loadbalancer-name", lb.name());
        annotations.put("kubernetes.civo.com/cluster-id", cluster.id());
        return withLoadBalancer(service, annotations, lb.id(), "");
    }

    private static int maxConcurrent(String annotation, int fallback) {
        if (annotation == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(annotation.trim());
        } catch (NumberFormatException e) {
            throw CivoError.invalid("max_concurrent_requests", "not a number");
        }
    }

    private static SimulatedService withLoadBalancer(SimulatedService service, Map<String, String> annotations,
            String loadBalancerId, String ccmError) {
        return new SimulatedService(service.clusterId(), service.namespace(), service.name(), service.uid(),
                service.resourceVersion(), service.createdAt(), service.type(),
                java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(annotations)),
                service.selector(), service.ports(), service.clusterIp(), loadBalancerId, ccmError);
    }
}
