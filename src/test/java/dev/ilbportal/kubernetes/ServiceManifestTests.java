package dev.ilbportal.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceManifestTests {

    static final String CLUSTER = "c0ffee00-0000-4000-8000-000000000001";
    static final String FIREWALL = "f1eeba11-0000-4000-8000-000000000002";

    static ServiceManifest minimal() {
        return ServiceManifest.of(CLUSTER, "payments", "payments-api", Map.of("app", "payments-api"),
                List.of(ServicePort.tcp(null, 443, 8443)), CcmAnnotations.firewallOnly(FIREWALL));
    }

    static ServiceManifest everything() {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put("tier", "api");
        selector.put("app.kubernetes.io/name", "payments-api");
        return ServiceManifest.of(CLUSTER, "payments", "payments-api", selector,
                List.of(ServicePort.tcp("https", 443, 8443), ServicePort.tcp("metrics", 9090, 9090)),
                new CcmAnnotations(FIREWALL, "least_connections", 20000, "send-proxy-v2", "120m", "30s"));
    }

    static String golden(String name) {
        try (InputStream in = ServiceManifestTests.class.getResourceAsStream("/kubernetes/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void minimalServiceRendersTheFirewallAnnotationAndTypeLoadBalancer() {
        assertThat(minimal().toYaml()).isEqualTo(golden("minimal-service.yaml"));
    }

    @Test
    void everyOptionalAnnotationRendersSortedWithNamedPorts() {
        assertThat(everything().toYaml()).isEqualTo(golden("all-annotations-service.yaml"));
    }

    @Test
    void renderingIsTheSameWhateverTheInsertionOrder() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("app.kubernetes.io/name", "payments-api");
        reversed.put("tier", "api");
        ServiceManifest other = ServiceManifest.of(CLUSTER, "payments", "payments-api", reversed,
                everything().ports(), new CcmAnnotations(FIREWALL, "least_connections", 20000, "send-proxy-v2",
                        "120m", "30s"));

        assertThat(other.toYaml()).isEqualTo(everything().toYaml());
    }

    @Test
    void valuesThatYamlWouldReadAsOtherTypesStayStrings() {
        ServiceManifest manifest = ServiceManifest.of(CLUSTER, "ns", "svc", Map.of("enabled", "true",
                "quote", "say \"hi\""), List.of(ServicePort.tcp(null, 80, 8080)), CcmAnnotations.firewallOnly("123"));

        assertThat(manifest.toYaml()).contains("    enabled: \"true\"\n", "    quote: \"say \\\"hi\\\"\"\n",
                "    kubernetes.civo.com/firewall-id: \"123\"\n");
    }

    @Test
    void loadBalancerNameFollowsTheCloudControllerManager() {
        assertThat(minimal().loadBalancerName("prod-cluster")).isEqualTo("prod-cluster-payments-payments-api");
    }

    @Test
    void withFirewallReplacesOnlyTheFirewallAnnotation() {
        ServiceManifest changed = everything().withFirewall("other");

        assertThat(changed.firewallId()).isEqualTo("other");
        assertThat(changed.annotations()).hasSize(6).containsEntry(CcmAnnotations.ALGORITHM, "least_connections");
    }
}
