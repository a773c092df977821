package dev.ilbportal.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.kubernetes.internal.Kubeconfig;
import dev.ilbportal.sandbox.civo.CivoSimulator;
import dev.ilbportal.sandbox.civo.SeedWorld;
import dev.ilbportal.sandbox.civo.SimulatorSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The client against the sandbox's Kubernetes API, over real HTTP, with the kubeconfig Civo hands out. */
class KubernetesServicesTests {

    static final String CLUSTER = SeedWorld.clusterId("LON1", "prod-cluster");
    static final JsonMapper JSON = JsonMapper.builder().build();

    CivoSimulator simulator;
    KubernetesServices services;
    String firewall;

    @BeforeEach
    void start() {
        simulator = CivoSimulator.start(SimulatorSettings.forTests());
        services = KubernetesServices.of(civo("GET", "/v2/kubernetes/clusters/" + CLUSTER, null).get("kubeconfig")
                .asString());
        firewall = civo("POST", "/v2/firewalls?region=LON1", "{\"name\":\"api-internal\",\"network_id\":\""
                + SeedWorld.networkId("LON1", "default") + "\",\"create_rules\":false}").get("id").asString();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    JsonNode civo(String method, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(simulator.baseUrl().resolve(path))
                    .header("Authorization", "Bearer " + simulator.apiKey()).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body)).build();
            return JSON.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
                    .body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ServiceManifest manifest(int... ports) {
        return ServiceManifest.of(CLUSTER, "payments", "payments-api", Map.of("app", "payments-api"),
                java.util.Arrays.stream(ports).mapToObj(port -> ServicePort.tcp("p" + port, port, port + 8000))
                        .toList(), CcmAnnotations.firewallOnly(firewall));
    }

    @Test
    void appliedServiceShowsTheIpOfTheLoadBalancerTheCcmBuilt() {
        AppliedService applied = services.apply(manifest(443));

        JsonNode lb = civo("GET", "/v2/loadbalancers/prod-cluster-payments-payments-api?region=LON1", null);
        AppliedService read = services.get("payments", "payments-api").orElseThrow();
        assertThat(applied.loadBalancerId()).contains(lb.get("id").asString());
        assertThat(read.loadBalancerIp()).contains(lb.get("public_ip").asString());
        assertThat(read.clusterId()).contains(CLUSTER);
        assertThat(read.firewallId()).contains(firewall);
        assertThat(lb.get("firewall_id").asString()).isEqualTo(firewall);
    }

    @Test
    void applyingAgainReplacesTheServiceAndKeepsItsLoadBalancer() {
        AppliedService first = services.apply(manifest(443));

        AppliedService second = services.apply(manifest(443, 9090));

        assertThat(second.resourceVersion()).isNotEqualTo(first.resourceVersion());
        assertThat(second.loadBalancerId()).isEqualTo(first.loadBalancerId());
        assertThat(civo("GET", "/v2/loadbalancers/prod-cluster-payments-payments-api?region=LON1", null)
                .get("backends")).hasSize(6);
    }

    @Test
    void replacingAStaleVersionConflicts() {
        AppliedService first = services.apply(manifest(443));
        services.apply(manifest(443, 9090));

        assertThatThrownBy(() -> services.replace(manifest(80), first.resourceVersion()))
                .isInstanceOfSatisfying(KubernetesApiException.class,
                        failure -> assertThat(failure.status()).isEqualTo(409));
    }

    @Test
    void deletingTheServiceDeletesItsLoadBalancerAndIsIdempotent() {
        services.apply(manifest(443));

        assertThat(services.delete("payments", "payments-api")).isTrue();
        assertThat(services.delete("payments", "payments-api")).isFalse();
        assertThat(services.get("payments", "payments-api")).isEmpty();
        assertThat(civo("GET", "/v2/loadbalancers?region=LON1", null).findValues("name")).map(JsonNode::asString)
                .doesNotContain("prod-cluster-payments-payments-api");
    }

    @Test
    void wrongTokenIsReportedAsUnauthorized() {
        KubernetesServices stranger = new KubernetesServices(new Kubeconfig(services.server(), "wrong", null));

        assertThatThrownBy(() -> stranger.get("payments", "payments-api"))
                .isInstanceOfSatisfying(KubernetesApiException.class, failure -> {
                    assertThat(failure.status()).isEqualTo(401);
                    assertThat(failure.reason()).isEqualTo("Unauthorized");
                });
    }

    @Test
    void unreachableServerIsReportedNotThrownRaw() {
        KubernetesServices nowhere = new KubernetesServices(new Kubeconfig(URI.create("http://127.0.0.1:9"), "t",
                null));

        assertThatThrownBy(() -> nowhere.get("payments", "x")).isInstanceOf(KubernetesApiException.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void requestBodyIsAV1ServiceOfTypeLoadBalancerWithTheFirewallAnnotation() {
        JsonNode body = JSON.readTree(KubernetesServices.body(ServiceManifestTests.minimal(), "7"));

        assertThat(body.at("/kind").asString()).isEqualTo("Service");
        assertThat(body.at("/metadata/resourceVersion").asString()).isEqualTo("7");
        assertThat(body.at("/metadata/annotations/kubernetes.civo.com~1firewall-id").asString())
                .isEqualTo(ServiceManifestTests.FIREWALL);
        assertThat(body.at("/spec/type").asString()).isEqualTo("LoadBalancer");
        assertThat(body.at("/spec/ports/0/targetPort").asInt()).isEqualTo(8443);
        assertThat(List.of(body.at("/spec/selector/app").asString())).containsExactly("payments-api");
    }
}
