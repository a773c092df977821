package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallRulesTests {

    private static FirewallRule rule(String direction) {
        return new FirewallRule("r-" + direction, "fw-1", "tcp", "443", "443", "443", List.of("0.0.0.0/0"),
                direction, "allow", null);
    }

    @Test
    void aFirewallWithOnlyEgressRulesIsInternalOnly() {
        FirewallRules rules = FirewallRules.of(List.of(rule("egress"), rule("EGRESS")));

        assertThat(rules.isInternalOnly()).isTrue();
        assertThat(rules.ingress()).isEmpty();
    }

    @Test
    void oneIngressRuleInEitherCaseMakesItNotInternal() {
        FirewallRules rules = FirewallRules.of(List.of(rule("egress"), rule("Ingress"), rule("ingress")));

        assertThat(rules.isInternalOnly()).isFalse();
        assertThat(rules.ingress()).extracting(FirewallRule::direction).containsExactly("Ingress", "ingress");
    }

    @Test
    void noRulesAtAllIsInternalOnly() {
        assertThat(FirewallRules.of(null).isInternalOnly()).isTrue();
    }
}
