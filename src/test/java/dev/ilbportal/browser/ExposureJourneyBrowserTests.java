package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.SandboxSignIn;
import dev.ilbportal.verification.internal.VerificationSchedule;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A firewall opened by hand right after provisioning: the watch of Civo's side finds it, the load balancer shows
 * Exposed on home and on the inventory, and the team's mail about it arrives in the sandbox mailbox.
 */
class ExposureJourneyBrowserTests extends BrowserJourney {

    @Autowired
    LoadBalancerRequests requests;
    @Autowired
    RequestWorkflow workflow;
    @Autowired
    CivoClient civo;
    @Autowired
    Inventory inventory;
    @Autowired
    VerificationSchedule schedule;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void firewallOpenedByHandRightAfterProvisioningShowsExposedAndMailsTheTeam() throws Exception {
        Page page = browser.newPage();
        SandboxSignIn.as(page, portal(), "alice");
        String name = ApprovedRequestFixture.uniqueName("opened");
        ApprovedRequestFixture fixture = new ApprovedRequestFixture(requests, workflow, civo);
        UUID requestId = fixture.approve(fixture.spec(name, FirewallChoice.create("")));
        InternalLoadBalancer lb = waitFor(() -> inventory.findByRequestId(requestId), 30_000);
        // the verification right after provisioning has passed: the firewall is opened after it, so what finds the
        // rule is the watch (a race with that first run would find the open port from outside instead)
        waitFor(() -> inventory.findByRequestId(requestId).filter(found -> "PROVEN".equals(found.proofStatus())),
                60_000);

        civo.createFirewallRule(lb.firewallId(), new FirewallRuleCreateRequest(lb.firewallId(), "LON1", "tcp", "443",
                "443", null, List.of("0.0.0.0/0"), "ingress", "allow", "opened by hand"));
        schedule.watch();

        page.navigate(portal() + "/");
        assertThat(page.locator("[data-test=drift-alert] [data-lb='" + name + "'] [data-test=proof-status]"))
                .containsText("Exposed");
        Browser.screenshot(page, "exposure-1-home");
        page.navigate(portal() + "/inventory");
        Locator row = page.locator("[data-test=inventory] [data-lb='" + name + "']");
        assertThat(row.locator("[data-test=proof-status]")).containsText("Exposed");
        assertThat(row.locator("[data-test=inventory-status]")).containsText("Active");
        Browser.screenshot(page, "exposure-2-inventory");

        Locator mail = page.locator("[data-test=mail]")
                .filter(new Locator.FilterOptions().setHasText(name + " is exposed"))
                .filter(new Locator.FilterOptions().setHasText("alice@payments.example"));
        long deadline = System.currentTimeMillis() + 60_000;
        do {
            // the outbox is shared by every test context on the database: send the whole backlog, not one batch
            while (dev.ilbportal.notifications.DueMail.send(context) > 0 && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            page.navigate(portal() + "/sandbox/mailbox");
        } while (mail.count() == 0 && System.currentTimeMillis() < deadline && pause());
        assertThat(mail.first().locator("[data-test=mail-subject]")).containsText(name + " is exposed");
        assertThat(mail.first().locator("[data-test=mail-body]")).containsText("NO_INGRESS_RULES");
        Browser.screenshot(page, "exposure-3-team-mail");
        page.context().close();
    }

    private static boolean pause() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static <T> T waitFor(java.util.function.Supplier<Optional<T>> lookup, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            Optional<T> found = lookup.get();
            if (found.isPresent()) {
                return found.get();
            }
            pause();
        }
        throw new AssertionError("not there within " + millis + " ms");
    }
}
