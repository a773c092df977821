package dev.ilbportal.requests.internal;

import dev.ilbportal.civo.CivoApiException;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.CivoLookupCache;
import dev.ilbportal.civo.CivoLookupCache.Freshness;
import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRules;
import dev.ilbportal.civo.model.Instance;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.KubernetesTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The rules only Civo can answer: the network exists, names are free, the firewall is internal-only and in the
 * network, the backends are in the network, and the account has quota left. They run after the static rules and
 * only for the fields asked for; a Civo failure is thrown as {@link CivoApiException}, never taken as a pass.
 *
 * <p>They spend little of the account's Civo budget: networks and clusters come from the short-lived
 * {@link CivoLookupCache}, instances are listed once per check however many tags are asked for, and a step save
 * takes the region's firewalls, load balancers, instances and quota from the cache too (at most its lifetime old,
 * shared by everyone in the wizard); submission reads them all fresh, and provisioning checks again before it
 * creates anything.
 */
@Component
public class CivoBackedRules {

    private static final UUID NO_REQUEST = new UUID(0, 0);

    private final CivoClient civo;
    private final CivoLookupCache lookups;
    private final LoadBalancerRequests requests;
    private final TeamBindings bindings;

    public CivoBackedRules(CivoClient civo, CivoLookupCache lookups, LoadBalancerRequests requests,
                           TeamBindings bindings) {
        this.civo = civo;
        this.lookups = lookups;
        this.requests = requests;
        this.bindings = bindings;
    }

    /** Checks with everything read fresh from Civo except networks and clusters, as at submission. */
    public SpecProblems check(LoadBalancerSpec spec, UUID requestId, Set<String> fields) {
        return check(spec, requestId, fields, Freshness.FRESH);
    }

    /**
     * Checks the spec's fields among {@code fields} against Civo and the open requests.
     *
     * @param requestId the request being edited (its own name does not count as a duplicate), or null
     * @param freshness {@link Freshness#CACHED} for a step save: firewalls, load balancers, instances and the quota
     *                  as the cache kept them (at most its lifetime old); {@link Freshness#FRESH} at submission
     */
    public SpecProblems check(LoadBalancerSpec spec, UUID requestId, Set<String> fields, Freshness freshness) {
        return check(spec, null, requestId, fields, freshness);
    }

    /**
     * Checks as {@link #check(LoadBalancerSpec, UUID, Set, Freshness)} does, and the network, cluster, namespace and
     * instances against {@code team}'s binding ({@link TeamBindings}); a null team is checked against none.
     */
    public SpecProblems check(LoadBalancerSpec spec, String team, UUID requestId, Set<String> fields,
                                Freshness freshness) {
        SpecProblems problems = new SpecProblems();
        if (blank(spec.region())) {
            return problems;
        }
        String region = spec.region();
        Optional<Network> network = Optional.empty();
        if (!blank(spec.networkId())) {
            List<Network> networks = lookups.networks(region);
            network = networks.stream().filter(n -> spec.networkId().equals(n.id())).findFirst();
            if (network.isEmpty()) {
                problems.add("networkId", "Network " + spec.networkId() + " does not exist in " + region
                        + "; choose one of the region's networks.");
            } else if (fields.contains("networkId")) {
                bindings.checkNetwork(problems, team, network.get());
            }
        }
        if (fields.contains("targetValues") && spec.target() != null) {
            spec.target().kubernetes().map(KubernetesTarget::namespace).filter(namespace -> !blank(namespace))
                    .ifPresent(namespace -> bindings.checkNamespace(problems, team, namespace));
        }
        boolean firewallFields = fields.contains("firewallMode") || fields.contains("firewallName")
                || fields.contains("firewallId");
        if (firewallFields && spec.firewall() != null && spec.firewall().mode() != null && network.isPresent()) {
            checkFirewall(problems, spec, network.get(), freshness);
        }
        if (fields.contains("name") && !blank(spec.name())) {
            checkName(problems, spec, requestId, freshness);
        }
        if (fields.contains("targetValues") && spec.target() != null && spec.target().kind() != null
                && !spec.target().values().isEmpty() && network.isPresent()) {
            checkTarget(problems, spec.target(), team, region, network.get(), freshness);
        }
        boolean needsFirewallQuota = fields.contains("firewallQuota") && spec.firewall() != null
                && spec.firewall().mode() == FirewallChoice.Mode.CREATE;
        if (needsFirewallQuota || fields.contains("loadBalancerQuota")) {
            checkQuota(problems, lookups.quota(region, freshness),
                    needsFirewallQuota, fields.contains("loadBalancerQuota"));
        }
        return problems;
    }

