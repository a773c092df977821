package dev.ilbportal.sandbox.civo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.civo.CivoConnection;
import dev.ilbportal.verification.Probe;
import dev.ilbportal.verification.Side;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The sandbox as its own process: vantage points over HTTP, a state file that survives a restart, its settings. */
class StandaloneSandboxTests {

    static final String PAYMENTS_NET = SeedWorld.networkId("LON1", "payments-net");

    @TempDir
    Path directory;

    private static JsonNode createInternalLoadBalancer(ApiCalls api, String name) {
        String firewallId = api.post("/v2/firewalls", "{\"name\":\"" + name + "-fw\",\"network_id\":\""
                + PAYMENTS_NET + "\",\"create_rules\":false}").json().get("id").asString();
        return api.post("/v2/loadbalancers", "{\"name\":\"" + name + "\",\"network_id\":\"" + PAYMENTS_NET
                + "\",\"firewall_id\":\"" + firewallId + "\",\"backends\":[{\"ip\":\"10.20.0.11\",\"protocol\":\"TCP\","
                + "\"source_port\":5432,\"target_port\":5432}]}").json();
    }

    @Test
    void portalInAnotherProcessProbesFromTheSandboxesInsideAndOutside() {
        try (CivoSimulator simulator = CivoSimulator.start(SimulatorSettings.forTests())) {
            JsonNode lb = createInternalLoadBalancer(new ApiCalls(simulator), "remote-probed");
            CivoConnection civo = new CivoConnection(simulator.baseUrl(), simulator.apiKey());
            String privateIp = lb.get("private_ip").asString();

            Probe inside = new RemoteSandboxVantage(civo, Side.INSIDE)
                    .probe(PAYMENTS_NET, privateIp, 5432, false, Duration.ofSeconds(2));
            Probe outside = new RemoteSandboxVantage(civo, Side.OUTSIDE)
                    .probe(PAYMENTS_NET, privateIp, 5432, false, Duration.ofSeconds(2));
            Probe wrongKey = new RemoteSandboxVantage(new CivoConnection(simulator.baseUrl(), "not-the-key"),
                    Side.INSIDE).probe(PAYMENTS_NET, privateIp, 5432, false, Duration.ofSeconds(2));

            assertThat(inside.reach()).isEqualTo(Probe.Reach.CONNECTED);
            assertThat(outside.reach()).isEqualTo(Probe.Reach.UNROUTABLE);
            assertThat(wrongKey.reach()).isEqualTo(Probe.Reach.ERROR);
            assertThat(wrongKey.detail()).contains("401");
        }
    }

    @Test
    void probeWithoutAnAddressIsACivoStyleBadRequest() {
        try (CivoSimulator simulator = CivoSimulator.start(SimulatorSettings.forTests())) {
            ApiCalls.Answer answer = new ApiCalls(simulator).post("/sandbox/probe", "{\"side\":\"outside\",\"port\":1}");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("code").asString()).isEqualTo("parameter_ip_missing");
        }
    }

    @Test
    void restartedSandboxWithAStateFileKeepsItsFirewallsAndLoadBalancers() {
        Path state = directory.resolve("civo-world.json");
        String lbId;
        String firewallId;
        String privateIp;
        try (CivoSimulator first = CivoSimulator.start(SimulatorSettings.forTests(),
                InetAddress.getLoopbackAddress(), state)) {
            JsonNode lb = createInternalLoadBalancer(new ApiCalls(first), "kept");
            lbId = lb.get("id").asString();
            firewallId = lb.get("firewall_id").asString();
            privateIp = lb.get("private_ip").asString();
        }
        try (CivoSimulator second = CivoSimulator.start(SimulatorSettings.forTests(),
                InetAddress.getLoopbackAddress(), state)) {
            ApiCalls api = new ApiCalls(second);

            assertThat(api.get("/v2/loadbalancers/" + lbId + "?region=LON1").json().get("firewall_id").asString())
                    .isEqualTo(firewallId);
            assertThat(api.get("/v2/firewalls/" + firewallId + "?region=LON1").status()).isEqualTo(200);
            assertThat(new RemoteSandboxVantage(new CivoConnection(second.baseUrl(), second.apiKey()), Side.INSIDE)
                    .probe(PAYMENTS_NET, privateIp, 5432, false, Duration.ofSeconds(2)).reach())
                    .as("the restored load balancer listens again").isEqualTo(Probe.Reach.CONNECTED);
        }
    }

    @Test
    void sandboxWithoutAStateFileStartsFromTheSeededWorldEachTime() {
        String lbId;
        try (CivoSimulator first = CivoSimulator.start(SimulatorSettings.forTests())) {
            lbId = createInternalLoadBalancer(new ApiCalls(first), "forgotten").get("id").asString();
        }
        try (CivoSimulator second = CivoSimulator.start(SimulatorSettings.forTests())) {
            assertThat(new ApiCalls(second).get("/v2/loadbalancers/" + lbId + "?region=LON1").status())
                    .isEqualTo(404);
        }
    }

    @Test
    void settingsComeFromTheEnvironmentAndABadValueNamesItsVariable() {
        StandaloneCivoSandbox.Options options = StandaloneCivoSandbox.Options.from(Map.of(
                "CIVO_SANDBOX_PORT", "0", "CIVO_SANDBOX_API_KEY", "k-123", "CIVO_SANDBOX_PROVISIONING_DELAY", "500ms",
                "CIVO_SANDBOX_LOADBALANCER_LIMIT", "30", "CIVO_SANDBOX_STATE_FILE", "/tmp/world.json"));

        assertThat(options.settings().apiKey()).isEqualTo("k-123");
        assertThat(options.settings().provisioningDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.settings().quota().loadBalancers()).isEqualTo(30);
        assertThat(options.stateFile()).isEqualTo(Path.of("/tmp/world.json"));
        assertThat(options.bind().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> StandaloneCivoSandbox.Options.from(Map.of("CIVO_SANDBOX_PORT", "eighty")))
                .hasMessageContaining("CIVO_SANDBOX_PORT");
        assertThatThrownBy(() -> StandaloneCivoSandbox.Options.from(Map.of("CIVO_SANDBOX_PROVISIONING_DELAY", "-1s")))
                .hasMessageContaining("CIVO_SANDBOX_PROVISIONING_DELAY");
    }
}
