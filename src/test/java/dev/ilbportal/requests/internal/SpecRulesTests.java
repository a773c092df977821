package dev.ilbportal.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecRulesTests {

    private static final BackendTarget TAGS = new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("payments-api"));
    private static final List<PortMapping> ONE_PORT = List.of(new PortMapping("TCP", 443, 8443, null, "/healthz"));

    private static LoadBalancerSpec valid() {
        return new LoadBalancerSpec("LON1", "net-1", "payments-api", "round_robin", FirewallChoice.create(""), TAGS,
                ONE_PORT, AdvancedSettings.defaults(), "why");
    }

    private static LoadBalancerSpec withName(String name) {
        LoadBalancerSpec v = valid();
        return new LoadBalancerSpec(v.region(), v.networkId(), name, v.algorithm(), v.firewall(), v.target(), v.ports(),
                v.advanced(), v.justification());
    }

    private static LoadBalancerSpec withPorts(PortMapping... ports) {
        LoadBalancerSpec v = valid();
        return new LoadBalancerSpec(v.region(), v.networkId(), v.name(), v.algorithm(), v.firewall(), v.target(),
                List.of(ports), v.advanced(), v.justification());
    }

    private static LoadBalancerSpec withAdvanced(AdvancedSettings advanced) {
        LoadBalancerSpec v = valid();
        return new LoadBalancerSpec(v.region(), v.networkId(), v.name(), v.algorithm(), v.firewall(), v.target(),
                v.ports(), advanced, v.justification());
    }

    @Test
    void completeSpecHasNoProblems() {
        assertThat(SpecRules.checkForSubmission(valid()).isEmpty()).isTrue();
    }

    @Test
    void nameOfSixtyFourCharactersIsRefusedWithItsLength() {
        var problems = SpecRules.check(withName("a".repeat(64))).byField();
        assertThat(problems).containsKey("name");
        assertThat(problems.get("name")).contains("at most 63").contains("64");
        assertThat(SpecRules.check(withName("a".repeat(54))).has("name")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Payments", "payments_api", "-payments", "payments-", "pay ments", "päy"})
    void namesCivoWouldRefuseAreRefused(String name) {
        assertThat(SpecRules.check(withName(name)).has("name")).isTrue();
    }

    @Test
    void defaultFirewallNameMustFitToo() {
        assertThat(SpecRules.check(withName("a".repeat(60))).byField()).containsKey("firewallName");
    }

    @Test
    void existingFirewallMustBeChosen() {
        LoadBalancerSpec v = valid();
        LoadBalancerSpec spec = new LoadBalancerSpec(v.region(), v.networkId(), v.name(), v.algorithm(),
                FirewallChoice.existing(""), v.target(), v.ports(), v.advanced(), v.justification());
        assertThat(SpecRules.check(spec).has("firewallId")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, 70000})
    void portsOutsideOneTo65535AreRefused(int port) {
        var problems = SpecRules.check(withPorts(new PortMapping("TCP", port, port, port, null)));
        assertThat(problems.byField()).containsKeys("ports[0].sourcePort", "ports[0].targetPort",
                "ports[0].healthCheckPort");
    }

    @Test
    void duplicateSourcePortIsRefusedOnTheSecondRow() {
        var problems = SpecRules.check(withPorts(new PortMapping("TCP", 443, 8443, null, null),
                new PortMapping("TCP", 443, 9443, null, null)));
        assertThat(problems.byField()).containsOnlyKeys("ports[1].sourcePort");
        assertThat(problems.byField().get("ports[1].sourcePort")).contains("443");
    }

    @Test
    void atLeastOnePortIsNeeded() {
        assertThat(SpecRules.check(withPorts()).has("ports")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"healthz", "/health check", "/" + "x" + "/a b"})
    void healthCheckPathMustBeAPath(String path) {
        assertThat(SpecRules.check(withPorts(new PortMapping("TCP", 80, 80, null, path)))
                .has("ports[0].healthCheckPath")).isTrue();
    }

    @Test
    void unknownProtocolIsRefused() {
        assertThat(SpecRules.check(withPorts(new PortMapping("SCTP", 80, 80, null, null))).has("ports[0].protocol"))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5000, 15000, 60000, 100000})
    void maxConcurrentRequestsOnlyInStepsOfTenThousand(int value) {
        assertThat(SpecRules.check(withAdvanced(new AdvancedSettings("None", null, "", value, "60s", "60s")))
                .has("maxConcurrentRequests")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"60", "0s", "1d", "sixty", "-5s"})
    void timeoutsMustBeDurations(String timeout) {
        var problems = SpecRules.check(withAdvanced(new AdvancedSettings("None", null, "", 10000, timeout, timeout)));
        assertThat(problems.byField()).containsKeys("clientTimeout", "serverTimeout");
    }

    @Test
    void clientIpAffinityNeedsATimeoutAndProxyProtocolMustBeKnown() {
        var problems = SpecRules.check(withAdvanced(new AdvancedSettings("ClientIP", null, "send-proxy-v3", 10000,
                "60s", "60s")));
        assertThat(problems.byField()).containsKeys("sessionAffinityTimeout", "proxyProtocol");
    }

    @Test
    void backendIpsMustBeIpv4Addresses() {
        LoadBalancerSpec v = valid();
        LoadBalancerSpec spec = new LoadBalancerSpec(v.region(), v.networkId(), v.name(), v.algorithm(), v.firewall(),
                new BackendTarget(BackendTarget.Kind.BACKEND_IPS, List.of("10.20.0.11", "10.20.0.300")), v.ports(),
                v.advanced(), v.justification());
        assertThat(SpecRules.check(spec).byField().get("targetValues")).contains("10.20.0.300");
    }

    @Test
    void emptyTargetIsRefused() {
        LoadBalancerSpec v = valid();
        LoadBalancerSpec spec = new LoadBalancerSpec(v.region(), v.networkId(), v.name(), v.algorithm(), v.firewall(),
                new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of()), v.ports(), v.advanced(),
                v.justification());
        assertThat(SpecRules.check(spec).has("targetValues")).isTrue();
    }

    @Test
    void submissionNeedsAJustificationButADraftDoesNot() {
        LoadBalancerSpec v = valid();
        LoadBalancerSpec spec = new LoadBalancerSpec(v.region(), v.networkId(), v.name(), v.algorithm(), v.firewall(),
                v.target(), v.ports(), v.advanced(), " ");
        assertThat(SpecRules.check(spec).has("justification")).isFalse();
        assertThat(SpecRules.checkForSubmission(spec).has("justification")).isTrue();
    }

    @Test
    void unknownAlgorithmIsRefused() {
        LoadBalancerSpec v = valid();
        LoadBalancerSpec spec = new LoadBalancerSpec(v.region(), v.networkId(), v.name(), "round-robin", v.firewall(),
                v.target(), v.ports(), v.advanced(), v.justification());
        assertThat(SpecRules.check(spec).has("algorithm")).isTrue();
    }
}
