package dev.ilbportal.requests.internal;

import static dev.ilbportal.requests.internal.CivoBackedRulesTests.LON1;
import static dev.ilbportal.requests.internal.CivoBackedRulesTests.PAYMENTS_NET;
import static dev.ilbportal.requests.internal.CivoBackedRulesTests.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.RequestsProperties.TeamBinding;
import dev.ilbportal.sandbox.civo.CivoSimulator;
import dev.ilbportal.sandbox.civo.SeedWorld;
import dev.ilbportal.sandbox.civo.SimulatorSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Teams bound to networks, clusters, namespaces and instances ({@code portal.requests.team-bindings}), checked by the
 * Civo-backed rules against the real sandbox simulator over HTTP.
 */
class TeamBindingsTests {

    static final String DEFAULT_NET = SeedWorld.networkId(LON1, "default");
    static final String SEARCH_NET = SeedWorld.networkId(LON1, "search-net");
    static final String PROD_CLUSTER = SeedWorld.clusterId(LON1, "prod-cluster");

    static CivoSimulator simulator;
    static CivoClient civo;

    static final TeamBindings BINDINGS = new TeamBindings(new RequestsProperties(1, Duration.ofDays(7),
            Duration.ofMinutes(5), false, Duration.ofDays(365), RequestsProperties.AutoDecommissionApproval.BY_POLICY,
            Map.of("payments", new TeamBinding(List.of("payments-net", "default"), List.of("prod-cluster"),
                            List.of("payments", "payments-*"), List.of("tag:payments-api", "payments-*")),
                    "search", new TeamBinding(List.of("search-*"), List.of("tag:team=search"), List.of("search"),
                            null))));

    @BeforeAll
    static void startSimulator() {
        simulator = CivoSimulator.start(SimulatorSettings.forTests());
        civo = CivoBackedRulesTests.clientFor(simulator);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    private static SpecProblems check(String team, LoadBalancerSpec spec, WizardStep step) {
        CivoBackedRules rules = new CivoBackedRules(civo, CivoBackedRulesTests.uncached(civo),
                mock(LoadBalancerRequests.class), BINDINGS);
        return rules.check(spec, team, UUID.randomUUID(), step.fields(), dev.ilbportal.civo.CivoLookupCache.Freshness.FRESH);
    }

    private static LoadBalancerSpec kubernetes(String namespace) {
        return spec(DEFAULT_NET, FirewallChoice.create(null), "web",
                BackendTarget.kubernetesService(PROD_CLUSTER, "prod-cluster", namespace, Map.of("app", "web")));
    }

    @Test
    void anotherTeamsNetworkIsRefusedBesideTheNetworkFieldNamingWhoseItIs() {
        SpecProblems problems = check("search", spec(PAYMENTS_NET, FirewallChoice.create(null), null, null),
                WizardStep.NETWORK);

        assertThat(problems.byField().get("networkId")).isEqualTo("Team search may use the network search-*; "
                + "payments-net is not one of them (it is bound to team payments).");
    }

    @Test
    void aNetworkOfTheTeamsBindingPassesByLabelOrWildcard() {
        assertThat(check("payments", spec(PAYMENTS_NET, FirewallChoice.create(null), null, null),
                WizardStep.NETWORK).has("networkId")).isFalse();
        assertThat(check("search", spec(SEARCH_NET, FirewallChoice.create(null), null, null),
                WizardStep.NETWORK).has("networkId")).isFalse();
    }

    @Test
    void aTeamWithoutBindingKeepsTodaysBehaviour() {
        SpecProblems problems = check("marketing", kubernetes("anything"),
                WizardStep.REVIEW);

        assertThat(problems.has("networkId")).isFalse();
        assertThat(problems.has("namespace")).isFalse();
        assertThat(problems.has("targetValues")).isFalse();
    }

    @Test
    void aClusterOutsideTheBindingIsRefusedBesideTheTarget() {
        SpecProblems problems = check("search", spec(DEFAULT_NET, FirewallChoice.create(null), "web",
                        BackendTarget.kubernetesService(PROD_CLUSTER, "prod-cluster", "search", Map.of("app", "web"))),
                WizardStep.LOAD_BALANCER);

        assertThat(problems.byField().get("targetValues")).isEqualTo("Team search may use the cluster "
                + "tag:team=search; prod-cluster is not one of them (it is bound to team payments).");
    }

    @Test
    void aNamespaceOutsideTheBindingIsRefusedBesideTheNamespaceField() {
        SpecProblems search = check("payments", kubernetes("search"), WizardStep.LOAD_BALANCER);
        assertThat(search.byField().get("namespace")).isEqualTo("Team payments may use the namespaces payments, "
                + "payments-*; search is not one of them (it is bound to team search).");

        assertThat(check("payments", kubernetes("payments-web"), WizardStep.LOAD_BALANCER).isEmpty()).isTrue();
        assertThat(check("payments", kubernetes("payments"), WizardStep.LOAD_BALANCER).isEmpty()).isTrue();
    }

    @Test
    void instancesTheTeamsBindingDoesNotNameAreRefused() {
        SpecProblems bastion = check("payments", spec(DEFAULT_NET, FirewallChoice.create(null), "ops",
                new BackendTarget(BackendTarget.Kind.INSTANCE_NAMES, List.of("bastion-1"))), WizardStep.LOAD_BALANCER);
        assertThat(bastion.byField().get("targetValues")).isEqualTo("1 matching instance is not team payments's "
                + "(for example bastion-1); team payments may use the instances tag:payments-api, payments-*. "
                + "Narrow the tags or names.");

        SpecProblems own = check("payments", spec(PAYMENTS_NET, FirewallChoice.create(null), "api",
                new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("payments-api"))), WizardStep.LOAD_BALANCER);
        assertThat(own.has("targetValues")).isFalse();
    }

