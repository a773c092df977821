package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.Poll;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Journey: remediation. A provisioned load balancer's firewall is opened by hand through the sandbox's Civo API; the
 * team sees it exposed, reads the restore plan (the rule's delete by id) and asks; an approver approves; the rule is
 * gone from Civo and the load balancer is proven again.
 */
class RemediationJourneyBrowserTests extends BrowserJourney {

    @Test
    void teamAsksToRestoreAnOpenedFirewallApproverApprovesRuleIsGoneAndTheLoadBalancerIsProvenAgain() {
        String name = ApprovedRequestFixture.uniqueName("restored");
        UUID requestId = approvedRequest(name);
        InternalLoadBalancer lb = Poll.untilPresent("the first run on the load balancer of request " + requestId,
                Duration.ofSeconds(60), () -> inventory.findByRequestId(requestId)
                        .filter(found -> found.lastVerification() != null));
        String ruleId = openPort443ByHand(lb).id();

        Page alice = signedIn("alice");
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

        Page april = signedIn("april");
        april.navigate(portal() + "/requests/" + restoreRequest);
        assertThat(april.locator("[data-test=plan]")).containsText("/rules/" + ruleId);
        april.locator("[data-test=approve]").click();
        assertThat(april.locator("[data-test=request-status]")).hasText("Approved");
        Browser.screenshot(april, "remediation-4-approved");

        Poll.until("the opened rule deleted from Civo", Duration.ofSeconds(30),
                () -> civo.listFirewallRules("LON1", lb.firewallId()).isEmpty());
        Poll.untilPresent(lb.name() + " proven again", Duration.ofSeconds(30),
                () -> inventory.findById(lb.id()).filter(found -> "PROVEN".equals(found.proofStatus())));
        alice.navigate(portal() + "/verification/load-balancers/" + lb.id());
        assertThat(alice.locator("[data-test=drifted]")).hasCount(0);
        assertThat(alice.locator("[data-test=proof-status]").first()).containsText("Proven");
        Browser.screenshot(alice, "remediation-5-proven");
        assertThat(civo.listFirewallRules("LON1", lb.firewallId())).isEmpty();
        alice.context().close();
        april.context().close();
    }
}
