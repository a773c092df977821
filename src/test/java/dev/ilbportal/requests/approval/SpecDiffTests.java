package dev.ilbportal.requests.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.CivoJson;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import dev.ilbportal.requests.SubmittedRequests;
import dev.ilbportal.requests.approval.SpecDiff.Change;
import dev.ilbportal.requests.approval.SpecDiff.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecDiffTests {

    private static String json(LoadBalancerSpec spec) {
        return CivoJson.mapper().writeValueAsString(spec);
    }

    @Test
    void identicalSpecsHaveNoChanges() {
        String spec = json(SubmittedRequests.spec("payments-db", "LON1"));
        assertThat(SpecDiff.between(spec, spec).isEmpty()).isTrue();
    }

    @Test
    void changedNestedFieldIsNamedByItsPathWithOldAndNewValue() {
        LoadBalancerSpec before = SubmittedRequests.spec("payments-db", "LON1");
        LoadBalancerSpec after = withPorts(before, List.of(new PortMapping("TCP", 5432, 6432, null, null)));

        assertThat(SpecDiff.between(json(before), json(after)).changes())
                .containsExactly(new Change("ports[0].targetPort", Kind.CHANGED, "5432", "6432"));
    }

    @Test
    void addedAndRemovedArrayElementsAreRowsOfTheirOwn() {
        LoadBalancerSpec before = SubmittedRequests.spec("payments-db", "LON1");
        LoadBalancerSpec after = withPorts(before, List.of(new PortMapping("TCP", 5432, 5432, null, null),
                new PortMapping("UDP", 53, 53, 8053, "/health")));

        assertThat(SpecDiff.between(json(before), json(after)).changes()).containsExactly(
                new Change("ports[1].protocol", Kind.ADDED, null, "UDP"),
                new Change("ports[1].sourcePort", Kind.ADDED, null, "53"),
                new Change("ports[1].targetPort", Kind.ADDED, null, "53"),
                new Change("ports[1].healthCheckPort", Kind.ADDED, null, "8053"),
                new Change("ports[1].healthCheckPath", Kind.ADDED, null, "/health"));
        assertThat(SpecDiff.between(json(after), json(before)).changes())
                .extracting(Change::kind).containsOnly(Kind.REMOVED);
    }

    @Test
    void nullAndEmptyValuesCountAsAbsent() {
        assertThat(SpecDiff.between("{\"a\":null,\"b\":\"\",\"c\":[]}", "{}").isEmpty()).isTrue();
        assertThat(SpecDiff.between("{\"name\":null}", "{\"name\":\"db\"}").changes())
                .containsExactly(new Change("name", Kind.ADDED, null, "db"));
    }

    @Test
    void stringsAreShownWithoutQuotesAndOtherValuesAsJson() {
        assertThat(SpecDiff.between("{\"x\":{\"on\":true,\"n\":\"a\"}}", "{\"x\":{\"on\":false,\"n\":\"b\"}}")
                .changes()).containsExactly(
                new Change("x.on", Kind.CHANGED, "true", "false"),
                new Change("x.n", Kind.CHANGED, "a", "b"));
    }

    @Test
    void countsEveryChangedField() {
        LoadBalancerSpec before = SubmittedRequests.spec("payments-db", "LON1");
        LoadBalancerSpec after = new LoadBalancerSpec("FRA1", before.networkId(), "payments-db2",
                "least_connections", before.firewall(), before.target(), before.ports(), before.advanced(),
                before.justification());

        assertThat(SpecDiff.between(json(before), json(after)).size()).isEqualTo(3);
    }

    private static LoadBalancerSpec withPorts(LoadBalancerSpec spec, List<PortMapping> ports) {
        return new LoadBalancerSpec(spec.region(), spec.networkId(), spec.name(), spec.algorithm(), spec.firewall(),
                spec.target(), ports, spec.advanced(), spec.justification());
    }
}
