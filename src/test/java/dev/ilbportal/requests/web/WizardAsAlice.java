package dev.ilbportal.requests.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.RequestDrafts;
import dev.ilbportal.requests.internal.StepOutcome;
import dev.ilbportal.sandbox.civo.SeedWorld;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The wizard as the web tests go through it: Alice, requester of team payments, has a draft after step 1 (LON1,
 * payments-net, a new firewall), and step 2 (the load balancer) is posted as a browser posts it.
 */
final class WizardAsAlice {

    static final String PAYMENTS_NET = SeedWorld.networkId("LON1", "payments-net");
    static final CurrentUser ALICE = new CurrentUser("alice-test", "Alice Test", null, Set.of(PortalRole.REQUESTER),
            Set.of("payments"));

    private WizardAsAlice() {
    }

    /** Alice's new draft for team payments, saved after step 1: LON1, payments-net, a new internal firewall. */
    static UUID paymentsDraft(RequestDrafts drafts) {
        LoadBalancerSpec spec = new NetworkStepForm().applyTo(NetworkStepForm.blankSpec());
        spec = new LoadBalancerSpec("LON1", PAYMENTS_NET, null, "round_robin", FirewallChoice.create(null), null,
                List.of(), spec.advanced(), null);
        StepOutcome outcome = drafts.startDraft(ALICE, "payments", spec);
        assertThat(outcome.isSaved()).as(outcome.toString()).isTrue();
        return outcome.requestId();
    }

    /**
     * The POST of draft {@code id}'s step 2 with CSRF by {@code person}: a complete, valid form for instances tagged
     * payments-api behind one HTTP port 443 to 8443, under a fresh name, with {@code typed} (field, value, field, …)
     * typed over it.
     */
    static MockHttpServletRequestBuilder loadBalancerStep(UUID id, RequestPostProcessor person, String... typed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "lb-" + UUID.randomUUID().toString().substring(0, 8));
        fields.put("algorithm", "round_robin");
        fields.put("targetKind", "INSTANCE_TAGS");
        fields.put("targetValues", "payments-api");
        fields.put("ports[0].protocol", "HTTP");
        fields.put("ports[0].sourcePort", "443");
        fields.put("ports[0].targetPort", "8443");
        fields.put("ports[0].healthCheckPath", "/healthz");
        fields.put("sessionAffinity", "None");
        fields.put("maxConcurrentRequests", "10000");
        fields.put("clientTimeout", "60s");
        fields.put("serverTimeout", "60s");
        fields.put("firewallChoice", "new");
        for (int i = 0; i + 1 < typed.length; i += 2) {
            fields.put(typed[i], typed[i + 1]);
        }
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/requests/" + id + "/load-balancer")
                .with(csrf()).with(person);
        fields.forEach((field, value) -> request.param(field, value));
        return request;
    }
}
