package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.sandbox.civo.SandboxFaults;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.SandboxSignIn;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Journeys 3 to 5 in a real browser: an approved request provisions with live progress, the load balancer is proven
 * internal, is exposed (drifts) when its firewall is opened by hand and is proven again, and is decommissioned.
 */
class ProvisioningJourneyBrowserTests extends BrowserJourney {

    @Autowired
    LoadBalancerRequests requests;
    @Autowired
    RequestWorkflow workflow;
    @Autowired
    CivoClient civo;
    @Autowired
    Inventory inventory;
    @Autowired
    SandboxFaults faults;


    @Test
    void approvedRequestIsBuiltWithLiveProgressProvenInternalDriftsRecoversAndIsDecommissioned() {
        String name = ApprovedRequestFixture.uniqueName("journey");
        // Held pending until the page has shown the live progress: on a busy machine the 3 s delay alone can pass
        // before the page is open.
        faults.keepPending(name);
        UUID requestId = new ApprovedRequestFixture(requests, workflow, civo).approve(
                new ApprovedRequestFixture(requests, workflow, civo).spec(name, FirewallChoice.create("")));

        Page page = browser.newPage();
        SandboxSignIn.as(page, portal(), "alice");
        page.navigate(portal() + "/requests/" + requestId);
        assertThat(page.locator("[data-test=provisioning]")).isVisible();
        Browser.screenshot(page, "journey-0-request-page-with-progress");
        page.navigate(portal() + "/provisioning/requests/" + requestId);
        assertThat(page.locator("[data-test=provisioning-status]")).containsText("In progress");
        assertThat(page.locator("[data-step=WAIT_UNTIL_AVAILABLE]")).hasAttribute("data-state", "waiting",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
        Browser.screenshot(page, "journey-1-provisioning-live");
        faults.clear();

        assertThat(page.locator("[data-test=provisioning-status]")).containsText("Succeeded",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        assertThat(page.locator("[data-test=provisioning-addresses]")).containsText("10.20.0.");
        Browser.screenshot(page, "journey-2-provisioned");

        page.navigate(portal() + "/inventory");
        assertThat(page.locator("[data-lb='" + name + "']")).isVisible();
        Browser.screenshot(page, "journey-3-inventory");

        InternalLoadBalancer lb = inventory.findByRequestId(requestId).orElseThrow();
        page.navigate(portal() + "/verification/load-balancers/" + lb.id());
        page.locator("[data-test=verify-now]").click();
        assertThat(page.locator("[data-test=run]").first()).hasAttribute("data-outcome", "PASS");
        assertThat(page.locator("[data-test=run]").first().locator("[data-check=OUTSIDE_UNREACHABLE]"))
                .hasAttribute("data-outcome", "PASS");
        Browser.screenshot(page, "journey-4-verified");

        FirewallRule opened = civo.createFirewallRule(lb.firewallId(), new FirewallRuleCreateRequest(lb.firewallId(),
                "LON1", "tcp", "443", "443", null, List.of("0.0.0.0/0"), "ingress", "allow", "opened by hand"));
        page.locator("[data-test=verify-now]").click();
        assertThat(page.locator("[data-test=drifted]")).isVisible();
        assertThat(page.locator("[data-test=run]").first().locator("[data-check=NO_INGRESS_RULES]"))
                .containsText("0.0.0.0/0");
        Browser.screenshot(page, "journey-5-drifted");
        page.navigate(portal() + "/");
        assertThat(page.locator("[data-test=drift-alert]")).containsText(name);
        page.navigate(portal() + "/inventory");
        assertThat(page.locator("[data-lb='" + name + "'] [data-test=inventory-status]")).containsText("Active");
        assertThat(page.locator("[data-lb='" + name + "'] [data-test=proof-status]")).containsText("Exposed");
        Browser.screenshot(page, "journey-5b-drift-on-inventory");
        page.navigate(portal() + "/verification/load-balancers/" + lb.id());

        civo.deleteFirewallRule("LON1", lb.firewallId(), opened.id());
        page.locator("[data-test=verify-now]").click();
        assertThat(page.locator("[data-test=lb-status]")).containsText("Active");
        assertThat(page.locator("[data-test=proof-status]")).containsText("Proven");
        assertThat(page.locator("[data-test=chart] rect").count()).as("one bar per run").isGreaterThanOrEqualTo(3);
        Browser.screenshot(page, "journey-6-recovered");

        page.navigate(portal() + "/inventory/" + lb.id() + "/decommission");
        page.locator("#reason").fill("The ledger moved to the new cluster");
        page.locator("[data-test=request-decommission]").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/requests/[0-9a-f-]{36}$"));
        UUID decommission = UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));
        Browser.screenshot(page, "journey-7-decommission-requested");
        page.context().close();

        var request = requests.findById(decommission).orElseThrow();
        workflow.approve(decommission, request.version(), 1, dev.ilbportal.provisioning.DecommissioningPlans.hashOf(lb),
                ApprovedRequestFixture.APRIL);
        Page admin = browser.newPage();
        SandboxSignIn.as(admin, portal(), "adam");
        admin.navigate(portal() + "/provisioning/requests/" + decommission);
        assertThat(admin.locator("[data-test=provisioning-status]")).containsText("Succeeded",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        Browser.screenshot(admin, "journey-8-decommissioned");
        assertThat(inventory.findById(lb.id()).orElseThrow().status())
                .isEqualTo(InternalLoadBalancer.Status.DECOMMISSIONED);
        assertThat(request.kind()).isEqualTo(dev.ilbportal.requests.RequestKind.DECOMMISSION);
        admin.context().close();
    }
}
