package dev.ilbportal.verification.internal;

import dev.ilbportal.civo.CivoApiException;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.LoadBalancer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Civo's side of one region at one moment: its load balancers and its firewalls (whose list embeds their rules), read
 * with one list call each, so a round costs two calls per region however many load balancers it holds. Civo answers
 * both lists as plain arrays without pages. Read it with no database transaction open.
 *
 * @param failure why Civo could not be read, or null; with a failure every Civo-side check is inconclusive
 * @param calls   how many Civo calls reading it took
 * @param loadBalancersReused whether the load balancers come from an earlier read (the watch's every other tick):
 *                            then one missing from it proves nothing, it may be newer than the read
 */
public record RegionSnapshot(String region, Map<String, LoadBalancer> loadBalancers, Map<String, Firewall> firewalls,
                             String failure, int calls, boolean loadBalancersReused) {

    /** The whole region: {@code GET /v2/loadbalancers} and {@code GET /v2/firewalls}. */
    public static RegionSnapshot read(CivoClient civo, String region) {
        try {
            List<LoadBalancer> loadBalancers = civo.listLoadBalancers(region);
            List<Firewall> firewalls = civo.listFirewalls(region);
            return new RegionSnapshot(region, byId(loadBalancers, LoadBalancer::id), byId(firewalls, Firewall::id),
                    null, 2, false);
        } catch (CivoApiException e) {
            return failed(region, e);
        }
    }

    /**
     * The region's load balancers alone ({@code GET /v2/loadbalancers}, one call): enough to start the probes, which
     * need only their addresses; {@link #withFirewallsRead} completes it for Civo's side of the checks.
     */
    public static RegionSnapshot loadBalancersOnly(CivoClient civo, String region) {
        try {
            return new RegionSnapshot(region, byId(civo.listLoadBalancers(region), LoadBalancer::id), Map.of(), null,
                    1, false);
        } catch (CivoApiException e) {
            return failed(region, e);
        }
    }

    /** This snapshot of load balancers completed with the region's firewalls ({@code GET /v2/firewalls}). */
    public RegionSnapshot withFirewallsRead(CivoClient civo) {
        if (!answered()) {
            return this;
        }
        try {
            return new RegionSnapshot(region, loadBalancers, byId(civo.listFirewalls(region), Firewall::id), null,
                    calls + 1, loadBalancersReused);
        } catch (CivoApiException e) {
            RegionSnapshot failed = failed(region, e);
            return new RegionSnapshot(region, failed.loadBalancers(), failed.firewalls(), failed.failure(),
                    calls + 1, false);
        }
    }

    /** Just one load balancer (for "Verify now"): {@code GET /v2/loadbalancers/{id}} and the region's firewalls. */
    public static RegionSnapshot readOne(CivoClient civo, String region, String loadBalancerId) {
        Map<String, LoadBalancer> found = new HashMap<>();
        try {
            found.put(loadBalancerId, civo.getLoadBalancer(region, loadBalancerId));
        } catch (CivoApiException e) {
            if (e.kind() != CivoApiException.Kind.NOT_FOUND) {
                return failed(region, e);
            }
            return new RegionSnapshot(region, found, Map.of(), null, 1, false);
        }
        try {
            return new RegionSnapshot(region, found, byId(civo.listFirewalls(region), Firewall::id), null, 2, false);
        } catch (CivoApiException e) {
            return failed(region, e);
        }
    }

    /** The firewalls read again (one call), the load balancers kept from {@code previous}. */
    public static RegionSnapshot withFirewalls(CivoClient civo, RegionSnapshot previous) {
        try {
            return new RegionSnapshot(previous.region(), previous.loadBalancers(),
                    byId(civo.listFirewalls(previous.region()), Firewall::id), null, 1, true);
        } catch (CivoApiException e) {
            return failed(previous.region(), e);
        }
    }

    public Optional<LoadBalancer> loadBalancer(String id) {
        return Optional.ofNullable(loadBalancers.get(id));
    }

    public Optional<Firewall> firewall(String id) {
        return Optional.ofNullable(id == null ? null : firewalls.get(id));
    }

    public boolean answered() {
        return failure == null;
    }

    private static RegionSnapshot failed(String region, CivoApiException e) {
        return new RegionSnapshot(region, Map.of(), Map.of(), "Civo did not answer: " + e.getMessage(), 1, false);
    }

    private static <T> Map<String, T> byId(List<T> items, java.util.function.Function<T, String> id) {
        Map<String, T> map = new HashMap<>(items.size() * 2);
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }
}