    /** The instances a tag or name pool would reach, for the live list under the field. */
    public List<InstanceMatch> matchingInstances(String region, String networkId, BackendTarget target) {
        if (blank(region) || target == null || target.kind() == null
                || target.kind() == BackendTarget.Kind.BACKEND_IPS || target.values().isEmpty()) {
            return List.of();
        }
        List<Network> networks = lookups.networks(region);
        List<Instance> matches = new ArrayList<>(matchesByValue(target, region, Freshness.CACHED).values().stream()
                .flatMap(List::stream).distinct().toList());
        return InstanceMatch.of(matches, networks, networkId);
    }

    private void checkFirewall(SpecProblems problems, LoadBalancerSpec spec, Network network, Freshness freshness) {
        List<Firewall> firewalls = lookups.firewalls(spec.region(), freshness);
        FirewallChoice choice = spec.firewall();
        if (choice.mode() == FirewallChoice.Mode.CREATE) {
            if (blank(choice.newName()) && blank(spec.name())) {
                return;
            }
            String name = PlanBuilder.firewallName(spec);
            if (firewalls.stream().anyMatch(f -> name.equalsIgnoreCase(f.name()))) {
                problems.add("firewallName", "A firewall named " + name + " already exists in Civo; firewall names "
                        + "are unique in the account. Type another name.");
            }
            return;
        }
        if (blank(choice.existingId())) {
            return;
        }
        Optional<Firewall> found = firewalls.stream().filter(f -> choice.existingId().equals(f.id())).findFirst();
        if (found.isEmpty()) {
            problems.add("firewallId", "That firewall does not exist in " + spec.region() + " any more; choose "
                    + "another or create a new internal-only firewall.");
            return;
        }
        Firewall firewall = found.get();
        if (!network.id().equals(firewall.networkId())) {
            problems.add("firewallId", "Firewall " + firewall.name() + " belongs to another network; a load "
                    + "balancer can only use a firewall of its own network (" + InstanceMatch.label(network, "")
                    + ").");
            return;
        }
        long inbound = ingressRules(spec.region(), firewall);
        if (inbound > 0) {
            problems.add("firewallId", "Firewall " + firewall.name() + " has " + inbound + " inbound (ingress) "
                    + (inbound == 1 ? "rule" : "rules") + ". Every load balancer has a public IP, and an inbound "
                    + "rule lets traffic from outside through it, so the load balancer would be public. Choose a "
                    + "firewall with no inbound rules, or create a new internal-only firewall.");
        }
    }

    /** Counts inbound rules; reads them from Civo when the list did not embed them. */
    long ingressRules(String region, Firewall firewall) {
        List<FirewallRule> rules = firewall.rules();
        if (rules.isEmpty() && firewall.rulesCount() > 0) {
            rules = civo.listFirewallRules(region, firewall.id());
        }
        return FirewallRules.of(rules).ingress().size();
    }

    private void checkName(SpecProblems problems, LoadBalancerSpec spec, UUID requestId, Freshness freshness) {
        String name = spec.name();
        if (lookups.loadBalancers(spec.region(), freshness).stream().anyMatch(lb -> name.equalsIgnoreCase(lb.name()))) {
            problems.add("name", "A Civo load balancer named " + name + " already exists in " + spec.region()
                    + "; choose another name.");
        } else if (requests.existsOpenWithName(spec.region(), name, requestId == null ? NO_REQUEST : requestId)) {
            problems.add("name", "Another open request already asks for a load balancer named " + name + " in "
                    + spec.region() + "; choose another name.");
        }
    }

    private void checkTarget(SpecProblems problems, BackendTarget target, String team, String region,
                             Network network, Freshness freshness) {
        if (target.kind() == BackendTarget.Kind.KUBERNETES_SERVICE) {
            checkCluster(problems, target, team, region, network);
            return;
        }
        if (target.kind() == BackendTarget.Kind.BACKEND_IPS) {
            checkBackendIps(problems, target, network);
            return;
        }
        Map<String, List<Instance>> byValue = matchesByValue(target, region, freshness);
        for (Map.Entry<String, List<Instance>> entry : byValue.entrySet()) {
            if (entry.getValue().isEmpty()) {
                problems.add("targetValues", target.kind() == BackendTarget.Kind.INSTANCE_TAGS
                        ? "No instance in " + region + " has the tag " + entry.getKey() + "."
                        : "No instance in " + region + " is named " + entry.getKey() + ".");
                return;
            }
        }
        List<Network> networks = lookups.networks(region);
        List<InstanceMatch> outside = InstanceMatch.of(byValue.values().stream().flatMap(List::stream).distinct()
                .toList(), networks, network.id()).stream().filter(match -> !match.inNetwork()).toList();
        if (!outside.isEmpty()) {
            InstanceMatch first = outside.getFirst();
            problems.add("targetValues", outside.size() + (outside.size() == 1 ? " matching instance is" :
                    " matching instances are") + " outside network " + InstanceMatch.label(network, network.id())
                    + " (for example " + first.name() + " in " + first.network() + "); the load balancer cannot "
                    + "reach them. Narrow the tags or names, or choose the instances' network.");
            return;
        }
        bindings.checkInstances(problems, team, byValue.values().stream().flatMap(List::stream).distinct().toList());
    }

