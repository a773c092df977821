package dev.ilbportal.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.FirewallRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestRulesTests {

    static final String FIREWALL = ServiceManifestTests.FIREWALL;

    static Firewall firewall(String id, List<FirewallRule> rules) {
        return new Firewall(id, "payments-api-internal", "net", rules.size(), 0, 0, 0, rules, "acc", false,
                "payments-api-internal", "LON1");
    }

    static FirewallRule rule(String direction) {
        return new FirewallRule("r", FIREWALL, "tcp", "1", "65535", "1-65535", List.of("0.0.0.0/0"), direction,
                "allow", "all");
    }

    static ServiceManifest manifest(String namespace, String name, List<ServicePort> ports) {
        return ServiceManifest.of("cluster", namespace, name, Map.of("app", "x"), ports,
                CcmAnnotations.firewallOnly(FIREWALL));
    }

    @Test
    void serviceWithInternalFirewallIsAccepted() {
        assertThat(ManifestRules.problems(ServiceManifestTests.everything())).isEmpty();
        assertThatNoException().isThrownBy(() -> ManifestRules.requireInternal(ServiceManifestTests.minimal(),
                firewall(FIREWALL, List.of(rule("egress")))));
    }

    @Test
    void serviceWithoutFirewallAnnotationIsRefusedWithCivosBehaviourExplained() {
        ServiceManifest manifest = new ServiceManifest("cluster", "payments", "payments-api", Map.of("app", "x"),
                List.of(ServicePort.tcp(null, 443, 8443)), Map.of());

        assertThatThrownBy(() -> ManifestRules.requireInternal(manifest, firewall(FIREWALL, List.of())))
                .isInstanceOf(ManifestRefused.class)
                .hasMessageContaining("no kubernetes.civo.com/firewall-id annotation")
                .hasMessageContaining("creates a firewall of its own")
                .hasMessageContaining("open to the internet");
    }

    @Test
    void firewallWithIngressRulesIsRefusedWithTheirCount() {
        Firewall open = firewall(FIREWALL, List.of(rule("ingress"), rule("ingress"), rule("egress"),
                rule("ingress")));

        assertThatThrownBy(() -> ManifestRules.requireInternal(ServiceManifestTests.minimal(), open))
                .isInstanceOf(ManifestRefused.class).hasMessageContaining("has 3 ingress rules");
    }

    @Test
    void firewallOtherThanTheAnnotatedOneIsRefused() {
        assertThat(ManifestRules.firewallProblems(ServiceManifestTests.minimal(), firewall("other", List.of())))
                .singleElement().asString().contains("names firewall " + FIREWALL);
    }

    @Test
    void namesAndNamespacesMustBeDns1123Labels() {
        List<ServicePort> ports = List.of(ServicePort.tcp(null, 80, 80));

        assertThat(ManifestRules.problems(manifest("Payments", "payments_api", ports))).hasSize(2)
                .allMatch(problem -> problem.contains("DNS-1123 label"));
        assertThat(ManifestRules.problems(manifest("-payments", "a".repeat(64), ports))).hasSize(2);
        assertThat(ManifestRules.problems(manifest("", "ok", ports))).containsExactly("Namespace is required.");
        assertThat(ManifestRules.problems(manifest("a".repeat(63), "p-1", ports))).isEmpty();
    }

    @Test
    void portsMustBeInRangeAndNotRepeated() {
        assertThat(ManifestRules.problems(manifest("ns", "svc", List.of(ServicePort.tcp("a", 0, 80),
                ServicePort.tcp("b", 65536, 80), ServicePort.tcp("c", 443, 70000), ServicePort.tcp("d", 443, 80)))))
                .containsExactly("Port 0 is outside 1-65535.", "Port 65536 is outside 1-65535.",
                        "Target port 70000 of port 443 is outside 1-65535.", "Port 443 is listed twice.");
        assertThat(ManifestRules.problems(manifest("ns", "svc", List.of())))
                .containsExactly("The Service needs at least one port.");
    }

    @Test
    void severalPortsNeedDistinctNames() {
        assertThat(ManifestRules.problems(manifest("ns", "svc", List.of(ServicePort.tcp(null, 80, 80),
                ServicePort.tcp("web", 443, 443), ServicePort.tcp("web", 8443, 8443)))))
                .containsExactly("Port 80 needs a name: Kubernetes requires names when a Service has more than one "
                        + "port.", "Port name \"web\" is used twice.");
    }

    @Test
    void optionalAnnotationsAreChecked() {
        ServiceManifest manifest = ServiceManifest.of("cluster", "ns", "svc", Map.of("app", "x"),
                List.of(ServicePort.tcp(null, 80, 80)), new CcmAnnotations(FIREWALL, "random", 5, "yes", "soon", "1m"));

        assertThat(ManifestRules.problems(manifest)).hasSize(4);
    }
}
