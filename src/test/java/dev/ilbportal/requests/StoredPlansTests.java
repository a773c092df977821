package dev.ilbportal.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.civo.CivoJson;
import dev.ilbportal.requests.ProvisioningPlan.PlannedCall;
import dev.ilbportal.requests.ProvisioningPlan.Step;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import dev.ilbportal.requests.internal.PlanBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plans stored before the plan became a typed record (captured from that code under src/test/resources/plans) keep
 * their hash, read back through the typed plan, and give provisioning exactly what it read from them before.
 */
class StoredPlansTests {

    private static final List<PortMapping> PORTS = List.of(new PortMapping("tcp", 443, 8443, 8443, "/healthz"),
            new PortMapping("tcp", 80, 8080, null, null));

    /** The specs the stored samples were built from. */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("instance-tags-new-firewall", new LoadBalancerSpec("LON1", "net-payments",
                        "payments-api", "least_connections", FirewallChoice.create(""),
                        new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("payments-api")), PORTS,
                        AdvancedSettings.defaults(), "Internal API for the ledger")),
                Arguments.of("backend-ips-existing-firewall", new LoadBalancerSpec("LON1", "net-payments",
                        "ledger-db", "round_robin", FirewallChoice.existing("fw-123"),
                        new BackendTarget(BackendTarget.Kind.BACKEND_IPS, List.of("10.20.0.11", "10.20.0.12")),
                        PORTS, new AdvancedSettings("ClientIP", 300, "send-proxy", 5000, "30s", "90s"), "Ledger")),
                Arguments.of("kubernetes-service", new LoadBalancerSpec("LON1", "net-cluster", "payments-api",
                        "round_robin", FirewallChoice.create("pay-fw"),
                        BackendTarget.kubernetesService("cluster-1", "prod-cluster", "payments",
                                Map.of("app", "payments-api")),
                        List.of(new PortMapping("tcp", 443, 8443, null, null),
                                new PortMapping("udp", 9090, 9090, null, null)),
                        AdvancedSettings.defaults(), "Internal API")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"instance-tags-new-firewall", "backend-ips-existing-firewall", "kubernetes-service",
            "decommission"})
    void storedPlanReadsBackUnderItsApprovedHashAndWritesTheSameJson(String sample) throws IOException {
        String json = resource(sample + ".json");
        String hash = resource(sample + ".sha256");

        ProvisioningPlan plan = ProvisioningPlan.read(json, hash);

        assertThat(ProvisioningPlan.hashOf(json)).isEqualTo(hash);
        assertThat(plan.canonicalJson()).isEqualTo(json);
        assertThat(plan.hash()).isEqualTo(hash);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void todaysBuilderWritesTheStoredPlanForTheSameSpec(String sample, LoadBalancerSpec spec) throws IOException {
        assertThat(PlanBuilder.planFor(spec).canonicalJson()).isEqualTo(resource(sample + ".json"));
        assertThat(PlanBuilder.planFor(spec).hash()).isEqualTo(resource(sample + ".sha256"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"instance-tags-new-firewall", "backend-ips-existing-firewall", "kubernetes-service"})
    void storedPlanGivesProvisioningWhatItGaveBefore(String sample) throws IOException {
        ProvisioningPlan plan = ProvisioningPlan.read(resource(sample + ".json"), resource(sample + ".sha256"));
        Properties before = new Properties();
        before.load(new StringReader(resource(sample + ".execution.properties")));

        assertThat(plan.region()).isEqualTo(before.getProperty("region"));
        assertThat(plan.networkId()).isEqualTo(before.getProperty("networkId"));
        assertThat(String.valueOf(plan.newFirewallName())).isEqualTo(before.getProperty("newFirewallName"));
        assertThat(String.valueOf(plan.existingFirewallId())).isEqualTo(before.getProperty("existingFirewallId"));
        assertThat(plan.loadBalancerName()).isEqualTo(before.getProperty("loadBalancerName"));
        assertThat(String.valueOf(plan.isKubernetes())).isEqualTo(before.getProperty("kubernetes"));
        assertThat(String.join(",", plan.listeningPorts())).isEqualTo(before.getProperty("listeningPorts"));
        assertThat(plan.firewallCreate().map(body -> CivoJson.mapper().writeValueAsString(body)).orElse("none"))
                .isEqualTo(before.getProperty("firewallCreate"));
        assertThat(plan.isKubernetes() ? "none"
                : CivoJson.mapper().writeValueAsString(plan.loadBalancerCreate("fw-approved")))
                .isEqualTo(before.getProperty("loadBalancerCreate"));
        assertThat(plan.isKubernetes() ? plan.serviceManifest("fw-approved").toYaml() : "none")
                .isEqualTo(before.getProperty("serviceManifest"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void thePathPrefixOfCivosVpcApiAppliesToThePlanAndItStillReadsBack(String sample, LoadBalancerSpec spec)
            throws IOException {
        ProvisioningPlan classic = ProvisioningPlan.read(resource(sample + ".json"), resource(sample + ".sha256"));
        ProvisioningPlan vpc = PlanBuilder.planFor(spec, "/v2/vpc");

        assertThat(vpc.calls()).filteredOn(call -> !call.path().startsWith("k8s:"))
                .extracting(PlannedCall::path).allMatch(path -> path.startsWith("/v2/vpc/"));
        ProvisioningPlan readBack = ProvisioningPlan.read(vpc.canonicalJson(), vpc.hash());
        assertThat(readBack.loadBalancerName()).isEqualTo(classic.loadBalancerName());
        assertThat(readBack.listeningPorts()).isEqualTo(classic.listeningPorts());
        assertThat(readBack.calls()).extracting(PlannedCall::step)
                .isEqualTo(classic.calls().stream().map(PlannedCall::step).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"instance-tags-new-firewall", "kubernetes-service"})
    void aPlanThatNoLongerMatchesItsApprovedHashIsRefused(String sample) throws IOException {
        String tampered = resource(sample + ".json").replace("\"LON1\"", "\"NYC1\"");

        assertThatThrownBy(() -> ProvisioningPlan.read(tampered, resource(sample + ".sha256")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("approved hash");
        assertThat(Step.ofKey("create-firewall")).isEqualTo(Step.CREATE_FIREWALL);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StoredPlansTests.class.getResourceAsStream("/plans/" + name)) {
            assertThat(in).as("test resource plans/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
