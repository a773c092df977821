package dev.ilbportal.requests.internal;

import dev.ilbportal.civo.CivoApiException;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.CivoLookupCache;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.civo.model.Region;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What the wizard's dropdowns and live lists show, read from Civo. A failed look-up comes back as a message beside
 * an empty list, so the page still renders with everything the requester typed.
 */
@Component
public class CivoLookups {

    private final CivoClient civo;
    private final CivoLookupCache cache;
    private final CivoBackedRules rules;

    public CivoLookups(CivoClient civo, CivoLookupCache cache, CivoBackedRules rules) {
        this.civo = civo;
        this.cache = cache;
        this.rules = rules;
    }

    public String defaultRegion() {
        return civo.defaultRegion();
    }

    public Lookup<Region> regions() {
        return Lookup.attempt(cache::regions);
    }

    public Lookup<Network> networks(String region) {
        if (region == null || region.isBlank()) {
            return Lookup.none();
        }
        return Lookup.attempt(() -> cache.networks(region).stream()
                .sorted(Comparator.comparing((Network n) -> !n.isDefault()).thenComparing(n ->
                        InstanceMatch.label(n, n.id())))
                .toList());
    }

    /** The network's firewalls with their inbound-rule counts; only those without inbound rules can be chosen. */
    public Lookup<FirewallOption> firewalls(String region, String networkId) {
        if (region == null || region.isBlank() || networkId == null || networkId.isBlank()) {
            return Lookup.none();
        }
        return Lookup.attempt(() -> cache.firewalls(region, CivoLookupCache.Freshness.CACHED).stream()
                .filter(firewall -> networkId.equals(firewall.networkId()))
                .map(firewall -> new FirewallOption(firewall.id(), firewall.name(),
                        rules.ingressRules(region, firewall)))
                .sorted(Comparator.comparing(FirewallOption::name))
                .toList());
    }

    /** The person opened a step of the wizard in this region: have Civo's answers ready for its save. */
    public void stepOpened(String region) {
        cache.prefetchForStepSaves(region);
    }

    public Lookup<InstanceMatch> instances(String region, String networkId, BackendTarget target) {
        return Lookup.attempt(() -> rules.matchingInstances(region, networkId, target));
    }

    /**
     * A list read from Civo, or why it could not be read.
     *
     * @param failure null when Civo answered
     */
    /** The region's Kubernetes clusters, for a Service target. */
    public Lookup<ClusterOption> clusters(String region) {
        try {
            return new Lookup<>(cache.kubernetesClusters(region).stream()
                    .map(cluster -> new ClusterOption(cluster.id(), cluster.name(), cluster.networkId())).toList(),
                    null);
        } catch (dev.ilbportal.civo.CivoApiException e) {
            return new Lookup<>(List.of(), "Civo did not answer: " + e.getMessage());
        }
    }

    /** A cluster as the wizard offers it. */
    public record ClusterOption(String id, String name, String networkId) {
    }

    public record Lookup<T>(List<T> items, String failure) {

        static <T> Lookup<T> none() {
            return new Lookup<>(List.of(), null);
        }

        static <T> Lookup<T> attempt(Supplier<List<T>> read) {
            try {
                return new Lookup<>(read.get(), null);
            } catch (CivoApiException failure) {
                return new Lookup<>(List.of(), "Civo did not answer: " + CivoBackedRules.describe(failure)
                        + ". Your input is kept; try again.");
            }
        }
    }

    /** A firewall of the network as the dropdown shows it. */
    public record FirewallOption(String id, String name, long inboundRules) {

        public boolean selectable() {
            return inboundRules == 0;
        }

        public String label() {
            return name + " (" + inboundRules + (inboundRules == 1 ? " inbound rule" : " inbound rules")
                    + (selectable() ? ")" : ", cannot be used)");
        }
    }
}
