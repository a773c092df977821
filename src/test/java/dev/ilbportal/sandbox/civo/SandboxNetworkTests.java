package dev.ilbportal.sandbox.civo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SandboxNetworkTests {

    static final String PAYMENTS_NET = SeedWorld.networkId("LON1", "payments-net");
    static final String SEARCH_NET = SeedWorld.networkId("LON1", "search-net");

    CivoSimulator simulator;
    ApiCalls api;
    SandboxNetwork network;
    String firewallId;
    JsonNode lb;

    @BeforeEach
    void startWithInternalLoadBalancer() {
        start(SimulatorSettings.forTests());
        firewallId = api.post("/v2/firewalls", "{\"name\":\"payments-db-internal\",\"network_id\":\"" + PAYMENTS_NET
                + "\",\"create_rules\":false}").json().get("id").asString();
        lb = api.post("/v2/loadbalancers", "{\"name\":\"payments-db\",\"network_id\":\"" + PAYMENTS_NET
                + "\",\"firewall_id\":\"" + firewallId + "\",\"backends\":["
                + "{\"ip\":\"10.20.0.11\",\"protocol\":\"TCP\",\"source_port\":5432,\"target_port\":5432},"
                + "{\"ip\":\"10.20.0.11\",\"protocol\":\"HTTP\",\"source_port\":80,\"target_port\":8080}]}").json();
    }

    void start(SimulatorSettings settings) {
        simulator = CivoSimulator.start(settings);
        api = new ApiCalls(simulator);
        network = simulator.network();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    String privateIp() {
        return lb.get("private_ip").asString();
    }

    String publicIp() {
        return lb.get("public_ip").asString();
    }

    static boolean connects(Optional<InetSocketAddress> address) {
        if (address.isEmpty()) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(address.get(), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void privateEndpointConnectsFromInsideTheSameNetwork() {
        Optional<InetSocketAddress> address = network.resolve(VantagePoint.inside(PAYMENTS_NET), privateIp(), 5432);

        assertThat(address).isPresent();
        assertThat(address.get().getAddress().isLoopbackAddress()).isTrue();
        assertThat(connects(address)).isTrue();
    }

    @Test
    void privateEndpointAnswersHttpWithOk() throws IOException {
        InetSocketAddress address = network.resolve(VantagePoint.inside(PAYMENTS_NET), privateIp(), 80).orElseThrow();

        try (Socket socket = new Socket()) {
            socket.connect(address, 2_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: lb\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 200 OK").endsWith("ok\n");
        }
    }

    @Test
    void privateAddressIsUnroutableFromOutsideAndFromOtherNetworks() {
        assertThat(network.resolve(VantagePoint.outside(), privateIp(), 5432)).isEmpty();
        assertThat(network.resolve(VantagePoint.inside(SEARCH_NET), privateIp(), 5432)).isEmpty();
        assertThat(network.resolve(VantagePoint.inside(PAYMENTS_NET), privateIp(), 6379)).isEmpty();
        assertThat(network.resolve(VantagePoint.outside(), "203.0.113.9", 5432)).isEmpty();
    }

    @Test
    void publicEndpointRefusesFromOutsideWithZeroIngressRules() {
        Optional<InetSocketAddress> address = network.resolve(VantagePoint.outside(), publicIp(), 5432);

        assertThat(address).isPresent();
        assertThat(connects(address)).isFalse();
        assertThat(connects(network.resolve(VantagePoint.inside(PAYMENTS_NET), publicIp(), 5432))).isFalse();
        assertThat(network.isPubliclyOpen(lb.get("id").asString(), 5432)).isFalse();
    }

    @Test
    void ingressRuleAddedThroughTheApiOpensThePublicEndpointAndDeletingItClosesItAgain() {
        ApiCalls.Answer rule = api.post("/v2/firewalls/" + firewallId + "/rules",
                "{\"protocol\":\"tcp\",\"start_port\":\"5000\",\"end_port\":\"6000\",\"cidr\":[\"0.0.0.0/0\"],"
                        + "\"direction\":\"ingress\",\"action\":\"allow\"}");
        assertThat(rule.status()).isEqualTo(200);

        assertThat(connects(network.resolve(VantagePoint.outside(), publicIp(), 5432))).isTrue();
        assertThat(connects(network.resolve(VantagePoint.outside(), publicIp(), 80))).isFalse();

        api.delete("/v2/firewalls/" + firewallId + "/rules/" + rule.json().get("id").asString());

        assertThat(connects(network.resolve(VantagePoint.outside(), publicIp(), 5432))).isFalse();
        assertThat(connects(network.resolve(VantagePoint.inside(PAYMENTS_NET), privateIp(), 5432))).isTrue();
    }

    @Test
    void publicEndpointReopensOnTheSameAddressWhenARuleComesBack() {
        InetSocketAddress closed = network.resolve(VantagePoint.outside(), publicIp(), 5432).orElseThrow();
        String rules = "/v2/firewalls/" + firewallId + "/rules";
        String first = api.post(rules, "{\"ports\":\"5432\"}").json().get("id").asString();
        api.delete(rules + "/" + first);

        api.post(rules, "{\"ports\":\"5432\"}");

        assertThat(network.resolve(VantagePoint.outside(), publicIp(), 5432)).contains(closed);
        assertThat(connects(Optional.of(closed))).isTrue();
        assertThat(connects(network.resolve(VantagePoint.inside(PAYMENTS_NET), publicIp(), 5432))).isTrue();
        assertThat(network.isPubliclyOpen(lb.get("id").asString(), 5432)).isTrue();
    }

    @Test
    void rulesThatDoNotAdmitTheInternetKeepThePublicEndpointClosed() {
        String rules = "/v2/firewalls/" + firewallId + "/rules";
        api.post(rules, "{\"ports\":\"5432\",\"cidr\":[\"10.20.0.0/24\"]}");
        api.post(rules, "{\"ports\":\"5432\",\"direction\":\"egress\"}");
        api.post(rules, "{\"protocol\":\"udp\",\"ports\":\"5432\"}");
        api.post(rules, "{\"protocol\":\"icmp\"}");

        assertThat(connects(network.resolve(VantagePoint.outside(), publicIp(), 5432))).isFalse();
    }

    @Test
    void denyRuleWinsOverAllowRule() {
        String rules = "/v2/firewalls/" + firewallId + "/rules";
        api.post(rules, "{\"ports\":\"1-65535\"}");
        assertThat(connects(network.resolve(VantagePoint.outside(), publicIp(), 5432))).isTrue();

        api.post(rules, "{\"ports\":\"5432\",\"action\":\"deny\"}");

        assertThat(connects(network.resolve(VantagePoint.outside(), publicIp(), 5432))).isFalse();
        assertThat(connects(network.resolve(VantagePoint.outside(), publicIp(), 80))).isTrue();
    }

    @Test
    void loadBalancerWithItsOwnFirewallIsReachableFromOutside() {
        JsonNode open = api.post("/v2/loadbalancers", "{\"name\":\"wide-open\",\"network_id\":\"" + PAYMENTS_NET
                + "\",\"backends\":[{\"ip\":\"10.20.0.12\",\"source_port\":443,\"target_port\":8443}]}").json();

        assertThat(connects(network.resolve(VantagePoint.outside(), open.get("public_ip").asString(), 443))).isTrue();
    }

    @Test
    void swappingToAnOpenFirewallOpensThePublicEndpoint() {
        String openFirewall = api.post("/v2/firewalls", "{\"name\":\"open\",\"network_id\":\"" + PAYMENTS_NET
                + "\"}").json().get("id").asString();

        api.put("/v2/loadbalancers/" + lb.get("id").asString(), "{\"firewall_id\":\"" + openFirewall + "\"}");

        assertThat(connects(network.resolve(VantagePoint.outside(), publicIp(), 5432))).isTrue();
    }

    @Test
    void deletingTheLoadBalancerLeavesNoRouteToIt() {
        // Every private endpoint shares one loopback socket, so the route, not the socket, is what disappears.
        assertThat(network.resolve(VantagePoint.inside(PAYMENTS_NET), privateIp(), 5432)).isPresent();

        api.delete("/v2/loadbalancers/" + lb.get("id").asString());

        assertThat(network.resolve(VantagePoint.inside(PAYMENTS_NET), privateIp(), 5432)).isEmpty();
        assertThat(network.resolve(VantagePoint.outside(), publicIp(), 5432)).isEmpty();
    }

    @Test
    void stoppingTheSimulatorClosesTheSockets() {
        InetSocketAddress inside = network.resolve(VantagePoint.inside(PAYMENTS_NET), privateIp(), 5432)
                .orElseThrow();

        simulator.close();

        assertThat(connects(Optional.of(inside))).isFalse();
    }

    @Test
    void pendingLoadBalancerHasNoEndpointsYet() {
        simulator.close();
        start(SimulatorSettings.forTests().withProvisioningDelay(Duration.ofMinutes(5)));

        JsonNode pending = api.post("/v2/loadbalancers", "{\"name\":\"later\",\"backends\":["
                + "{\"ip\":\"192.168.1.10\",\"source_port\":80,\"target_port\":80}]}").json();

        assertThat(pending.get("state").asString()).isEqualTo("pending");
        assertThat(network.resolve(VantagePoint.inside(SeedWorld.networkId("LON1", "default")), "192.168.1.2", 80))
                .isEmpty();
    }
}
