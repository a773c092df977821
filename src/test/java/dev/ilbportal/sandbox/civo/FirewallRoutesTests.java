package dev.ilbportal.sandbox.civo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class FirewallRoutesTests {

    /** A fresh simulator for each test, closed after it. */
    @AutoClose
    final CivoSimulator simulator = CivoSimulator.start(SimulatorSettings.forTests());
    final ApiCalls api = new ApiCalls(simulator);

    private String createFirewall(String body) {
        ApiCalls.Answer answer = api.post("/v2/firewalls?region=LON1", body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get("id").asString();
    }

    private JsonNode rules(String firewallId) {
        return api.get("/v2/firewalls/" + firewallId + "/rules?region=LON1").json();
    }

    private JsonNode firewall(String id) {
        for (JsonNode firewall : api.get("/v2/firewalls?region=LON1").json()) {
            if (firewall.get("id").asString().equals(id)) {
                return firewall;
            }
        }
        throw new AssertionError("no firewall " + id);
    }

    @Test
    void firewallCreatedWithoutCreateRulesFalseGetsThreeAllowAllIngressRules() {
        ApiCalls.Answer answer = api.post("/v2/firewalls?region=LON1", "{\"name\":\"looks-internal\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("name").asString()).isEqualTo("looks-internal");
        assertThat(answer.json().get("result").asString()).isEqualTo("success");
        JsonNode rules = rules(answer.json().get("id").asString());
        assertThat(rules).hasSize(3);
        List<String> summary = new ArrayList<>();
        rules.forEach(rule -> summary.add(String.join("|", rule.get("protocol").asString(),
                rule.get("start_port").asString(), rule.get("end_port").asString(), rule.get("ports").asString(),
                rule.get("cidr").get(0).asString(), rule.get("direction").asString(), rule.get("action").asString(),
                rule.get("label").asString())));
        assertThat(summary).containsExactly(
                "tcp|1|65535|1-65535|0.0.0.0/0|ingress|allow|All TCP ports open",
                "udp|1|65535|1-65535|0.0.0.0/0|ingress|allow|All UDP ports open",
                "icmp||||0.0.0.0/0|ingress|allow|Ping/traceroute");
    }

    @Test
    void firewallCreatedWithCreateRulesTrueGetsTheDefaultRulesToo() {
        assertThat(rules(createFirewall("{\"name\":\"explicit-true\",\"create_rules\":true}"))).hasSize(3);
    }

    @Test
    void firewallCreatedWithCreateRulesFalseHasNoRules() {
        String id = createFirewall("{\"name\":\"payments-api-internal\",\"create_rules\":false,"
                + "\"network_id\":\"" + SeedWorld.networkId("LON1", "payments-net") + "\"}");

        assertThat(rules(id)).isEmpty();
        JsonNode firewall = firewall(id);
        assertThat(firewall.get("rules_count").asInt()).isZero();
        assertThat(firewall.get("network_id").asString()).isEqualTo(SeedWorld.networkId("LON1", "payments-net"));
    }

    @Test
    void firewallWithoutNetworkLandsInTheDefaultNetwork() {
        String id = createFirewall("{\"name\":\"no-network\",\"create_rules\":false}");

        assertThat(firewall(id).get("network_id").asString()).isEqualTo(SeedWorld.networkId("LON1", "default"));
    }

    @Test
    void firewallCreateHonoursItsRulesArray() {
        String id = createFirewall("{\"name\":\"with-rules\",\"create_rules\":false,\"rules\":["
                + "{\"protocol\":\"tcp\",\"ports\":\"5432\",\"cidr\":[\"10.20.0.0/24\"],\"direction\":\"ingress\","
                + "\"action\":\"allow\",\"label\":\"postgres\"},"
                + "{\"protocol\":\"tcp\",\"ports\":\"1-65535\",\"cidr\":[\"0.0.0.0/0\"],\"direction\":\"egress\"}]}");

        JsonNode rules = rules(id);
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).get("start_port").asString()).isEqualTo("5432");
        assertThat(rules.get(0).get("end_port").asString()).isEqualTo("5432");
        assertThat(rules.get(0).get("label").asString()).isEqualTo("postgres");
        assertThat(rules.get(1).get("direction").asString()).isEqualTo("egress");
        assertThat(firewall(id).get("rules").size()).isEqualTo(2);
        assertThat(firewall(id).get("rules_count").asInt()).isEqualTo(2);
    }

    @Test
    void duplicateFirewallNameIsRefusedWith409() {
        createFirewall("{\"name\":\"twice\",\"create_rules\":false}");

        ApiCalls.Answer again = api.post("/v2/firewalls?region=LON1", "{\"name\":\"twice\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("database_firewall_duplicate_name");
        assertThat(api.post("/v2/firewalls?region=FRA1", "{\"name\":\"twice\"}").status()).isEqualTo(200);
    }

    @Test
    void firewallInUnknownNetworkIsNotFound() {
        ApiCalls.Answer answer = api.post("/v2/firewalls?region=LON1",
                "{\"name\":\"lost\",\"network_id\":\"" + SeedWorld.networkId("FRA1", "payments-net") + "\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asString()).isEqualTo("database_network_not_found");
    }

    @Test
    void firewallIsRenamedWithPut() {
        String id = createFirewall("{\"name\":\"old-name\",\"create_rules\":false}");
        createFirewall("{\"name\":\"taken\",\"create_rules\":false}");

        ApiCalls.Answer renamed = api.put("/v2/firewalls/" + id,
                "{\"name\":\"new-name\",\"region\":\"LON1\",\"network_id\":\"\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("result").asString()).isEqualTo("success");
        assertThat(firewall(id).get("name").asString()).isEqualTo("new-name");

        assertThat(api.put("/v2/firewalls/" + id, "{\"name\":\"taken\"}").status()).isEqualTo(409);
        assertThat(api.put("/v2/firewalls/" + SeedWorld.id("nothing"), "{\"name\":\"x\"}").status())
                .isEqualTo(404);
    }

    @Test
    void firewallCanBeShownById() {
        String id = createFirewall("{\"name\":\"shown\",\"create_rules\":false}");

        JsonNode shown = api.get("/v2/firewalls/" + id).json();

        assertThat(shown.get("name").asString()).isEqualTo("shown");
        assertThat(shown.get("rules").isArray()).isTrue();
    }

    @Test
    void unusedFirewallIsDeleted() {
        String id = createFirewall("{\"name\":\"short-lived\",\"create_rules\":false}");

        assertThat(api.delete("/v2/firewalls/" + id).json().get("result").asString()).isEqualTo("success");

        ApiCalls.Answer gone = api.get("/v2/firewalls/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("code").asString()).isEqualTo("database_firewall_not_found");
        assertThat(api.delete("/v2/firewalls/" + id).status()).isEqualTo(404);
    }

    @Test
    void deletingFirewallInUseIsRefusedWith409() {
        String id = createFirewall("{\"name\":\"attached\",\"create_rules\":false}");
        String lb = api.post("/v2/loadbalancers?region=LON1", "{\"name\":\"uses-it\",\"firewall_id\":\"" + id
                + "\",\"backends\":[{\"ip\":\"192.168.1.10\",\"source_port\":80,\"target_port\":8080}]}")
                .json().get("id").asString();

        ApiCalls.Answer refused = api.delete("/v2/firewalls/" + id);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("database_firewall_inuse_by_loadbalancer");

        api.delete("/v2/loadbalancers/" + lb);
        assertThat(api.delete("/v2/firewalls/" + id).status()).isEqualTo(200);
    }

    @Test
    void deletingFirewallUsedByInstancesOrClusterIsRefusedWith409() {
        ApiCalls.Answer byInstance = api.delete("/v2/firewalls/"
                + SeedWorld.firewallId("LON1", "payments-net-default"));
        assertThat(byInstance.status()).isEqualTo(409);
        assertThat(byInstance.json().get("code").asString()).isEqualTo("database_firewall_inuse_by_instance");

        ApiCalls.Answer byCluster = api.delete("/v2/firewalls/"
                + SeedWorld.firewallId("LON1", "k3s-cluster-prod-cluster"));
        assertThat(byCluster.status()).isEqualTo(409);
        assertThat(byCluster.json().get("code").asString()).isEqualTo("database_firewall_inuse_by_cluster");
    }

    @Test
    void defaultFirewallOfANetworkCannotBeDeleted() {
        ApiCalls.Answer answer = api.delete("/v2/firewalls/" + SeedWorld.firewallId("NYC1", "Default (all open)")
                + "?region=NYC1");

        assertThat(answer.status()).isEqualTo(409);
    }

    @Test
    void firewallListCountsRulesInstancesClustersAndLoadBalancers() {
        JsonNode payments = firewall(SeedWorld.firewallId("LON1", "payments-net-default"));
        assertThat(payments.get("rules_count").asInt()).isEqualTo(3);
        assertThat(payments.get("instance_count").asInt()).isEqualTo(3);
        assertThat(payments.get("cluster_count").asInt()).isZero();
        assertThat(payments.get("loadbalancer_count").asInt()).isZero();
        JsonNode cluster = firewall(SeedWorld.firewallId("LON1", "k3s-cluster-prod-cluster"));
        assertThat(cluster.get("cluster_count").asInt()).isEqualTo(1);

        String id = createFirewall("{\"name\":\"counted\",\"create_rules\":false}");
        String backends = ",\"backends\":[{\"ip\":\"192.168.1.10\",\"source_port\":80,\"target_port\":80}]";
        api.post("/v2/loadbalancers", "{\"name\":\"one\",\"firewall_id\":\"" + id + "\"" + backends + "}");
        api.post("/v2/loadbalancers", "{\"name\":\"two\",\"firewall_id\":\"" + id + "\"" + backends + "}");
        api.post("/v2/firewalls/" + id + "/rules", "{\"protocol\":\"tcp\",\"start_port\":\"22\"}");

        JsonNode counted = firewall(id);
        assertThat(counted.get("loadbalancer_count").asInt()).isEqualTo(2);
        assertThat(counted.get("rules_count").asInt()).isEqualTo(1);
        assertThat(counted.get("rules").size()).isEqualTo(1);
    }

    @Test
    void ruleIsCreatedWithStringPortsAndReturned() {
        String id = createFirewall("{\"name\":\"rules\",\"create_rules\":false}");

        ApiCalls.Answer answer = api.post("/v2/firewalls/" + id + "/rules", "{\"firewall_id\":\"" + id
                + "\",\"region\":\"LON1\",\"protocol\":\"tcp\",\"start_port\":\"1\",\"end_port\":\"65535\","
                + "\"cidr\":[\"10.20.0.0/24\"],\"direction\":\"egress\",\"action\":\"allow\","
                + "\"label\":\"egress to payments-net\"}");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode rule = answer.json();
        assertThat(rule.get("id").asString()).isNotBlank();
        assertThat(rule.get("firewall_id").asString()).isEqualTo(id);
        assertThat(rule.get("start_port").isString()).isTrue();
        assertThat(rule.get("ports").asString()).isEqualTo("1-65535");
        assertThat(rule.get("cidr").get(0).asString()).isEqualTo("10.20.0.0/24");
        assertThat(rule.get("direction").asString()).isEqualTo("egress");
        assertThat(rules(id)).hasSize(1);
    }

    @Test
    void portsWinsOverStartAndEnd() {
        String id = createFirewall("{\"name\":\"ports-win\",\"create_rules\":false}");

        JsonNode rule = api.post("/v2/firewalls/" + id + "/rules",
                "{\"ports\":\"8000-8100\",\"start_port\":\"1\",\"end_port\":\"2\"}").json();

        assertThat(rule.get("start_port").asString()).isEqualTo("8000");
        assertThat(rule.get("end_port").asString()).isEqualTo("8100");
    }

    @Test
    void ruleEndPortDefaultsToStartPortAndDefaultsAreIngressAllowFromAnywhere() {
        String id = createFirewall("{\"name\":\"defaults\",\"create_rules\":false}");

        JsonNode rule = api.post("/v2/firewalls/" + id + "/rules", "{\"start_port\":\"443\"}").json();

        assertThat(rule.get("protocol").asString()).isEqualTo("tcp");
        assertThat(rule.get("end_port").asString()).isEqualTo("443");
        assertThat(rule.get("direction").asString()).isEqualTo("ingress");
        assertThat(rule.get("action").asString()).isEqualTo("allow");
        assertThat(rule.get("cidr").get(0).asString()).isEqualTo("0.0.0.0/0");
    }

    static Stream<Arguments> invalidRules() {
        return Stream.of(
                Arguments.of("{\"protocol\":\"sctp\",\"start_port\":\"1\"}", "parameter_protocol_invalid"),
                Arguments.of("{\"direction\":\"inbound\",\"start_port\":\"1\"}", "parameter_direction_invalid"),
                Arguments.of("{\"action\":\"reject\",\"start_port\":\"1\"}", "parameter_action_invalid"),
                Arguments.of("{\"protocol\":\"tcp\"}", "parameter_start_port_missing"),
                Arguments.of("{\"start_port\":\"0\"}", "database_firewall_rules_invalid_params"),
                Arguments.of("{\"start_port\":\"65536\"}", "database_firewall_rules_invalid_params"),
                Arguments.of("{\"start_port\":\"90\",\"end_port\":\"80\"}", "database_firewall_rules_invalid_params"),
                Arguments.of("{\"ports\":\"http\"}", "database_firewall_rules_invalid_params"),
                Arguments.of("{\"start_port\":\"22\",\"cidr\":[\"10.0.0.0/33\"]}",
                        "database_firewall_rules_invalid_params"),
                Arguments.of("{\"start_port\":\"22\",\"cidr\":[\"not-an-ip\"]}",
                        "database_firewall_rules_invalid_params"),
                Arguments.of("{\"start_port\":\"22\",\"cidr\":[7]}", "parameter_cidr_invalid"),
                Arguments.of("{\"start_port\":{}}", "parameter_start_port_invalid"));
    }

    @ParameterizedTest(name = "{0} is refused with {1}")
    @MethodSource("invalidRules")
    void invalidRuleIsRefusedWith400AndNotSaved(String body, String expectedCode) {
        String id = createFirewall("{\"name\":\"strict\",\"create_rules\":false}");

        assertThat(code(api.post("/v2/firewalls/" + id + "/rules", body))).isEqualTo(expectedCode);
        assertThat(rules(id)).isEmpty();
    }

    @Test
    void icmpRuleNeedsNoPorts() {
        String id = createFirewall("{\"name\":\"ping\",\"create_rules\":false}");

        ApiCalls.Answer answer = api.post("/v2/firewalls/" + id + "/rules", "{\"protocol\":\"icmp\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("ports").asString()).isEmpty();
    }

    @Test
    void ruleIsDeleted() {
        String id = createFirewall("{\"name\":\"deletes\",\"create_rules\":false}");
        String rule = api.post("/v2/firewalls/" + id + "/rules", "{\"start_port\":\"22\"}").json().get("id")
                .asString();

        assertThat(api.delete("/v2/firewalls/" + id + "/rules/" + rule).status()).isEqualTo(200);
        assertThat(rules(id)).isEmpty();
        assertThat(api.delete("/v2/firewalls/" + id + "/rules/" + rule).status()).isEqualTo(404);
    }

    @Test
    void rulesOfUnknownFirewallAreNotFound() {
        ApiCalls.Answer answer = api.get("/v2/firewalls/" + SeedWorld.id("missing") + "/rules");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asString()).isEqualTo("database_firewall_not_found");
    }

    private static String code(ApiCalls.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        return answer.json().get("code").asString();
    }
}
