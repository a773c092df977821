package dev.ilbportal.sandbox.civo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KubernetesApiTests {

    static final String CLUSTER = SeedWorld.clusterId("LON1", "prod-cluster");
    static final String CLUSTER_NET = SeedWorld.networkId("LON1", "default");
    static final String SERVICES = "/api/v1/namespaces/payments/services";

    CivoSimulator simulator;
    ApiCalls civo;
    ApiCalls kube;

    void start(SimulatorSettings settings) {
        simulator = CivoSimulator.start(settings);
        civo = new ApiCalls(simulator);
        String kubeconfig = civo.get("/v2/kubernetes/clusters/" + CLUSTER).json().get("kubeconfig").asString();
        kube = new ApiCalls(URI.create(value(kubeconfig, "server") + "/"), "Bearer " + value(kubeconfig, "token"));
    }

    void start() {
        start(SimulatorSettings.forTests());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    static String value(String kubeconfig, String key) {
        return kubeconfig.lines().map(String::trim).filter(line -> line.startsWith(key + ": "))
                .map(line -> line.substring(key.length() + 2)).findFirst().orElseThrow();
    }

    String internalFirewall(String name) {
        return civo.post("/v2/firewalls?region=LON1", "{\"name\":\"" + name + "\",\"network_id\":\"" + CLUSTER_NET
                + "\",\"create_rules\":false}").json().get("id").asString();
    }

    static String service(String name, String annotations, String ports) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name
                + "\",\"namespace\":\"payments\",\"annotations\":{" + annotations + "}},\"spec\":{\"type\":"
                + "\"LoadBalancer\",\"selector\":{\"app\":\"" + name + "\"},\"ports\":[" + ports + "]}}";
    }

    static final String TWO_PORTS = "{\"name\":\"https\",\"port\":443,\"targetPort\":8443,\"protocol\":\"TCP\"},"
            + "{\"name\":\"grpc\",\"port\":9090,\"targetPort\":9090,\"protocol\":\"TCP\"}";

    String path(String rest) {
        return rest.substring(1);
    }

    JsonNode loadBalancerNamed(String name) {
        return civo.get("/v2/loadbalancers/" + name + "?region=LON1").json();
    }

    @Test
    void kubeconfigPointsAtTheSandboxKubernetesApiWithTheClustersToken() {
        start();
        String kubeconfig = civo.get("/v2/kubernetes/clusters/" + CLUSTER).json().get("kubeconfig").asString();

        assertThat(value(kubeconfig, "server")).isEqualTo(simulator.baseUrl() + "/k8s/" + CLUSTER);
        assertThat(value(kubeconfig, "token")).startsWith("sandbox-k8s-");
        assertThat(kube.get(path(SERVICES)).json().get("kind").asString()).isEqualTo("ServiceList");
    }

    @Test
    void aWrongTokenOrTheCivoApiKeyIsUnauthorized() {
        start();

        ApiCalls.Answer wrong = new ApiCalls(simulator.baseUrl(), "Bearer nope").get("/k8s/" + CLUSTER + SERVICES);
        ApiCalls.Answer civoKey = new ApiCalls(simulator.baseUrl(), "Bearer " + simulator.apiKey())
                .get("/k8s/" + CLUSTER + SERVICES);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("kind").asString()).isEqualTo("Status");
        assertThat(civoKey.status()).isEqualTo(401);
    }

    @Test
    void loadBalancerServiceGetsACivoLoadBalancerWithTheAnnotatedFirewallAndEveryNodeTimesEveryPort() {
        start();
        String firewall = internalFirewall("payments-api-internal");

        ApiCalls.Answer created = kube.post(path(SERVICES), service("payments-api",
                "\"kubernetes.civo.com/firewall-id\":\"" + firewall + "\"", TWO_PORTS));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode lb = loadBalancerNamed("prod-cluster-payments-payments-api");
        assertThat(lb.get("cluster_id").asString()).isEqualTo(CLUSTER);
        assertThat(lb.get("firewall_id").asString()).isEqualTo(firewall);
        assertThat(lb.get("network_id").asString()).isEqualTo(CLUSTER_NET);
        List<Integer> nodePorts = new ArrayList<>();
        created.json().get("spec").get("ports").forEach(port -> nodePorts.add(port.get("nodePort").asInt()));
        assertThat(lb.get("backends")).hasSize(6);
        List<String> backends = new ArrayList<>();
        lb.get("backends").forEach(backend -> backends.add(backend.get("ip").asString() + ":"
                + backend.get("source_port").asInt() + "->" + backend.get("target_port").asInt()));
        assertThat(backends).containsExactlyInAnyOrder(
                "192.168.1.21:443->" + nodePorts.get(0), "192.168.1.22:443->" + nodePorts.get(0),
                "192.168.1.23:443->" + nodePorts.get(0), "192.168.1.21:9090->" + nodePorts.get(1),
                "192.168.1.22:9090->" + nodePorts.get(1), "192.168.1.23:9090->" + nodePorts.get(1));

        JsonNode read = kube.get(path(SERVICES + "/payments-api")).json();
        assertThat(read.at("/status/loadBalancer/ingress/0/ip").asString()).isEqualTo(lb.get("public_ip").asString());
        JsonNode annotations = read.at("/metadata/annotations");
        assertThat(annotations.get("kubernetes.civo.com/loadbalancer-id").asString())
                .isEqualTo(lb.get("id").asString());
        assertThat(annotations.get("kubernetes.civo.com/loadbalancer-name").asString())
                .isEqualTo("prod-cluster-payments-payments-api");
        assertThat(annotations.get("kubernetes.civo.com/cluster-id").asString()).isEqualTo(CLUSTER);
        assertThat(annotations.get("kubernetes.civo.com/firewall-id").asString()).isEqualTo(firewall);
        assertThat(civo.get("/v2/firewalls/" + firewall + "/rules").json()).isEmpty();
    }

    @Test
    void serviceWithoutFirewallAnnotationGetsANewFirewallOpenToTheInternet() {
        start();

        kube.post(path(SERVICES), service("forgot", "", TWO_PORTS));

        JsonNode lb = loadBalancerNamed("prod-cluster-payments-forgot");
        JsonNode firewall = civo.get("/v2/firewalls/" + lb.get("firewall_id").asString()).json();
        assertThat(firewall.get("rules")).hasSize(3)
                .allMatch(rule -> rule.get("direction").asString().equals("ingress")
                        && rule.get("cidr").get(0).asString().equals("0.0.0.0/0"));
        assertThat(kube.get(path(SERVICES + "/forgot")).json()
                .at("/metadata/annotations/kubernetes.civo.com~1firewall-id").asString())
                .isEqualTo(lb.get("firewall_id").asString());
    }

    @Test
    void serviceShowsNoIngressWhileItsLoadBalancerIsPending() {
        start(SimulatorSettings.forTests().withProvisioningDelay(Duration.ofHours(1)));
        String firewall = internalFirewall("pending-internal");

        kube.post(path(SERVICES), service("slow", "\"kubernetes.civo.com/firewall-id\":\"" + firewall + "\"",
                TWO_PORTS));

        JsonNode read = kube.get(path(SERVICES + "/slow")).json();
        assertThat(read.at("/status/loadBalancer").has("ingress")).isFalse();
        assertThat(loadBalancerNamed("prod-cluster-payments-slow").get("state").asString()).isEqualTo("pending");
    }

    @Test
    void proxyProtocolServiceShowsOnlyAHostname() {
        start();
        String firewall = internalFirewall("proxy-internal");

        kube.post(path(SERVICES), service("proxied", "\"kubernetes.civo.com/firewall-id\":\"" + firewall
                + "\",\"kubernetes.civo.com/loadbalancer-enable-proxy-protocol\":\"send-proxy-v2\"", TWO_PORTS));

        JsonNode ingress = kube.get(path(SERVICES + "/proxied")).json().at("/status/loadBalancer/ingress/0");
        JsonNode lb = loadBalancerNamed("prod-cluster-payments-proxied");
        assertThat(ingress.has("ip")).isFalse();
        assertThat(ingress.get("hostname").asString()).isEqualTo(lb.get("id").asString() + ".lb.civo.com");
    }

    @Test
    void replacingTheServiceUpdatesTheSameLoadBalancerAndKeepsNodePorts() {
        start();
        String firewall = internalFirewall("replace-internal");
        String annotation = "\"kubernetes.civo.com/firewall-id\":\"" + firewall + "\"";
        JsonNode created = kube.post(path(SERVICES), service("api", annotation, TWO_PORTS)).json();
        String lbId = loadBalancerNamed("prod-cluster-payments-api").get("id").asString();

        ApiCalls.Answer replaced = kube.put(path(SERVICES + "/api"), service("api", annotation
                + ",\"kubernetes.civo.com/loadbalancer-algorithm\":\"least_connections\"",
                "{\"name\":\"https\",\"port\":443,\"targetPort\":8443,\"protocol\":\"TCP\"}"));

        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        JsonNode lb = loadBalancerNamed("prod-cluster-payments-api");
        assertThat(lb.get("id").asString()).isEqualTo(lbId);
        assertThat(lb.get("algorithm").asString()).isEqualTo("least_connections");
        assertThat(lb.get("backends")).hasSize(3);
        assertThat(replaced.json().at("/spec/ports/0/nodePort").asInt())
                .isEqualTo(created.at("/spec/ports/0/nodePort").asInt());
        assertThat(replaced.json().at("/metadata/resourceVersion").asString())
                .isNotEqualTo(created.at("/metadata/resourceVersion").asString());
    }

    @Test
    void deletingTheServiceDeletesItsLoadBalancer() {
        start();
        String firewall = internalFirewall("delete-internal");
        kube.post(path(SERVICES), service("gone", "\"kubernetes.civo.com/firewall-id\":\"" + firewall + "\"",
                TWO_PORTS));

        assertThat(kube.delete(path(SERVICES + "/gone")).status()).isEqualTo(200);

        assertThat(civo.get("/v2/loadbalancers/prod-cluster-payments-gone?region=LON1").status()).isEqualTo(404);
        assertThat(kube.get(path(SERVICES + "/gone")).status()).isEqualTo(404);
        assertThat(civo.get("/v2/firewalls/" + firewall).status()).isEqualTo(200);
    }

    @Test
    void creatingTwiceConflictsAndUnknownServicesAreNotFound() {
        start();
        String body = service("twice", "\"kubernetes.civo.com/firewall-id\":\"" + internalFirewall("twice-internal")
                + "\"", TWO_PORTS);
        kube.post(path(SERVICES), body);

        ApiCalls.Answer again = kube.post(path(SERVICES), body);
        ApiCalls.Answer missing = kube.get(path(SERVICES + "/nobody"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("reason").asString()).isEqualTo("AlreadyExists");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("message").asString()).isEqualTo("services \"nobody\" not found");
    }

    @Test
    void firewallFromAnotherNetworkLeavesTheServiceWithoutLoadBalancer() {
        start();
        String elsewhere = civo.post("/v2/firewalls?region=LON1", "{\"name\":\"wrong-net\",\"network_id\":\""
                + SeedWorld.networkId("LON1", "payments-net") + "\",\"create_rules\":false}").json().get("id")
                .asString();

        ApiCalls.Answer created = kube.post(path(SERVICES), service("mismatch",
                "\"kubernetes.civo.com/firewall-id\":\"" + elsewhere + "\"", TWO_PORTS));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/status/loadBalancer").has("ingress")).isFalse();
        assertThat(civo.get("/v2/loadbalancers/prod-cluster-payments-mismatch?region=LON1").status()).isEqualTo(404);
    }
}
