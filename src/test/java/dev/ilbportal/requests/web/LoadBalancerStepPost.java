package dev.ilbportal.requests.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Step 2 of the wizard (the load balancer) as a browser posts it: a complete, valid form for instances tagged
 * payments-api behind one HTTP port 443 to 8443, under a fresh name, with the fields a test types over it.
 */
final class LoadBalancerStepPost {

    private LoadBalancerStepPost() {
    }

    /** The POST of draft {@code id}'s step 2 with CSRF by {@code person}; {@code typed} is field, value, field, …. */
    static MockHttpServletRequestBuilder posted(UUID id, RequestPostProcessor person, String... typed) {
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
