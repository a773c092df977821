package dev.ilbportal.sandbox.civo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LoadBalancerRoutesTests extends StartsItsOwnSimulator {

    static final String PAYMENTS_NET = SeedWorld.networkId("LON1", "payments-net");
    static final String SEARCH_NET = SeedWorld.networkId("LON1", "search-net");
    static final String POOL = "\"instance_pools\":[{\"tags\":[\"payments-api\"],\"names\":null,\"protocol\":\"TCP\","
            + "\"source_port\":443,\"target_port\":8443,\"health_check\":{\"port\":8443,\"path\":\"/healthz\"}}]";

    String internalFirewall(String name, String networkId) {
        return api.post("/v2/firewalls?region=LON1", "{\"name\":\"" + name + "\",\"network_id\":\"" + networkId
                + "\",\"create_rules\":false}").json().get("id").asString();
    }

    ApiCalls.Answer createInPayments(String name, String firewallId) {
        return api.post("/v2/loadbalancers?region=LON1", "{\"region\":\"LON1\",\"name\":\"" + name
                + "\",\"network_id\":\"" + PAYMENTS_NET + "\",\"firewall_id\":\"" + firewallId + "\"," + POOL + "}");
    }

    @Test
    void loadBalancerWithoutFirewallIdGetsItsOwnOpenFirewall() {
        start();

        ApiCalls.Answer answer = api.post("/v2/loadbalancers?region=LON1",
                "{\"name\":\"forgot-firewall\",\"network_id\":\"" + PAYMENTS_NET + "\"," + POOL + "}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode lb = answer.json();
        String firewallId = lb.get("firewall_id").asString();
        assertThat(firewallId).isNotBlank();
        JsonNode firewall = api.get("/v2/firewalls/" + firewallId).json();
        assertThat(firewall.get("name").asString())
                .isEqualTo("forgot-firewall-fw-" + lb.get("id").asString().substring(0, 8));
        assertThat(firewall.get("network_id").asString()).isEqualTo(PAYMENTS_NET);
        assertThat(firewall.get("loadbalancer_count").asInt()).isEqualTo(1);
        assertThat(firewall.get("rules")).hasSize(3);
        firewall.get("rules").forEach(rule -> {
            assertThat(rule.get("direction").asString()).isEqualTo("ingress");
            assertThat(rule.get("cidr").get(0).asString()).isEqualTo("0.0.0.0/0");
        });
    }

    @Test
    void loadBalancerWithInternalFirewallKeepsIt() {
        start();
        String firewallId = internalFirewall("payments-api-internal", PAYMENTS_NET);

        JsonNode lb = createInPayments("payments-api-internal", firewallId).json();

        assertThat(lb.get("firewall_id").asString()).isEqualTo(firewallId);
        assertThat(api.get("/v2/firewalls/" + firewallId + "/rules").json()).isEmpty();
    }

    @Test
    void loadBalancerAcceptsFirewallNameInPlaceOfId() {
        start();
        String firewallId = internalFirewall("by-name-fw", PAYMENTS_NET);

        JsonNode lb = createInPayments("by-name", "by-name-fw").json();

        assertThat(lb.get("firewall_id").asString()).isEqualTo(firewallId);
    }

    @Test
    void loadBalancerWithUnknownFirewallIsNotFound() {
        start();

        ApiCalls.Answer answer = createInPayments("lost", SeedWorld.id("no-such-firewall"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asString()).isEqualTo("database_firewall_not_found");
        assertThat(api.get("/v2/loadbalancers").json()).isEmpty();
    }

    @Test
    void loadBalancerWithFirewallOfAnotherNetworkIsRefused() {
        start();
        String searchFirewall = internalFirewall("search-only", SEARCH_NET);

        ApiCalls.Answer answer = createInPayments("mismatch", searchFirewall);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("code").asString()).isEqualTo("database_firewall_mismatch");
    }

    @Test
    void loadBalancerInUnknownNetworkIsNotFound() {
        start();

        ApiCalls.Answer answer = api.post("/v2/loadbalancers",
                "{\"name\":\"nowhere\",\"network_id\":\"" + SeedWorld.id("nope") + "\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asString()).isEqualTo("database_network_not_found");
    }

    @Test
    void loadBalancerGetsCivoDefaults() {
        start();

        JsonNode lb = api.post("/v2/loadbalancers", "{\"name\":\"defaults\"," + POOL + "}").json();

        assertThat(lb.get("algorithm").asString()).isEqualTo("round_robin");
        assertThat(lb.get("external_traffic_policy").asString()).isEqualTo("Cluster");
        assertThat(lb.get("max_concurrent_requests").asInt()).isEqualTo(10000);
        assertThat(lb.get("options").get("server_timeout").asString()).isEqualTo("60s");
        assertThat(lb.get("options").get("client_timeout").asString()).isEqualTo("60s");
        assertThat(lb.get("network_id").asString()).isEqualTo(SeedWorld.networkId("LON1", "default"));
        JsonNode pool = lb.get("instance_pools").get(0);
        assertThat(pool.get("tags").get(0).asString()).isEqualTo("payments-api");
        assertThat(pool.get("source_port").asInt()).isEqualTo(443);
        assertThat(pool.get("health_check").get("path").asString()).isEqualTo("/healthz");
    }

    @Test
    void loadBalancerWithZeroDelayIsAvailableAtOnceWithAddresses() {
        start();
        String firewallId = internalFirewall("fw", PAYMENTS_NET);

        JsonNode lb = createInPayments("instant", firewallId).json();

        assertThat(lb.get("state").asString()).isEqualTo("available");
        assertThat(Ipv4Cidr.parse("10.20.0.0/24").contains(lb.get("private_ip").asString())).isTrue();
        assertThat(lb.get("private_ip").asString()).isEqualTo("10.20.0.2");
        assertThat(lb.get("public_ip").asString()).startsWith("74.220.16.");
    }

    @Test
    void loadBalancerIsPendingWithoutAddressesUntilTheDelayPasses() throws InterruptedException {
        start(SimulatorSettings.forTests().withProvisioningDelay(Duration.ofMillis(400)));
        String firewallId = internalFirewall("fw", PAYMENTS_NET);

        JsonNode created = createInPayments("slow", firewallId).json();
        String id = created.get("id").asString();

        assertThat(created.get("state").asString()).isEqualTo("pending");
        assertThat(created.get("private_ip").asString()).isEmpty();
        assertThat(created.get("public_ip").asString()).isEmpty();
        assertThat(api.get("/v2/loadbalancers/" + id).json().get("state").asString()).isEqualTo("pending");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonNode shown = api.get("/v2/loadbalancers/" + id).json();
        while (!shown.get("state").asString().equals("available") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            shown = api.get("/v2/loadbalancers/" + id).json();
        }
        assertThat(shown.get("state").asString()).isEqualTo("available");
        assertThat(shown.get("private_ip").asString()).startsWith("10.20.0.");
        assertThat(shown.get("public_ip").asString()).startsWith("74.220.16.");
    }

    @Test
    void changingMaxConcurrentRequestsRebuildsKeepingTheAddresses() throws InterruptedException {
        start(SimulatorSettings.forTests().withProvisioningDelay(Duration.ofMillis(200)));
        String id = api.post("/v2/loadbalancers", "{\"name\":\"rebuilt\"}").json().get("id").asString();
        JsonNode ready = awaitAvailable(id);

        JsonNode rebuilding = api.put("/v2/loadbalancers/" + id, "{\"max_concurrent_requests\":20000}").json();

        assertThat(rebuilding.get("state").asString()).isEqualTo("pending");
        JsonNode after = awaitAvailable(id);
        assertThat(after.get("private_ip")).isEqualTo(ready.get("private_ip"));
        assertThat(after.get("public_ip")).isEqualTo(ready.get("public_ip"));
        assertThat(api.put("/v2/loadbalancers/" + id, "{\"algorithm\":\"least_connections\"}").json()
                .get("state").asString()).isEqualTo("available");
    }

    JsonNode awaitAvailable(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode shown = api.get("/v2/loadbalancers/" + id).json();
            if (shown.get("state").asString().equals("available")) {
                return shown;
            }
            Thread.sleep(25);
        }
        throw new AssertionError(id + " never became available");
    }

    @Test
    void pendingStateNameAndApiKeyAreConfigurable() {
        start(new SimulatorSettings(0, "k", Duration.ofMinutes(1), "building", 1, QuotaLimits.defaults()));

        JsonNode lb = api.post("/v2/loadbalancers", "{\"name\":\"named\"}").json();

        assertThat(lb.get("state").asString()).isEqualTo("building");
        assertThat(api.get("/v2/loadbalancers/named").json().get("state").asString()).isEqualTo("building");
        assertThat(new ApiCalls(simulator.baseUrl(), "bearer sandbox-key").get("/v2/regions").status())
                .isEqualTo(401);
    }

    @Test
    void addressesAreDistinctPerLoadBalancer() {
        start();
        String firewallId = internalFirewall("fw", PAYMENTS_NET);

        JsonNode first = createInPayments("first", firewallId).json();
        JsonNode second = createInPayments("second", firewallId).json();

        assertThat(second.get("private_ip").asString()).isNotEqualTo(first.get("private_ip").asString());
        assertThat(second.get("public_ip").asString()).isNotEqualTo(first.get("public_ip").asString());
    }

    @Test
    void loadBalancerIsShownByIdAndByName() {
        start();
        String id = api.post("/v2/loadbalancers", "{\"name\":\"prod-cluster-default-web\"}").json().get("id")
                .asString();

        assertThat(api.get("/v2/loadbalancers/" + id).json().get("name").asString())
                .isEqualTo("prod-cluster-default-web");
        assertThat(api.get("/v2/loadbalancers/prod-cluster-default-web").json().get("id").asString()).isEqualTo(id);
        assertThat(api.get("/v2/vpc/loadbalancers/" + id).status()).isEqualTo(200);
        assertThat(api.get("/v2/loadbalancers").json()).hasSize(1);
        assertThat(api.get("/v2/loadbalancers?region=FRA1").json()).isEmpty();
    }

    @Test
    void duplicateLoadBalancerNameIsRefusedWith409() {
        start();
        api.post("/v2/loadbalancers", "{\"name\":\"twin\"}");

        ApiCalls.Answer again = api.post("/v2/loadbalancers", "{\"name\":\"twin\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("database_loadbalancer_duplicate_name");
    }

    @Test
    void updateChangesOnlyTheFieldsGiven() {
        start();
        String firewallId = internalFirewall("fw", PAYMENTS_NET);
        JsonNode before = api.post("/v2/loadbalancers", "{\"name\":\"partial\",\"network_id\":\"" + PAYMENTS_NET
                + "\",\"firewall_id\":\"" + firewallId + "\",\"algorithm\":\"least_connections\","
                + "\"max_concurrent_requests\":20000,\"options\":{\"server_timeout\":\"120s\"}," + POOL + "}").json();
        String id = before.get("id").asString();

        ApiCalls.Answer updated = api.put("/v2/loadbalancers/" + id, "{\"region\":\"LON1\","
                + "\"max_concurrent_requests\":30000,\"options\":{\"client_timeout\":\"30s\"}}");

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        JsonNode after = api.get("/v2/loadbalancers/" + id).json();
        assertThat(after.get("max_concurrent_requests").asInt()).isEqualTo(30000);
        assertThat(after.get("options").get("client_timeout").asString()).isEqualTo("30s");
        assertThat(after.get("options").get("server_timeout").asString()).isEqualTo("120s");
        assertThat(after.get("algorithm").asString()).isEqualTo("least_connections");
        assertThat(after.get("name").asString()).isEqualTo("partial");
        assertThat(after.get("firewall_id").asString()).isEqualTo(firewallId);
        assertThat(after.get("instance_pools")).isEqualTo(before.get("instance_pools"));
        assertThat(after.get("private_ip")).isEqualTo(before.get("private_ip"));
    }

    @Test
    void updateReplacesBackendsAndCanSwapTheFirewall() {
        start();
        String first = internalFirewall("first-fw", PAYMENTS_NET);
        String second = internalFirewall("second-fw", PAYMENTS_NET);
        String id = createInPayments("swap", first).json().get("id").asString();

        JsonNode after = api.put("/v2/loadbalancers/" + id, "{\"firewall_id\":\"" + second + "\",\"backends\":["
                + "{\"ip\":\"10.20.0.11\",\"protocol\":\"TCP\",\"source_port\":80,\"target_port\":31579}]}").json();

        assertThat(after.get("firewall_id").asString()).isEqualTo(second);
        assertThat(after.get("backends")).hasSize(1);
        assertThat(after.get("backends").get(0).get("target_port").asInt()).isEqualTo(31579);
        assertThat(after.get("backends").get(0).has("health_check_port")).isFalse();
        assertThat(api.put("/v2/loadbalancers/" + id, "{\"firewall_id\":\"" + internalFirewall("other", SEARCH_NET)
                + "\"}").status()).isEqualTo(409);
    }

    @Test
    void invalidLoadBalancerFieldsAreRefusedWith400() {
        start();

        assertThat(code(api.post("/v2/loadbalancers", "{}"))).isEqualTo("parameter_name_missing");
        assertThat(code(api.post("/v2/loadbalancers", "{\"name\":\"x\",\"algorithm\":\"random\"}")))
                .isEqualTo("parameter_algorithm_invalid");
        assertThat(code(api.post("/v2/loadbalancers", "{\"name\":\"x\",\"max_concurrent_requests\":\"10000\"}")))
                .isEqualTo("parameter_max_concurrent_requests_invalid");
        assertThat(code(api.post("/v2/loadbalancers", "{\"name\":\"x\",\"max_concurrent_requests\":12345}")))
                .isEqualTo("parameter_max_concurrent_requests_invalid");
        assertThat(code(api.post("/v2/loadbalancers", "{\"name\":\"x\",\"backends\":{}}")))
                .isEqualTo("parameter_backends_invalid");
        assertThat(code(api.post("/v2/loadbalancers",
                "{\"name\":\"x\",\"backends\":[{\"ip\":\"10.0.0.1\",\"source_port\":\"80\",\"target_port\":80}]}")))
                .isEqualTo("parameter_backends_source_port_invalid");
        assertThat(code(api.post("/v2/loadbalancers",
                "{\"name\":\"x\",\"backends\":[{\"ip\":\"10.0.0.1\",\"target_port\":80}]}")))
                .isEqualTo("parameter_backends_source_port_missing");
        assertThat(code(api.post("/v2/loadbalancers", "{\"name\":\"x\",\"external_traffic_policy\":\"Everywhere\"}")))
                .isEqualTo("parameter_external_traffic_policy_invalid");
        assertThat(api.get("/v2/loadbalancers").json()).isEmpty();
    }

    @Test
    void hyphenatedAlgorithmIsStoredWithUnderscore() {
        start();

        JsonNode lb = api.post("/v2/loadbalancers", "{\"name\":\"hyphen\",\"algorithm\":\"least-connections\"}")
                .json();

        assertThat(lb.get("algorithm").asString()).isEqualTo("least_connections");
    }

    @Test
    void loadBalancerIsDeletedAndUnknownOnesAreNotFound() {
        start();
        String id = api.post("/v2/loadbalancers", "{\"name\":\"doomed\"}").json().get("id").asString();

        assertThat(api.delete("/v2/loadbalancers/" + id).json().get("result").asString()).isEqualTo("success");

        ApiCalls.Answer gone = api.get("/v2/loadbalancers/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("code").asString()).isEqualTo("database_loadbalancer_not_found");
        assertThat(api.delete("/v2/loadbalancers/" + id).status()).isEqualTo(404);
        assertThat(api.put("/v2/loadbalancers/" + id, "{\"name\":\"y\"}").status()).isEqualTo(404);
    }

    @Test
    void loadBalancersBeyondTheQuotaAreRefused() {
        start(SimulatorSettings.forTests().withQuota(new QuotaLimits(2, 40, 400, 20, 20)));
        String firewallId = internalFirewall("fw", PAYMENTS_NET);
        createInPayments("one", firewallId);
        createInPayments("two", firewallId);

        ApiCalls.Answer third = createInPayments("three", firewallId);

        assertThat(third.status()).isEqualTo(403);
        assertThat(third.json().get("code").asString()).isEqualTo("quota_limit_reached");
        JsonNode quota = api.get("/v2/quota").json();
        assertThat(quota.get("loadbalancer_count_limit").asInt()).isEqualTo(2);
        assertThat(quota.get("loadbalancer_count_usage").asInt()).isEqualTo(2);
    }

    private static String code(ApiCalls.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        return answer.json().get("code").asString();
    }
}