    @Test
    void systemNamespacesAreRefusedForEveryTeamBoundOrNot() {
        for (String namespace : List.of("kube-system", "kube-public", "kube-node-lease", "Kube-System")) {
            SpecProblems problems = SpecRules.check(kubernetes(namespace));
            assertThat(problems.byField().get("namespace")).as(namespace)
                    .startsWith("Namespace " + namespace + " belongs to Kubernetes itself");
        }
        assertThat(SpecRules.check(kubernetes("default")).has("namespace")).isFalse();
        assertThat(SpecRules.check(kubernetes("kubeflow")).has("namespace")).isFalse();
    }

    @Test
    void approversAreWarnedWhenAnUnboundTeamAsksForAnotherTeamsNetworkAndNamespace() {
        Network paymentsNet = civo.listNetworks(LON1).stream().filter(n -> n.id().equals(PAYMENTS_NET)).findFirst()
                .orElseThrow();
        KubernetesCluster prod = civo.listKubernetesClusters(LON1).getFirst();

        List<String> warnings = BINDINGS.warnings("marketing", kubernetes("payments"), Optional.of(paymentsNet),
                Optional.of(prod));

        assertThat(warnings).containsExactly(
                "Network payments-net is not bound to team marketing (it is bound to team payments).",
                "Kubernetes cluster prod-cluster is not bound to team marketing (it is bound to team payments).",
                "Namespace payments is not bound to team marketing (it is bound to team payments).",
                "Team marketing has no binding in portal.requests.team-bindings, so the portal did not refuse this; "
                        + "check that the team owns what it asks for.");
        assertThat(BINDINGS.warnings("payments", kubernetes("payments"), Optional.of(paymentsNet), Optional.of(prod)))
                .isEmpty();
    }

    @Test
    void wildcardsStandForAnyCharactersAndCaseDoesNotCount() {
        assertThat(TeamBindings.glob("payments-*", "Payments-Web")).isTrue();
        assertThat(TeamBindings.glob("payments-*", "payments")).isFalse();
        assertThat(TeamBindings.glob("*-net", "search-net")).isTrue();
        assertThat(TeamBindings.glob("pay.ments", "payXments")).isFalse();
    }
}
