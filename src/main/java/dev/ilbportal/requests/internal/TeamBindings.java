package dev.ilbportal.requests.internal;

import dev.ilbportal.civo.model.Instance;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.requests.internal.RequestsProperties.TeamBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Which Civo networks, Kubernetes clusters, namespaces and instances each team's requests may use
 * ({@code portal.requests.team-bindings}). A team with a binding is refused anything outside it, beside the field;
 * a team without one may use anything, and the approver is warned when that lies outside the team's bindings or
 * inside another team's.
 */
@Component
public class TeamBindings {

    static final String TAG = "tag:";

    private final Map<String, TeamBinding> bindings;

    public TeamBindings(RequestsProperties properties) {
        this.bindings = properties.teamBindings();
    }

    public Optional<TeamBinding> of(String team) {
        return team == null ? Optional.empty() : Optional.ofNullable(bindings.get(team));
    }

    /** The request's network, refused beside {@code networkId} when the team's binding does not list it. */
    void checkNetwork(SpecProblems problems, String team, Network network) {
        of(team).filter(binding -> !anyMatches(binding.networks(), network)).ifPresent(binding -> problems.add(
                "networkId", "Team " + team + " may use " + listed("the network", "the networks", binding.networks())
                        + "; " + InstanceMatch.label(network, network.id()) + " is not one of them"
                        + otherTeams(team, candidate -> anyMatches(candidate.networks(), network)) + "."));
    }

    /** The Kubernetes cluster, refused beside the target when the team's binding does not list it. */
    void checkCluster(SpecProblems problems, String team, KubernetesCluster cluster) {
        of(team).filter(binding -> !anyMatches(binding.clusters(), cluster)).ifPresent(binding -> problems.add(
                "targetValues", "Team " + team + " may use " + listed("the cluster", "the clusters",
                        binding.clusters()) + "; " + cluster.name() + " is not one of them"
                        + otherTeams(team, candidate -> anyMatches(candidate.clusters(), cluster)) + "."));
    }

    /** The Service's namespace, refused beside {@code namespace} when the team's binding does not list it. */
    void checkNamespace(SpecProblems problems, String team, String namespace) {
        of(team).filter(binding -> !namespaceMatches(binding.namespaces(), namespace)).ifPresent(binding ->
                problems.add("namespace", "Team " + team + " may use " + listed("the namespace", "the namespaces",
                        binding.namespaces()) + "; " + namespace + " is not one of them"
                        + otherTeams(team, candidate -> namespaceMatches(candidate.namespaces(), namespace)) + "."));
    }

    /** Instances a tag or name pool reaches, refused when the team's binding names instances and one is not among them. */
    void checkInstances(SpecProblems problems, String team, List<Instance> instances) {
        Optional<TeamBinding> binding = of(team).filter(found -> !found.instances().isEmpty());
        if (binding.isEmpty()) {
            return;
        }
        List<Instance> outside = instances.stream().filter(i -> !anyMatches(binding.get().instances(), i)).toList();
        if (!outside.isEmpty()) {
            problems.add("targetValues", outside.size() + (outside.size() == 1 ? " matching instance is" :
                    " matching instances are") + " not team " + team + "'s (for example " + outside.getFirst().hostname()
                    + "); team " + team + " may use " + listed("the instances", "the instances",
                    binding.get().instances()) + ". Narrow the tags or names.");
        }
    }

    /**
     * What the approver should know before deciding: the request's network, cluster or namespace lies outside the
     * team's binding (a team without one, or a request submitted before its binding) or in another team's.
     */
    public List<String> warnings(String team, LoadBalancerSpec spec, Optional<Network> network,
                                 Optional<KubernetesCluster> cluster) {
        List<String> warnings = new ArrayList<>();
        Optional<TeamBinding> own = of(team);
        network.ifPresent(found -> {
            if (own.isEmpty() || !anyMatches(own.get().networks(), found)) {
                warnings.add("Network " + InstanceMatch.label(found, found.id()) + " is not bound to team " + team
                        + otherTeams(team, candidate -> anyMatches(candidate.networks(), found)) + ".");
            }
        });
        cluster.ifPresent(found -> {
            if (own.isEmpty() || !anyMatches(own.get().clusters(), found)) {
                warnings.add("Kubernetes cluster " + found.name() + " is not bound to team " + team
                        + otherTeams(team, candidate -> anyMatches(candidate.clusters(), found)) + ".");
            }
        });
        Optional.ofNullable(spec.target()).flatMap(LoadBalancerSpec.BackendTarget::kubernetes)
                .map(LoadBalancerSpec.KubernetesTarget::namespace).filter(namespace -> !namespace.isBlank())
                .ifPresent(namespace -> {
                    if (own.isEmpty() || !namespaceMatches(own.get().namespaces(), namespace)) {
                        warnings.add("Namespace " + namespace + " is not bound to team " + team
                                + otherTeams(team, candidate -> namespaceMatches(candidate.namespaces(), namespace))
                                + ".");
                    }
                });
        if (!warnings.isEmpty() && own.isEmpty()) {
            warnings.add("Team " + team + " has no binding in portal.requests.team-bindings, so the portal did not "
                    + "refuse this; check that the team owns what it asks for.");
        }
        return warnings;
    }

    private String otherTeams(String team, java.util.function.Predicate<TeamBinding> bound) {
        List<String> others = bindings.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(team) && bound.test(entry.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        return others.isEmpty() ? "" : " (it is bound to team " + String.join(", ", others) + ")";
    }

    private static String listed(String one, String many, List<String> entries) {
        if (entries.isEmpty()) {
            return "no " + many.substring(many.indexOf(' ') + 1);
        }
        return (entries.size() == 1 ? one : many) + " " + String.join(", ", entries);
    }

    static boolean anyMatches(List<String> patterns, Network network) {
        return patterns.stream().anyMatch(pattern -> !pattern.startsWith(TAG)
                && Stream.of(network.label(), network.name(), network.id()).anyMatch(value -> glob(pattern, value)));
    }

    static boolean anyMatches(List<String> patterns, KubernetesCluster cluster) {
        return patterns.stream().anyMatch(pattern -> pattern.startsWith(TAG)
                ? cluster.tags().stream().anyMatch(tag -> glob(pattern.substring(TAG.length()), tag))
                : glob(pattern, cluster.name()) || glob(pattern, cluster.id()));
    }

    static boolean anyMatches(List<String> patterns, Instance instance) {
        return patterns.stream().anyMatch(pattern -> pattern.startsWith(TAG)
                ? instance.tags().stream().anyMatch(tag -> glob(pattern.substring(TAG.length()), tag))
                : glob(pattern, instance.hostname()) || glob(pattern, instance.name()));
    }

    static boolean namespaceMatches(List<String> patterns, String namespace) {
        return patterns.stream().anyMatch(pattern -> !pattern.startsWith(TAG) && glob(pattern, namespace));
    }

    /** {@code *} stands for any characters (none included); everything else is literal; case does not count. */
    static boolean glob(String pattern, String value) {
        if (pattern == null || value == null) {
            return false;
        }
        String regex = Stream.of(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(value).matches();
    }
}