    /** The cluster must exist, be ready, and live in the chosen network: the firewall is created there. */
    private void checkCluster(SpecProblems problems, BackendTarget target, String team, String region,
                              Network network) {
        String clusterId = target.kubernetes().map(LoadBalancerSpec.KubernetesTarget::clusterId).orElse(null);
        Optional<dev.ilbportal.civo.model.KubernetesCluster> cluster = lookups.kubernetesClusters(region).stream()
                .filter(candidate -> candidate.id().equals(clusterId)).findFirst();
        if (cluster.isEmpty()) {
            problems.add("targetValues", "There is no Kubernetes cluster " + clusterId + " in " + region
                    + "; choose one of the region's clusters.");
        } else if (!network.id().equals(cluster.get().networkId())) {
            problems.add("targetValues", "Cluster " + cluster.get().name() + " is in another network than "
                    + InstanceMatch.label(network, network.id()) + "; its load balancer must share the firewall's "
                    + "network, so choose the cluster's network in step 1.");
        } else {
            bindings.checkCluster(problems, team, cluster.get());
        }
    }

    private void checkBackendIps(SpecProblems problems, BackendTarget target, Network network) {
        Optional<Ipv4Range> range = Ipv4Range.parse(network.cidr());
        if (range.isEmpty()) {
            return;
        }
        for (String ip : target.values()) {
            if (!range.get().contains(ip)) {
                problems.add("targetValues", ip + " is outside network " + InstanceMatch.label(network, network.id())
                        + " (" + network.cidr() + "); backends must be private addresses of the load balancer's "
                        + "network.");
                return;
            }
        }
    }

    private Map<String, List<Instance>> matchesByValue(BackendTarget target, String region, Freshness freshness) {
        Map<String, List<Instance>> byValue = new LinkedHashMap<>();
        List<Instance> all = lookups.instances(region, freshness);
        if (target.kind() == BackendTarget.Kind.INSTANCE_TAGS) {
            for (String tag : target.values()) {
                byValue.put(tag, all.stream().filter(instance -> instance.tags().contains(tag)).toList());
            }
        } else {
            for (String name : target.values()) {
                byValue.put(name, all.stream().filter(i -> name.equalsIgnoreCase(i.hostname())
                        || name.equalsIgnoreCase(i.name())).toList());
            }
        }
        return byValue;
    }

    private static void checkQuota(SpecProblems problems, dev.ilbportal.civo.model.Quota quota, boolean firewall, boolean loadBalancer) {
        if (firewall && full(quota.securityGroupLimit(), quota.securityGroupUsage())) {
            problems.add("firewallQuota", "The Civo account already uses " + quota.securityGroupUsage() + " of its "
                    + quota.securityGroupLimit() + " firewalls, so a new firewall cannot be created. Use an existing "
                    + "internal-only firewall, or ask for a higher quota.");
        }
        if (loadBalancer && full(quota.loadbalancerCountLimit(), quota.loadbalancerCountUsage())) {
            problems.add("loadBalancerQuota", "The Civo account already uses " + quota.loadbalancerCountUsage()
                    + " of its " + quota.loadbalancerCountLimit() + " load balancers, so another cannot be created. "
                    + "Ask for a higher quota, or decommission one first.");
        }
    }

    private static boolean full(Integer limit, Integer usage) {
        return limit != null && usage != null && usage >= limit;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** An IPv4 CIDR block, just enough to tell whether an address is inside. */
    record Ipv4Range(long base, long mask) {

        static Optional<Ipv4Range> parse(String cidr) {
            if (cidr == null || !cidr.contains("/")) {
                return Optional.empty();
            }
            String[] parts = cidr.split("/");
            Long address = toLong(parts[0]);
            int bits;
            try {
                bits = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (address == null || bits < 0 || bits > 32) {
                return Optional.empty();
            }
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return Optional.of(new Ipv4Range(address & mask, mask));
        }

        boolean contains(String ip) {
            Long address = toLong(ip);
            return address != null && (address & mask) == base;
        }

        private static Long toLong(String ip) {
            String[] octets = ip.trim().split("\\.");
            if (octets.length != 4) {
                return null;
            }
            long value = 0;
            for (String octet : octets) {
                try {
                    int n = Integer.parseInt(octet);
                    if (n < 0 || n > 255) {
                        return null;
                    }
                    value = (value << 8) | n;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return value;
        }
    }

    static String describe(CivoApiException failure) {
        String reason = failure.reason() == null || failure.reason().isBlank()
                ? failure.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') : failure.reason();
        return failure.call() + " failed (" + reason + ")";
    }
}
