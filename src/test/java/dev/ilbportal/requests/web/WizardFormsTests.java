package dev.ilbportal.requests.web;

import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.SpecJson;
import dev.ilbportal.requests.internal.SpecRules;
import dev.ilbportal.requests.internal.WizardStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wizard's form objects: typed strings become a spec the rules can judge, and a saved spec fills the form. */
class WizardFormsTests {

    @Test
    void typedNonNumbersBecomeValuesTheRulesRefuseInsteadOfBindingErrors() {
        LoadBalancerStepForm form = new LoadBalancerStepForm();
        form.setName("payments-api");
        form.setTargetValues("payments-api, prod ,");
        form.getPorts().add(new LoadBalancerStepForm.PortRow());
        form.getPorts().getFirst().setSourcePort("80a");
        form.getPorts().getFirst().setTargetPort("8080");

        LoadBalancerSpec spec = form.applyTo(NetworkStepForm.blankSpec());

        assertThat(spec.target()).isEqualTo(new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS,
                List.of("payments-api", "prod")));
        assertThat(spec.ports().getFirst().sourcePort()).isEqualTo(-1);
        assertThat(SpecRules.check(spec).byField()).containsEntry("ports[0].sourcePort",
                "A port is a number from 1 to 65535.");
    }

    @Test
    void stepTwoFirewallDropdownKeepsStepOnesTypedNameForTheNewFirewall() {
        LoadBalancerSpec fromStepOne = new LoadBalancerSpec("LON1", "net", null, "round_robin",
                FirewallChoice.create("my-fw"), null, List.of(), null, null);
        LoadBalancerStepForm form = LoadBalancerStepForm.of(fromStepOne);

        assertThat(form.getFirewallChoice()).isEqualTo(LoadBalancerStepForm.NEW_FIREWALL);
        assertThat(form.getPorts()).hasSize(1);
        assertThat(form.applyTo(fromStepOne).firewall()).isEqualTo(FirewallChoice.create("my-fw"));

        form.setFirewallChoice("fw-123");
        assertThat(form.applyTo(fromStepOne).firewall()).isEqualTo(FirewallChoice.existing("fw-123"));
    }

    @Test
    void firewallStepWithoutAModeIsReportedBesideTheChoice() {
        NetworkStepForm form = new NetworkStepForm();
        form.setRegion("LON1");
        form.setNetworkId("net");
        form.setFirewallMode(null);

        assertThat(SpecRules.check(form.applyTo(NetworkStepForm.blankSpec())).onlyFields(
                WizardStep.NETWORK.fields()).byField()).containsOnlyKeys("firewallMode");
    }

    @Test
    void specSurvivesTheRoundTripThroughItsStoredJson() {
        LoadBalancerStepForm form = new LoadBalancerStepForm();
        form.setName("payments-api");
        form.setTargetValues("payments-api");
        form.getPorts().add(new LoadBalancerStepForm.PortRow());
        form.getPorts().getFirst().setSourcePort("443");
        form.getPorts().getFirst().setTargetPort("8443");
        form.getPorts().getFirst().setHealthCheckPath("/healthz");
        LoadBalancerSpec spec = form.applyTo(new NetworkStepForm().applyTo(NetworkStepForm.blankSpec()));

        assertThat(SpecJson.read(SpecJson.write(spec))).isEqualTo(spec);
        assertThat(SpecJson.write(spec)).contains("\"networkId\"").contains("\"healthCheckPath\":\"/healthz\"");
    }
}
