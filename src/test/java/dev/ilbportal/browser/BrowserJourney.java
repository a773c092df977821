package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.PortalInBrowser;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A journey in real Chromium against the whole portal running its sandbox by itself (one shared context): its
 * schedules provision approved requests and verify what they build.
 */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:live-sandbox.properties")
abstract class BrowserJourney extends PortalInBrowser {

    @Autowired
    ApplicationContext context;
    @Autowired
    CivoClient civo;
    @Autowired
    Inventory inventory;

    /**
     * Alice's request for a payments load balancer named {@code name} with a new firewall, approved by April: the
     * portal's own schedule provisions it from here.
     */
    UUID approvedRequest(String name) {
        ApprovedRequestFixture fixture = ApprovedRequestFixture.of(context);
        return fixture.approve(fixture.spec(name, FirewallChoice.create("")));
    }

    /**
     * Opens the request page and waits (30 s at most) until provisioning has succeeded, then opens the load
     * balancer's verification page and runs "Verify now": the newest run, which passed.
     */
    Locator passingRunOfVerifyNowOnceProvisioned(Page page, String requestUrl, String screenshotWhenProvisioned) {
        page.navigate(requestUrl);
        assertThat(page.locator("[data-test=provisioning-status]")).containsText("Succeeded",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        Browser.screenshot(page, screenshotWhenProvisioned);
        page.locator("[data-test=verification-link] a").click();
        page.locator("[data-test=verify-now]").click();
        Locator run = page.locator("[data-test=run]").first();
        assertThat(run).hasAttribute("data-outcome", "PASS");
        return run;
    }

    /** Adds the rule people add by hand when they open a firewall: TCP 443 from anywhere. */
    FirewallRule openPort443ByHand(InternalLoadBalancer lb) {
        return civo.createFirewallRule(lb.firewallId(), new FirewallRuleCreateRequest(lb.firewallId(), "LON1", "tcp",
                "443", "443", null, List.of("0.0.0.0/0"), "ingress", "allow", "opened by hand"));
    }
}
