package dev.ilbportal.requests.web;

import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.SpecJson;
import dev.ilbportal.requests.internal.SpecRules;
import dev.ilbportal.requests.internal.WizardStep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.SpecProblems;
import java.util.List;
import java.util.Map;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.bind.WebDataBinder;
import org.junit.jupiter.api.Test;

/** The wizard's form objects: bound input becomes a spec the rules can judge, and a saved spec fills the form. */
class WizardFormsTests {

    @Test
    void aNonNumberInANumberFieldIsRefusedByTheBinderWithItsMessageAndShownBackAsTyped() {
        LoadBalancerStepForm form = new LoadBalancerStepForm();
        WebDataBinder binder = new WebDataBinder(form, "form");
        binder.bind(new MutablePropertyValues(Map.of("name", "payments-api",
                "targetValues", "payments-api, prod ,", "ports[0].sourcePort", "80a",
                "ports[0].targetPort", "8080", "ports[0].healthCheckPort", "9x")));
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");

        RefusedInput refused = RefusedInput.of(binder.getBindingResult(), messages);

        assertThat(form.getPorts().getFirst().getSourcePort()).as("no made-up number").isNull();
        assertThat(form.getPorts().getFirst().getTargetPort()).isEqualTo(8080);
        assertThat(refused.of("ports[0].sourcePort", null)).isEqualTo("80a");
        assertThat(refused.of("ports[0].targetPort", 8080)).isEqualTo(8080);
        assertThat(refused.withRulesProblems(new SpecProblems()).byField())
                .containsEntry("ports[0].sourcePort", "A port is a number from 1 to 65535.")
                .containsEntry("ports[0].healthCheckPort", "A port is a number from 1 to 65535.");
        LoadBalancerSpec spec = form.applyTo(NetworkStepForm.blankSpec());
        assertThat(spec.target()).isEqualTo(new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS,
                List.of("payments-api", "prod")));
        assertThat(spec.ports().getFirst().healthCheckPort()).isNull();
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
        form.getPorts().getFirst().setSourcePort(443);
        form.getPorts().getFirst().setTargetPort(8443);
        form.getPorts().getFirst().setHealthCheckPath("/healthz");
        LoadBalancerSpec spec = form.applyTo(new NetworkStepForm().applyTo(NetworkStepForm.blankSpec()));

        assertThat(SpecJson.read(SpecJson.write(spec))).isEqualTo(spec);
        assertThat(SpecJson.write(spec)).contains("\"networkId\"").contains("\"healthCheckPath\":\"/healthz\"");
    }
}
