package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.ilbportal.sandbox.civo.SeedWorld;
import dev.ilbportal.support.Browser;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes target in a real browser: Alice asks for a Service in the sandbox's cluster, the review shows the
 * manifest with the firewall annotation, April approves, the portal applies the Service and adopts the load balancer
 * Civo's controller builds, and verification proves it internal and sees the Service carry its IP.
 */
class KubernetesJourneyBrowserTests extends BrowserJourney {

    @Test
    void serviceTargetIsReviewedAsAManifestApprovedBuiltByTheControllerAndVerified() {
        String name = "web-" + Long.toHexString(System.nanoTime()).substring(8);
        Page alice = signedIn("alice");
        alice.navigate(portal() + "/requests/new");
        alice.selectOption("#networkId", SeedWorld.networkId("LON1", "default"));
        alice.locator("[data-test=continue]").click();
        alice.waitForURL(Pattern.compile(".*/load-balancer$"));
        alice.fill("#name", name);
        alice.selectOption("#targetKind", "KUBERNETES_SERVICE");
        alice.selectOption("#clusterId", SeedWorld.clusterId("LON1", "prod-cluster"));
        alice.fill("#namespace", "payments");
        alice.fill("#selector", "app=web");
        alice.selectOption("[name='ports[0].protocol']", "TCP");
        alice.fill("[name='ports[0].sourcePort']", "80");
        alice.fill("[name='ports[0].targetPort']", "8080");
        Browser.screenshot(alice, "kubernetes-1-target");
        alice.locator("[data-test=continue]").click();
        alice.waitForURL(Pattern.compile(".*/review$"));
        assertThat(alice.locator("[data-test=manifest]")).containsText("kubernetes.civo.com/firewall-id");
        assertThat(alice.locator("[data-test=manifest]")).containsText("LoadBalancer");
        alice.fill("#justification", "The shop's web tier, for the checkout service inside the network.");
        Browser.screenshot(alice, "kubernetes-2-review-manifest");
        alice.locator("[data-test=submit]").click();
        alice.waitForURL(Pattern.compile(".*/requests/[0-9a-f-]{36}$"));
        String requestUrl = alice.url();

        Page april = signedIn("april");
        april.navigate(requestUrl);
        april.locator("[data-test=approve]").click();
        assertThat(april.locator("[data-test=request-status]")).hasText("Approved");
        april.context().close();

        Locator run = passingRunOfVerifyNowOnceProvisioned(alice, requestUrl, "kubernetes-3-provisioned");
        assertThat(run.locator("[data-check=SERVICE_SHOWS_LOAD_BALANCER_IP]")).hasAttribute("data-outcome", "PASS");
        Browser.screenshot(alice, "kubernetes-4-verified");
        alice.context().close();
    }
}
