package dev.ilbportal.sandbox.civo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SeedWorldTests extends SharesOneSimulator {

    @Test
    void sameWorldWithSameIdsOnEveryStart() {
        try (CivoSimulator second = CivoSimulator.start(SimulatorSettings.forTests())) {
            ApiCalls other = new ApiCalls(second);
            for (String path : List.of("/v2/regions", "/v2/networks?region=LON1", "/v2/networks?region=NYC1",
                    "/v2/firewalls?region=LON1", "/v2/firewalls?region=FRA1", "/v2/instances?region=LON1",
                    "/v2/instances?region=FRA1", "/v2/kubernetes/clusters", "/v2/quota")) {
                // Only the port in a kubeconfig's server URL differs between two simulators.
                assertThat(other.get(path).text().replace(second.baseUrl().toString(), "<simulator>")).as(path)
                        .isEqualTo(api.get(path).text().replace(simulator.baseUrl().toString(), "<simulator>"));
            }
        }
    }

    @Test
    void seededIdsAreVersion4UuidsDerivedFromNames() {
        String id = SeedWorld.networkId("LON1", "payments-net");

        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(4);
        assertThat(java.util.UUID.fromString(id).variant()).isEqualTo(2);
        assertThat(id).isEqualTo(SeedWorld.networkId("LON1", "payments-net"))
                .isNotEqualTo(SeedWorld.networkId("FRA1", "payments-net"));
    }

    @Test
    void threeRegionsWithLondonAsDefault() {
        JsonNode regions = api.get("/v2/regions").json();

        assertThat(regions.isArray()).isTrue();
        List<String> codes = new ArrayList<>();
        regions.forEach(region -> codes.add(region.get("code").asString()));
        assertThat(codes).containsExactly("LON1", "FRA1", "NYC1");
        assertThat(regions.get(0).get("default").asBoolean()).isTrue();
        assertThat(regions.get(1).get("default").asBoolean()).isFalse();
        assertThat(regions.get(0).get("features").get("loadbalancer").asBoolean()).isTrue();
        assertThat(regions.get(0).get("features").get("kubernetes").asBoolean()).isTrue();
    }

    @Test
    void everyRegionHasDefaultPaymentsAndSearchNetworks() {
        for (String region : SeedWorld.REGIONS) {
            JsonNode networks = api.get("/v2/networks?region=" + region).json();
            assertThat(networks).hasSize(3);
            assertThat(networks.get(0).get("label").asString()).isEqualTo("default");
            assertThat(networks.get(0).get("default").asBoolean()).isTrue();
            assertThat(networks.get(1).get("label").asString()).isEqualTo("payments-net");
            assertThat(networks.get(1).get("cidr").asString()).isEqualTo("10.20.0.0/24");
            assertThat(networks.get(1).get("status").asString()).isEqualTo("Active");
            assertThat(networks.get(2).get("cidr").asString()).isEqualTo("10.30.0.0/24");
            assertThat(networks.get(2).get("gateway_ipv4").asString()).isEqualTo("10.30.0.1");
        }
    }

    @Test
    void networkIsShownByIdAndUnknownNetworkIsNotFound() {
        JsonNode network = api.get("/v2/networks/" + SeedWorld.networkId("LON1", "payments-net")).json();
        assertThat(network.get("label").asString()).isEqualTo("payments-net");
        assertThat(network.get("free_ip_count").asInt()).isEqualTo(253 - 3);

        ApiCalls.Answer missing = api.get("/v2/networks/" + SeedWorld.networkId("LON1", "payments-net")
                + "?region=FRA1");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("database_network_not_found");
    }

    @Test
    void defaultNetworkHasTheAllOpenDefaultFirewall() {
        JsonNode firewall = api.get("/v2/firewalls/" + SeedWorld.firewallId("FRA1", "Default (all open)")
                + "?region=FRA1").json();

        assertThat(firewall.get("name").asString()).isEqualTo("Default (all open)");
        assertThat(firewall.get("network_id").asString()).isEqualTo(SeedWorld.networkId("FRA1", "default"));
        assertThat(firewall.get("rules_count").asInt()).isEqualTo(3);
        assertThat(firewall.get("default").asBoolean()).isTrue();
    }

    @Test
    void instancesArePaginated() {
        JsonNode first = api.get("/v2/instances?region=LON1&page=1&per_page=4").json();
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("per_page").asInt()).isEqualTo(4);
        assertThat(first.get("pages").asInt()).isEqualTo(2);
        assertThat(first.get("items")).hasSize(4);

        JsonNode second = api.get("/v2/instances?region=LON1&page=2&per_page=4").json();
        assertThat(second.get("items")).hasSize(2);
        assertThat(api.get("/v2/instances?region=LON1&page=3&per_page=4").json().get("items")).isEmpty();

        JsonNode everything = api.get("/v2/instances?page=1&per_page=99999999").json();
        assertThat(everything.get("items")).hasSize(6);
        assertThat(everything.get("pages").asInt()).isEqualTo(1);

        JsonNode defaults = api.get("/v2/instances").json();
        assertThat(defaults.get("per_page").asInt()).isEqualTo(20);
        assertThat(api.get("/v2/instances?per_page=zero").status()).isEqualTo(400);
        assertThat(api.get("/v2/instances?page=0").status()).isEqualTo(400);
    }

    @Test
    void instancesAreFilteredBySpaceSeparatedTags() {
        assertThat(hostnames("/v2/instances?tags=payments-api")).containsExactly("payments-1", "payments-2",
                "payments-3");
        assertThat(hostnames("/v2/instances?tags=search-api%20prod")).containsExactly("search-1", "search-2");
        assertThat(hostnames("/v2/instances?tags=prod")).hasSize(5);
        assertThat(hostnames("/v2/instances?tags=payments-api+search-api")).isEmpty();
        assertThat(hostnames("/v2/instances?tags=payments-api&region=FRA1")).containsExactly("payments-fra-1",
                "payments-fra-2");
        assertThat(hostnames("/v2/instances?region=NYC1")).isEmpty();
    }

    @Test
    void instanceHasItsPrivateIpInItsNetworkAndIsActive() {
        JsonNode instance = api.get("/v2/instances/" + SeedWorld.instanceId("LON1", "payments-2")).json();

        assertThat(instance.get("hostname").asString()).isEqualTo("payments-2");
        assertThat(instance.get("private_ip").asString()).isEqualTo("10.20.0.12");
        assertThat(instance.get("network_id").asString()).isEqualTo(SeedWorld.networkId("LON1", "payments-net"));
        assertThat(instance.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(instance.get("tags").get(0).asString()).isEqualTo("payments-api");
        assertThat(instance.get("public_ip").isNull()).isTrue();
        assertThat(api.get("/v2/instances/" + SeedWorld.id("nope")).status()).isEqualTo(404);
    }

    @Test
    void londonHasAReadyProdCluster() {
        JsonNode page = api.get("/v2/kubernetes/clusters?region=LON1").json();
        assertThat(page.get("pages").asInt()).isEqualTo(1);
        assertThat(page.get("items")).hasSize(1);

        JsonNode cluster = api.get("/v2/kubernetes/clusters/" + SeedWorld.clusterId("LON1", "prod-cluster")).json();
        assertThat(cluster.get("name").asString()).isEqualTo("prod-cluster");
        assertThat(cluster.get("ready").asBoolean()).isTrue();
        assertThat(cluster.get("network_id").asString()).isEqualTo(SeedWorld.networkId("LON1", "default"));
        assertThat(cluster.get("firewall_id").asString())
                .isEqualTo(SeedWorld.firewallId("LON1", "k3s-cluster-prod-cluster"));
        assertThat(cluster.get("kubeconfig").asString()).contains("apiVersion: v1");
        assertThat(cluster.get("instances")).hasSize(3);
        assertThat(api.get("/v2/kubernetes/clusters/" + cluster.get("id").asString() + "/instances").json())
                .hasSize(3);
        assertThat(api.get("/v2/kubernetes/clusters?region=FRA1").json().get("items")).isEmpty();
        ApiCalls.Answer missing = api.get("/v2/kubernetes/clusters/" + SeedWorld.id("nope"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("database_kubernetes_cluster_not_found");
    }

    @Test
    void quotaReportsLimitsAndUsageOfTheSeededAccount() {
        JsonNode quota = api.get("/v2/quota").json();

        assertThat(quota.get("loadbalancer_count_limit").asInt()).isEqualTo(10);
        assertThat(quota.get("loadbalancer_count_usage").asInt()).isZero();
        assertThat(quota.get("security_group_usage").asInt()).isEqualTo(10);
        assertThat(quota.get("security_group_rule_usage").asInt()).isEqualTo(30);
        assertThat(quota.get("network_count_usage").asInt()).isEqualTo(9);
        assertThat(quota.get("instance_count_usage").asInt()).isEqualTo(8);
        assertThat(quota.get("instance_count_limit").asInt()).isEqualTo(20);
        assertThat(quota.get("security_group_limit").asInt()).isEqualTo(40);
        assertThat(quota.get("security_group_rule_limit").asInt()).isEqualTo(400);
        assertThat(quota.get("network_count_limit").asInt()).isEqualTo(20);
    }

    private List<String> hostnames(String path) {
        List<String> names = new ArrayList<>();
        api.get(path).json().get("items").forEach(item -> names.add(item.get("hostname").asString()));
        return names;
    }
}
