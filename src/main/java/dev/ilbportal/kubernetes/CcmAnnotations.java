package dev.ilbportal.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Service annotations Civo's cloud controller manager honours (docs/civo.md §6.2), so the portal can set the
 * firewall and the load balancer's settings the way it would through Civo's API.
 *
 * @param firewallId            the firewall to attach; without it Civo creates a firewall of its own, open to all
 * @param algorithm             {@code round_robin} or {@code least_connections}, or null for Civo's default
 * @param maxConcurrentRequests 10000 to 50000, or null for Civo's default
 * @param proxyProtocol         {@code send-proxy} or {@code send-proxy-v2}, or null for none
 * @param serverTimeout         e.g. {@code 60s}, or null for Civo's default
 * @param clientTimeout         e.g. {@code 60s}, or null for Civo's default
 */
public record CcmAnnotations(String firewallId, String algorithm, Integer maxConcurrentRequests,
        String proxyProtocol, String serverTimeout, String clientTimeout) {

    public static final String PREFIX = "kubernetes.civo.com/";
    public static final String FIREWALL_ID = PREFIX + "firewall-id";
    public static final String ALGORITHM = PREFIX + "loadbalancer-algorithm";
    public static final String MAX_CONCURRENT_REQUESTS = PREFIX + "max-concurrent-requests";
    public static final String PROXY_PROTOCOL = PREFIX + "loadbalancer-enable-proxy-protocol";
    public static final String SERVER_TIMEOUT = PREFIX + "server-timeout";
    public static final String CLIENT_TIMEOUT = PREFIX + "client-timeout";
    /** Written back by the CCM once it has built the load balancer. */
    public static final String LOAD_BALANCER_ID = PREFIX + "loadbalancer-id";
    public static final String LOAD_BALANCER_NAME = PREFIX + "loadbalancer-name";
    public static final String CLUSTER_ID = PREFIX + "cluster-id";

    /** Only the firewall, every setting left at Civo's default. */
    public static CcmAnnotations firewallOnly(String firewallId) {
        return new CcmAnnotations(firewallId, null, null, null, null, null);
    }

    /** The annotations that are set, firewall first. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, FIREWALL_ID, firewallId);
        put(map, ALGORITHM, algorithm);
        put(map, MAX_CONCURRENT_REQUESTS, maxConcurrentRequests == null ? null : maxConcurrentRequests.toString());
        put(map, PROXY_PROTOCOL, proxyProtocol);
        put(map, SERVER_TIMEOUT, serverTimeout);
        put(map, CLIENT_TIMEOUT, clientTimeout);
        return map;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
