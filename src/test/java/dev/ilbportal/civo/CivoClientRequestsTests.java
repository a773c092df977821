package dev.ilbportal.civo;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ilbportal.civo.model.Backend;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.civo.model.HealthCheck;
import dev.ilbportal.civo.model.Instance;
import dev.ilbportal.civo.model.InstancePool;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.civo.model.LoadBalancerCreateRequest;
import dev.ilbportal.civo.model.LoadBalancerOptions;
import dev.ilbportal.civo.model.LoadBalancerUpdateRequest;
import dev.ilbportal.civo.model.SimpleResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CivoClientRequestsTests {

    private static final String LB_READY = """
            {"id":"e7d6","name":"payments-api-internal","network_id":"net-1","algorithm":"least_connections",
             "backends":[{"ip":"10.20.0.11","protocol":"TCP","source_port":443,"target_port":8443,
                          "health_check_port":8443}],
             "instance_pools":[{"tags":["payments-api"],"names":null,"protocol":"TCP","source_port":443,
                                "target_port":8443,"health_check":{"port":8443,"path":"/healthz"}}],
             "external_traffic_policy":"Cluster","public_ip":"74.220.21.37","private_ip":"10.20.0.5",
             "firewall_id":"fw-1","state":"available","max_concurrent_requests":10000,
             "options":{"server_timeout":"60s","client_timeout":"60s"},"something_new":{"x":1}}""";

    @RegisterExtension
    final CivoWireMock civo = new CivoWireMock();

    @Test
    void sendsBearerKeyJsonAcceptUserAgentAndDefaultRegionOnEveryCall() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/networks")).willReturn(okJson("[]")));

        assertThat(civo.client().listNetworks(null)).isEmpty();

        civo.server.verify(getRequestedFor(urlPathEqualTo("/v2/networks"))
                .withHeader("Authorization", equalTo("bearer " + CivoWireMock.KEY))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", matching("ilb-portal/.+"))
                .withQueryParam("region", equalTo("LON1")));
    }

    @Test
    void createsFirewallWithExactlyTheDocumentedBodyAndRegionInQueryAndBody() {
        civo.server.stubFor(post(urlPathEqualTo("/v2/firewalls"))
                .willReturn(okJson("{\"id\":\"fw-9\",\"name\":\"payments-api-internal\",\"result\":\"success\"}")));

        SimpleResult created = civo.client().createFirewall(
                FirewallCreateRequest.withoutRules("payments-api-internal", "FRA1", "net-1"));

        assertThat(created).isEqualTo(new SimpleResult("success", "fw-9", "payments-api-internal"));
        LoggedRequest request = civo.server.findAll(postRequestedFor(urlPathEqualTo("/v2/firewalls"))).getFirst();
        assertThat(request.getBodyAsString()).isEqualTo(
                "{\"name\":\"payments-api-internal\",\"region\":\"FRA1\",\"network_id\":\"net-1\","
                        + "\"create_rules\":false}");
        assertThat(request.queryParameter("region").firstValue()).isEqualTo("FRA1");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void fillsTheDefaultRegionIntoTheBodyWhenTheRequestHasNone() {
        civo.server.stubFor(post(urlPathEqualTo("/v2/firewalls"))
                .willReturn(okJson("{\"id\":\"fw-9\",\"result\":\"success\"}")));

        civo.client().createFirewall(FirewallCreateRequest.withoutRules("fw", null, "net-1"));

        civo.server.verify(postRequestedFor(urlPathEqualTo("/v2/firewalls"))
                .withQueryParam("region", equalTo("LON1"))
                .withRequestBody(equalTo("{\"name\":\"fw\",\"region\":\"LON1\",\"network_id\":\"net-1\","
                        + "\"create_rules\":false}")));
    }

    @Test
    void usesTheVpcPrefixForNetworksFirewallsAndLoadBalancersButNotForRegions() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/vpc/firewalls")).willReturn(okJson("[]")));
        civo.server.stubFor(get(urlPathEqualTo("/v2/vpc/loadbalancers/e7d6")).willReturn(okJson(LB_READY)));
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(okJson("[]")));
        CivoClient client = civo.client(civo.properties().withPathPrefix("/v2/vpc"));

        assertThat(client.listFirewalls("LON1")).isEmpty();
        assertThat(client.getLoadBalancer("LON1", "e7d6").state()).isEqualTo(LoadBalancer.AVAILABLE);
        assertThat(client.listRegions()).isEmpty();

        civo.server.verify(getRequestedFor(urlPathEqualTo("/v2/vpc/firewalls")));
        civo.server.verify(getRequestedFor(urlPathEqualTo("/v2/regions")));
    }

    @Test
    void createsFirewallRuleWithStringPortsAndCidrArray() {
        civo.server.stubFor(post(urlPathEqualTo("/v2/firewalls/fw-1/rules")).willReturn(okJson("""
                {"id":"r-1","firewall_id":"fw-1","protocol":"tcp","start_port":"1","end_port":"65535",
                 "ports":"1-65535","cidr":["10.20.0.0/24"],"direction":"egress","action":"allow","label":null}""")));

        FirewallRule rule = civo.client().createFirewallRule("fw-1", new FirewallRuleCreateRequest(null, null, "tcp",
                "1", "65535", null, List.of("10.20.0.0/24"), "egress", "allow", "egress to payments-net"));

        assertThat(rule.startPort()).isEqualTo("1");
        assertThat(rule.cidr()).containsExactly("10.20.0.0/24");
        civo.server.verify(postRequestedFor(urlPathEqualTo("/v2/firewalls/fw-1/rules"))
                .withQueryParam("region", equalTo("LON1"))
                .withRequestBody(equalTo("{\"firewall_id\":\"fw-1\",\"region\":\"LON1\",\"protocol\":\"tcp\","
                        + "\"start_port\":\"1\",\"end_port\":\"65535\",\"cidr\":[\"10.20.0.0/24\"],"
                        + "\"direction\":\"egress\",\"action\":\"allow\",\"label\":\"egress to payments-net\"}")));
    }

    @Test
    void createsLoadBalancerWithIntegerPortsAndParsesTheAnswer() {
        civo.server.stubFor(post(urlPathEqualTo("/v2/loadbalancers")).willReturn(okJson(LB_READY)));
        LoadBalancerCreateRequest request = new LoadBalancerCreateRequest("LON1", "payments-api-internal", null,
                "net-1", "least_connections", "fw-1", 10000, null,
                List.of(new InstancePool(List.of("payments-api"), null, "TCP", 443, 8443,
                        new HealthCheck(8443, "/healthz"))),
                null, null, null, null, null, null, new LoadBalancerOptions("60s", "60s"));

        LoadBalancer created = civo.client().createLoadBalancer(request);

        assertThat(created.privateIp()).isEqualTo("10.20.0.5");
        assertThat(created.backends()).containsExactly(new Backend("10.20.0.11", "TCP", 443, 8443, 8443));
        assertThat(created.instancePools().getFirst().names()).isEmpty();
        civo.server.verify(postRequestedFor(urlPathEqualTo("/v2/loadbalancers"))
                .withQueryParam("region", equalTo("LON1"))
                .withRequestBody(equalToJson("""
                        {"region":"LON1","name":"payments-api-internal","network_id":"net-1",
                         "algorithm":"least_connections","firewall_id":"fw-1","max_concurrent_requests":10000,
                         "instance_pools":[{"tags":["payments-api"],"protocol":"TCP","source_port":443,
                                            "target_port":8443,"health_check":{"port":8443,"path":"/healthz"}}],
                         "options":{"server_timeout":"60s","client_timeout":"60s"}}""")));
    }

    @Test
    void updatesLoadBalancerWithPutSendingOnlyGivenFieldsAndAnEmptyBackendListToClearThem() {
        civo.server.stubFor(put(urlPathEqualTo("/v2/loadbalancers/e7d6")).willReturn(okJson(LB_READY)));

        civo.client().updateLoadBalancer("e7d6", new LoadBalancerUpdateRequest(null, null, null, null, "fw-2", null,
                List.of(), null, null, null, null, null, null));

        civo.server.verify(putRequestedFor(urlPathEqualTo("/v2/loadbalancers/e7d6"))
                .withQueryParam("region", equalTo("LON1"))
                .withRequestBody(equalTo("{\"region\":\"LON1\",\"firewall_id\":\"fw-2\",\"backends\":[]}")));
    }

    @Test
    void findsFirewallByListingAndFiltering() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/firewalls")).willReturn(okJson("""
                [{"id":"fw-a","name":"Default (all open)","rules_count":3,"default":"true","rules":null},
                 {"id":"fw-b","name":"internal","rules_count":0,"default":"false","rules":[]}]""")));

        assertThat(civo.client().findFirewall(null, "fw-b")).hasValueSatisfying(firewall -> {
            assertThat(firewall.name()).isEqualTo("internal");
            assertThat(firewall.isDefault()).isFalse();
        });
        assertThat(civo.client().findFirewall(null, "fw-a").orElseThrow().rules()).isEmpty();
        assertThat(civo.client().findFirewall(null, "nope")).isEmpty();
    }

    @Test
    void listsAllInstancesWithTagsWalkingEveryPage() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/instances")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson("{\"page\":1,\"per_page\":null,\"pages\":2,\"items\":[{\"id\":\"i-1\","
                        + "\"tags\":[\"payments-api\",\"prod\"],\"private_ip\":\"10.20.0.11\",\"public_ip\":null}]}")));
        civo.server.stubFor(get(urlPathEqualTo("/v2/instances")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("{\"page\":2,\"per_page\":100,\"pages\":2,\"items\":[{\"id\":\"i-2\","
                        + "\"tags\":null}]}")));

        List<Instance> instances = civo.client().listAllInstances("LON1", List.of("payments-api", "prod"));

        assertThat(instances).extracting(Instance::id).containsExactly("i-1", "i-2");
        assertThat(instances.get(1).tags()).isEmpty();
        civo.server.verify(2, getRequestedFor(urlPathEqualTo("/v2/instances"))
                .withQueryParam("tags", equalTo("payments-api prod"))
                .withQueryParam("region", equalTo("LON1")));
    }

    @Test
    void readsKubernetesClusterWithStringBooleans() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/kubernetes/clusters")).willReturn(okJson("""
                {"page":1,"per_page":20,"pages":1,"items":[{"id":"k-1","name":"prod","network_id":"net-1",
                 "firewall_id":"fw-k","ready":true,"ccm_installed":"true","kubeconfig":"apiVersion: v1",
                 "instances":[{"hostname":"node-1","tags":["civo-kubernetes:installed"]}]}]}""")));

        List<KubernetesCluster> clusters = civo.client().listKubernetesClusters(null);

        assertThat(clusters).singleElement().satisfies(cluster -> {
            assertThat(cluster.ccmInstalled()).isTrue();
            assertThat(cluster.ready()).isTrue();
            assertThat(cluster.toString()).doesNotContain("apiVersion");
        });
    }

    @Test
    void addressesFirewallRulesByFirewallAndRuleIdEncodingThem() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/firewalls/fw-1/rules")).willReturn(okJson("[]")));
        civo.server.stubFor(delete(urlPathEqualTo("/v2/firewalls/fw-1/rules/r%201"))
                .willReturn(okJson("{\"result\":\"success\"}")));

        assertThat(civo.client().listFirewallRules("NYC1", "fw-1")).isEmpty();
        assertThat(civo.client().deleteFirewallRule("NYC1", "fw-1", "r 1").succeeded()).isTrue();

        civo.server.verify(getRequestedFor(urlPathEqualTo("/v2/firewalls/fw-1/rules"))
                .withQueryParam("region", equalTo("NYC1")));
        civo.server.verify(deleteRequestedFor(urlPathEqualTo("/v2/firewalls/fw-1/rules/r%201"))
                .withQueryParam("region", equalTo("NYC1")));
    }

    @ParameterizedTest(name = "window resets in {0} s: the next request waits {1} s")
    @CsvSource({
            "10, 10",   // holds the next request until the window resets when no requests remain
            "3600, 30"  // never holds requests longer than the max server wait for a far reset
    })
    void holdsTheNextRequestUntilTheWindowResetsButNeverLongerThanMaxServerWait(long resetInSeconds,
                                                                                long expectedWaitSeconds) {
        long reset = FakeTime.START.getEpochSecond() + resetInSeconds;
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(okJson("[]")
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", Long.toString(reset))));
        CivoClient client = civo.client();

        client.listRegions();
        client.listRegions();

        assertThat(civo.time.sleeps()).containsExactly(java.time.Duration.ofSeconds(expectedWaitSeconds));
    }
}
