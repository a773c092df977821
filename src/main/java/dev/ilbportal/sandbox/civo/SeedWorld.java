package dev.ilbportal.sandbox.civo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The world the simulator starts with, identical on every start: ids are derived from fixed seed strings, so demos,
 * screenshots and tests can name them.
 */
public final class SeedWorld {

    /** Region codes in order; the first is the account's default region. */
    public static final List<String> REGIONS = List.of("LON1", "FRA1", "NYC1");

    private static final String CREATED_AT = "2026-03-02T10:15:22+00:00";

    private SeedWorld() {
    }

    /** A UUID version 4 in shape, derived from the seed string so it is the same on every start. */
    public static String id(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("ilb-portal-sandbox:" + seed).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x40);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long most = 0;
            long least = 0;
            for (int i = 0; i < 8; i++) {
                most = (most << 8) | (hash[i] & 0xff);
                least = (least << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(most, least).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Id of a seeded network, e.g. {@code networkId("LON1", "payments-net")}. */
    public static String networkId(String region, String label) {
        return id(region + "/network/" + label);
    }

    /** Id of a seeded firewall, e.g. {@code firewallId("LON1", "Default (all open)")}. */
    public static String firewallId(String region, String name) {
        return id(region + "/firewall/" + name);
    }

    /** Id of a seeded instance, e.g. {@code instanceId("LON1", "payments-1")}. */
    public static String instanceId(String region, String hostname) {
        return id(region + "/instance/" + hostname);
    }

    /** Id of a seeded Kubernetes cluster, e.g. {@code clusterId("LON1", "prod-cluster")}. */
    public static String clusterId(String region, String name) {
        return id(region + "/cluster/" + name);
    }

    static void populate(CivoWorld world) {
        world.add(region("LON1", "London 1", "uk", "United Kingdom", true, true, 16));
        world.add(region("FRA1", "Frankfurt 1", "de", "Germany", false, false, 17));
        world.add(region("NYC1", "New York 1", "us", "United States", false, true, 18));
        for (int i = 0; i < REGIONS.size(); i++) {
            String region = REGIONS.get(i);
            network(world, region, "default", true, "192.168." + (i + 1) + ".0/24", "Default (all open)");
            network(world, region, "payments-net", false, "10.20.0.0/24", "payments-net-default");
            network(world, region, "search-net", false, "10.30.0.0/24", "search-net-default");
        }
        List<String> paymentsTags = List.of("payments-api", "prod");
        List<String> searchTags = List.of("search-api", "prod");
        for (int n = 1; n <= 3; n++) {
            world.add(instance("LON1", "payments-" + n, "payments-net",
                    "payments-net-default", "10.20.0." + (10 + n), paymentsTags));
        }
        for (int n = 1; n <= 2; n++) {
            world.add(instance("LON1", "search-" + n, "search-net", "search-net-default", "10.30.0." + (10 + n),
                    searchTags));
        }
        world.add(instance("LON1", "bastion-1", "default", "Default (all open)", "192.168.1.10", List.of("ops")));
        for (int n = 1; n <= 2; n++) {
            world.add(instance("FRA1", "payments-fra-" + n, "payments-net", "payments-net-default",
                    "10.20.0." + (10 + n), List.of("payments-api", "dr")));
        }
        cluster(world);
    }

    private static SimulatedRegion region(String code, String name, String country, String countryName,
            boolean isDefault, boolean gpu, int publicOctet) {
        Map<String, Boolean> features = new LinkedHashMap<>();
        for (String feature : List.of("iaas", "kubernetes", "object_store", "loadbalancer", "dbaas", "volume",
                "paas")) {
            features.put(feature, true);
        }
        features.put("gpu", gpu);
        features.put("public_ip_node_pools", true);
        return new SimulatedRegion(code, name, country, countryName, isDefault, features, publicOctet);
    }

    private static void network(CivoWorld world, String region, String label, boolean isDefault, String cidr,
            String firewallName) {
        String id = networkId(region, label);
        String name = isDefault
                ? "cust-default-" + id.substring(0, 8) + "-" + id.substring(24)
                : "cust-" + id.substring(0, 8) + "-" + id.substring(9, 13) + "-" + label;
        world.add(new SimulatedNetwork(id, name, label, region, isDefault, Ipv4Cidr.parse(cidr)));
        firewall(world, region, firewallName, id, isDefault, RuleDraft.civoDefaults());
    }

    private static void firewall(CivoWorld world, String region, String name, String networkId, boolean isDefault,
            List<RuleDraft> drafts) {
        String id = firewallId(region, name);
        List<SimulatedFirewallRule> rules = new ArrayList<>();
        for (int n = 0; n < drafts.size(); n++) {
            rules.add(drafts.get(n).toRule(id(region + "/firewall/" + name + "/rule/" + n), id));
        }
        world.add(new SimulatedFirewall(id, name, region, networkId, isDefault), rules);
    }

    private static SimulatedInstance instance(String region, String hostname, String networkLabel,
            String firewallName, String privateIp, List<String> tags) {
        String id = instanceId(region, hostname);
        String publicIp = hostname.startsWith("bastion") ? "74.220.16.10" : null;
        return new SimulatedInstance(id, hostname + "-" + id.substring(0, 8), hostname, region,
                networkId(region, networkLabel), firewallId(region, firewallName), privateIp, publicIp, tags,
                "ACTIVE", "g3.small", 2, 4096, 50, CREATED_AT);
    }

    private static void cluster(CivoWorld world) {
        String firewallName = "k3s-cluster-prod-cluster";
        String networkId = networkId("LON1", "default");
        List<String> everywhere = List.of("0.0.0.0/0");
        firewall(world, "LON1", firewallName, networkId, false, List.of(
                new RuleDraft("tcp", "6443", "6443", everywhere, "ingress", "allow", "Kubernetes API server"),
                new RuleDraft("tcp", "80", "80", everywhere, "ingress", "allow", "HTTP"),
                new RuleDraft("tcp", "443", "443", everywhere, "ingress", "allow", "HTTPS")));
        List<SimulatedInstance> nodes = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String hostname = "k3s-prod-cluster-pool-node-" + n;
            String id = instanceId("LON1", hostname);
            nodes.add(new SimulatedInstance(id, hostname, hostname, "LON1", networkId,
                    firewallId("LON1", firewallName), "192.168.1." + (20 + n), null,
                    List.of("civo-kubernetes:installed"), "ACTIVE", "g4s.kube.medium", 2, 4096, 50, CREATED_AT));
        }
        world.add(new SimulatedCluster(clusterId("LON1", "prod-cluster"), "prod-cluster", "LON1", networkId,
                firewallId("LON1", firewallName), "74.220.16.5", nodes, CREATED_AT,
                "sandbox-k8s-" + id("LON1/cluster/prod-cluster/token")));
    }
}
