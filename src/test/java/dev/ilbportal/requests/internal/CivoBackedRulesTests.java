package dev.ilbportal.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.ilbportal.civo.CivoApiException;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.CivoLookupCache;
import dev.ilbportal.civo.CivoConnection;
import dev.ilbportal.civo.CivoProperties;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.HealthCheck;
import dev.ilbportal.civo.model.InstancePool;
import dev.ilbportal.civo.model.LoadBalancerCreateRequest;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import dev.ilbportal.sandbox.civo.CivoSimulator;
import dev.ilbportal.sandbox.civo.Fault;
import dev.ilbportal.sandbox.civo.QuotaLimits;
import dev.ilbportal.sandbox.civo.SeedWorld;
import dev.ilbportal.sandbox.civo.SimulatorSettings;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Civo-backed rules against the real sandbox simulator, over HTTP, with the portal's own Civo client. */
class CivoBackedRulesTests {

    static final String LON1 = "LON1";
    static final String PAYMENTS_NET = SeedWorld.networkId(LON1, "payments-net");

    static CivoSimulator simulator;
    static CivoClient civo;

    static final TeamBindings NO_BINDINGS = new TeamBindings(new RequestsProperties(1, Duration.ofDays(7),
            Duration.ofMinutes(5), false, Duration.ofDays(365), RequestsProperties.AutoDecommissionApproval.BY_POLICY));

    LoadBalancerRequests requests = mock(LoadBalancerRequests.class);
    CivoBackedRules rules;

