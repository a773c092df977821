package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.SandboxSignIn;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Journey: remediation. A provisioned load balancer's firewall is opened by hand through the sandbox's Civo API; the
 * team sees it exposed, reads the restore plan (the rule's delete by id) and asks; an approver approves; the rule is
 * gone from Civo and the load balancer is proven again.
 */
class RemediationJourneyBrowserTests extends BrowserJourney {

    @Autowired
    LoadBalancerRequests requests;
    @Autowired
    RequestWorkflow workflow;
    @Autowired
    CivoClient civo;
    @Autowired
    Inventory inventory;

    @Test
    void teamAsksToRestoreAnOpenedFirewallApproverApprovesRuleIsGoneAndTheLoadBalancerIsProvenAgain() {
        String name = ApprovedRequestFixture.uniqueName("restored");
        ApprovedRequestFixture fixture = new ApprovedRequestFixture(requests, workflow, civo);
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        InternalLoadBalancer lb = waitFor(() -> inventory.findByRequestId(requestId)
                .filter(found -> found.lastVerification() != null), 60_000);
        String ruleId = civo.createFirewallRule(lb.firewallId(), new FirewallRuleCreateRequest(lb.firewallId(), "LON1",
                "tcp", "443", "443", null, List.of("0.0.0.0/0"), "ingress", "allow", "opened by hand")).id();

        Page alice = browser.newPage();
        SandboxSignIn.as(alice, portal(), "alice");
        alice.navigate(portal() + "/verification/load-balancers/" + lb.id());
        alice.locator("[data-test=verify-now]").click();
        assertThat(alice.locator("[data-test=drifted]")).containsText("Exposed");
        Browser.screenshot(alice, "remediation-1-exposed");

        alice.locator("[data-test=restore-firewall]").click();
        assertThat(alice.locator("[data-test=restore-plan] li")).hasCount(2);
        assertThat(alice.locator("[data-test=restore-plan] li").first())
                .containsText("DELETE /v2/firewalls/" + lb.firewallId() + "/rules/" + ruleId);
        Browser.screenshot(alice, "remediation-2-plan");
        alice.locator("#reason").fill("Port 443 was opened by hand during an incident.");
        alice.locator("[data-test=request-restore]").click();
        assertThat(alice.locator("[data-test=request-status]")).hasText("Waiting for approval");
        assertThat(alice.locator("[data-test=approve]")).hasCount(0);
        String restoreRequest = alice.url().replaceAll(".*/requests/", "").replaceAll("[?#].*", "");
        Browser.screenshot(alice, "remediation-3-asked");

        Page april = browser.newPage();
        SandboxSignIn.as(april, portal(), "april");
        april.navigate(portal() + "/requests/" + restoreRequest);
        assertThat(april.locator("[data-test=plan]")).containsText("/rules/" + ruleId);
        april.locator("[data-test=approve]").click();
        assertThat(april.locator("[data-test=request-status]")).hasText("Approved");
        Browser.screenshot(april, "remediation-4-approved");

        waitFor(() -> Optional.of(civo.listFirewallRules("LON1", lb.firewallId()))
                .filter(List::isEmpty), 30_000);
        waitFor(() -> inventory.findById(lb.id()).filter(found -> "PROVEN".equals(found.proofStatus())), 30_000);
        alice.navigate(portal() + "/verification/load-balancers/" + lb.id());
        assertThat(alice.locator("[data-test=drifted]")).hasCount(0);
        assertThat(alice.locator("[data-test=proof-status]").first()).containsText("Proven");
        Browser.screenshot(alice, "remediation-5-proven");
        assertThat(civo.listFirewallRules("LON1", lb.firewallId())).isEmpty();
        alice.context().close();
        april.context().close();
    }

    private static <T> T waitFor(Supplier<Optional<T>> lookup, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            Optional<T> found = lookup.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("not there within " + millis + " ms");
    }
}