    @BeforeAll
    static void startSimulator() {
        simulator = CivoSimulator.start(SimulatorSettings.forTests());
        civo = clientFor(simulator);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    static CivoClient clientFor(CivoSimulator sim) {
        CivoProperties properties = CivoProperties.defaults(sim.baseUrl(), sim.apiKey())
                .withRateLimit(new CivoProperties.RateLimit(100, 100))
                .withRetry(new CivoProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10),
                        Duration.ofSeconds(1)));
        return new CivoClient(new CivoConnection(sim.baseUrl(), sim.apiKey()), properties);
    }

    /** Every look-up asks the simulator, so each test sees the world as it left it. */
    static CivoLookupCache uncached(CivoClient client) {
        return new CivoLookupCache(client, Duration.ZERO, java.time.Clock.systemUTC());
    }

    CivoBackedRules rules() {
        if (rules == null) {
            rules = new CivoBackedRules(civo, uncached(civo), requests, NO_BINDINGS);
        }
        return rules;
    }

    static LoadBalancerSpec spec(String networkId, FirewallChoice firewall, String name, BackendTarget target) {
        return new LoadBalancerSpec(LON1, networkId, name, "round_robin", firewall, target,
                List.of(new PortMapping("HTTP", 443, 8443, null, "/healthz")), AdvancedSettings.defaults(), null);
    }

    static LoadBalancerSpec withFirewall(FirewallChoice firewall) {
        return spec(PAYMENTS_NET, firewall, "payments-api", null);
    }

    static LoadBalancerSpec withTarget(BackendTarget.Kind kind, String... values) {
        return spec(PAYMENTS_NET, FirewallChoice.create(null), "payments-api", new BackendTarget(kind, List.of(values)));
    }

    SpecProblems checkStep(LoadBalancerSpec spec, WizardStep step) {
        return rules().check(spec, UUID.randomUUID(), step.fields());
    }

    @Test
    void acceptsSeededNetworkAndNewFirewallWithFreeName() {
        assertThat(checkStep(withFirewall(FirewallChoice.create("payments-api-internal")), WizardStep.NETWORK)
                .isEmpty()).isTrue();
    }

    @Test
    void refusesNetworkThatDoesNotExistInTheRegion() {
        SpecProblems problems = checkStep(spec(SeedWorld.networkId("FRA1", "payments-net"),
                FirewallChoice.create(null), null, null), WizardStep.NETWORK);

        assertThat(problems.byField().get("networkId")).contains("does not exist in LON1");
    }

    @Test
    void refusesNewFirewallNameThatAnExistingCivoFirewallUses() {
        SpecProblems problems = checkStep(withFirewall(FirewallChoice.create("payments-net-default")),
                WizardStep.NETWORK);

        assertThat(problems.byField().get("firewallName"))
                .isEqualTo("A firewall named payments-net-default already exists in Civo; firewall names are unique "
                        + "in the account. Type another name.");
    }

    @Test
    void refusesDefaultFirewallNameWhenCivoAlreadyHasIt() {
        civo.createFirewall(FirewallCreateRequest.withoutRules("taken-lb-internal", LON1, PAYMENTS_NET));

        SpecProblems problems = rules().check(spec(PAYMENTS_NET, FirewallChoice.create(null), "taken-lb", null),
                null, WizardStep.LOAD_BALANCER.fields());

        assertThat(problems.byField().get("firewallName")).contains("taken-lb-internal already exists");
    }

    @Test
    void refusesExistingFirewallWithInboundRulesAndSaysHowManyAndWhy() {
        SpecProblems problems = checkStep(withFirewall(FirewallChoice.existing(
                SeedWorld.firewallId(LON1, "payments-net-default"))), WizardStep.NETWORK);

        assertThat(problems.byField().get("firewallId"))
                .contains("payments-net-default has 3 inbound (ingress) rules")
                .contains("the load balancer would be public");
    }

    @Test
    void refusesExistingFirewallOfAnotherNetwork() {
        String id = civo.createFirewall(FirewallCreateRequest.withoutRules("search-quiet", LON1,
                SeedWorld.networkId(LON1, "search-net"))).id();

        SpecProblems problems = checkStep(withFirewall(FirewallChoice.existing(id)), WizardStep.NETWORK);

        assertThat(problems.byField().get("firewallId")).contains("belongs to another network");
    }

    @Test
    void refusesExistingFirewallThatNoLongerExists() {
        SpecProblems problems = checkStep(withFirewall(FirewallChoice.existing(UUID.randomUUID().toString())),
                WizardStep.NETWORK);

        assertThat(problems.byField().get("firewallId")).contains("does not exist in LON1");
    }

    @Test
    void acceptsExistingFirewallWithoutInboundRulesInTheNetwork() {
        String id = civo.createFirewall(FirewallCreateRequest.withoutRules("payments-quiet", LON1, PAYMENTS_NET)).id();

        assertThat(checkStep(withFirewall(FirewallChoice.existing(id)), WizardStep.NETWORK).isEmpty()).isTrue();
    }

    @Test
    void acceptsTagPoolWhoseInstancesAreAllInTheNetwork() {
        assertThat(checkStep(withTarget(BackendTarget.Kind.INSTANCE_TAGS, "payments-api"), WizardStep.LOAD_BALANCER)
                .isEmpty()).isTrue();
        assertThat(rules().matchingInstances(LON1, PAYMENTS_NET,
                new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("payments-api"))))
                .extracting(InstanceMatch::name).containsExactlyInAnyOrder("payments-1", "payments-2", "payments-3");
    }

    @Test
    void refusesTagThatNoInstanceHas() {
        SpecProblems problems = checkStep(withTarget(BackendTarget.Kind.INSTANCE_TAGS, "nobody-has-this"),
                WizardStep.LOAD_BALANCER);

        assertThat(problems.byField().get("targetValues")).isEqualTo("No instance in LON1 has the tag nobody-has-this.");
    }

    @Test
    void refusesPoolThatReachesInstancesOutsideTheNetwork() {
        SpecProblems problems = checkStep(withTarget(BackendTarget.Kind.INSTANCE_TAGS, "prod"),
                WizardStep.LOAD_BALANCER);

        assertThat(problems.byField().get("targetValues"))
                .startsWith("2 matching instances are outside network payments-net")
                .contains("search-");
        assertThat(rules().matchingInstances(LON1, PAYMENTS_NET,
                new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("prod"))))
                .filteredOn(match -> !match.inNetwork()).extracting(InstanceMatch::network).containsOnly("search-net");
    }

    @Test
    void acceptsInstanceNamesInTheNetworkAndRefusesUnknownNames() {
        assertThat(checkStep(withTarget(BackendTarget.Kind.INSTANCE_NAMES, "payments-1", "payments-2"),
                WizardStep.LOAD_BALANCER).isEmpty()).isTrue();

        assertThat(checkStep(withTarget(BackendTarget.Kind.INSTANCE_NAMES, "payments-9"), WizardStep.LOAD_BALANCER)
                .byField().get("targetValues")).isEqualTo("No instance in LON1 is named payments-9.");
    }

    @Test
    void refusesBackendIpOutsideTheNetworkCidr() {
        assertThat(checkStep(withTarget(BackendTarget.Kind.BACKEND_IPS, "10.20.0.11", "10.20.0.12"),
                WizardStep.LOAD_BALANCER).isEmpty()).isTrue();

        assertThat(checkStep(withTarget(BackendTarget.Kind.BACKEND_IPS, "10.20.0.11", "10.30.0.11"),
                WizardStep.LOAD_BALANCER).byField().get("targetValues"))
                .isEqualTo("10.30.0.11 is outside network payments-net (10.20.0.0/24); backends must be private "
                        + "addresses of the load balancer's network.");
    }

    @Test
    void refusesNameOfAnExistingCivoLoadBalancerInTheRegion() {
        String firewall = civo.createFirewall(FirewallCreateRequest.withoutRules("existing-lb-fw", LON1,
                PAYMENTS_NET)).id();
        civo.createLoadBalancer(new LoadBalancerCreateRequest(LON1, "existing-lb", null, PAYMENTS_NET, "round_robin",
                firewall, null, null, List.of(new InstancePool(List.of("payments-api"), List.of(), "HTTP", 80, 8080,
                new HealthCheck(8080, "/"))), null, null, null, null, null, null, null));

        SpecProblems problems = checkStep(spec(PAYMENTS_NET, FirewallChoice.create("other-fw"), "existing-lb", null),
                WizardStep.LOAD_BALANCER);

        assertThat(problems.byField().get("name"))
                .isEqualTo("A Civo load balancer named existing-lb already exists in LON1; choose another name.");
    }

    @Test
    void refusesNameThatAnotherOpenRequestAsksFor() {
        UUID self = UUID.randomUUID();
        when(requests.existsOpenWithName(eq(LON1), eq("payments-api"), eq(self))).thenReturn(true);

        SpecProblems problems = rules().check(withFirewall(FirewallChoice.create(null)), self,
                WizardStep.LOAD_BALANCER.fields());

        assertThat(problems.byField().get("name")).isEqualTo("Another open request already asks for a load "
                + "balancer named payments-api in LON1; choose another name.");
    }

    @Test
    void refusesWhenTheAccountHasNoLoadBalancerOrFirewallQuotaLeft() {
        try (CivoSimulator full = CivoSimulator.start(SimulatorSettings.forTests()
                .withQuota(new QuotaLimits(0, 10, 400, 20, 20)))) {
            CivoClient client = clientFor(full);
            CivoBackedRules tight = new CivoBackedRules(client, uncached(client), requests, NO_BINDINGS);

            SpecProblems problems = tight.check(withFirewall(FirewallChoice.create(null)), null,
                    WizardStep.REVIEW.fields());

            assertThat(problems.byField().get("loadBalancerQuota"))
                    .isEqualTo("The Civo account already uses 0 of its 0 load balancers, so another cannot be "
                            + "created. Ask for a higher quota, or decommission one first.");
            assertThat(problems.byField().get("firewallQuota")).contains("of its 10 firewalls");
        }
    }

    @Test
    void civoFailureIsThrownAndNeverCountsAsAPass() {
        simulator.faults().inject(Fault.error(500, "internal_error", "Civo is down").on("GET", "/v2/firewalls*"));

        assertThatThrownBy(() -> checkStep(withFirewall(FirewallChoice.create("payments-api-internal")),
                WizardStep.NETWORK)).isInstanceOf(CivoApiException.class);
    }

    @Test
    void staticRulesOutsideTheStepAreNotAskedOfCivo() {
        simulator.faults().inject(Fault.error(500, "internal_error", "Civo is down").on("GET", "/v2/loadbalancers*"));

        assertThat(checkStep(withFirewall(FirewallChoice.create("payments-api-internal")), WizardStep.NETWORK)
                .isEmpty()).isTrue();
    }

    @Test
    void kubernetesClusterMustLiveInTheChosenNetwork() {
        BackendTarget service = BackendTarget.kubernetesService(SeedWorld.clusterId(LON1, "prod-cluster"),
                "prod-cluster", "shop", java.util.Map.of("app", "web"));

        SpecProblems elsewhere = checkStep(spec(PAYMENTS_NET, FirewallChoice.create(null), "web", service),
                WizardStep.LOAD_BALANCER);
        assertThat(elsewhere.byField().get("targetValues")).contains("prod-cluster").contains("another network");

        SpecProblems home = checkStep(spec(SeedWorld.networkId(LON1, "default"), FirewallChoice.create(null), "web",
                service), WizardStep.LOAD_BALANCER);
        assertThat(home.has("targetValues")).isFalse();
    }

    @Test
    void unknownKubernetesClusterIsRefused() {
        BackendTarget service = BackendTarget.kubernetesService("no-such-cluster", "ghost", "shop",
                java.util.Map.of("app", "web"));

        SpecProblems problems = checkStep(spec(SeedWorld.networkId(LON1, "default"), FirewallChoice.create(null), "web",
                service), WizardStep.LOAD_BALANCER);
        assertThat(problems.byField().get("targetValues")).contains("no-such-cluster");
    }
}
