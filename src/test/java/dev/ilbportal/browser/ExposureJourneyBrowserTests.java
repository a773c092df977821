package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.Poll;
import dev.ilbportal.verification.internal.VerificationSchedule;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A firewall opened by hand right after provisioning: the watch of Civo's side finds it, the load balancer shows
 * Exposed on home and on the inventory, and the team's mail about it arrives in the sandbox mailbox.
 */
class ExposureJourneyBrowserTests extends BrowserJourney {

    @Autowired
    VerificationSchedule schedule;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void firewallOpenedByHandRightAfterProvisioningShowsExposedAndMailsTheTeam() throws Exception {
        Page page = signedIn("alice");
        String name = ApprovedRequestFixture.uniqueName("opened");
        UUID requestId = approvedRequest(name);
        InternalLoadBalancer lb = Poll.untilPresent("the load balancer of request " + requestId, Duration.ofSeconds(30),
                () -> inventory.findByRequestId(requestId));
        // the verification right after provisioning has passed: the firewall is opened after it, so what finds the
        // rule is the watch (a race with that first run would find the open port from outside instead)
        Poll.untilPresent("the load balancer of request " + requestId + " proven", Duration.ofSeconds(60),
                () -> inventory.findByRequestId(requestId).filter(found -> "PROVEN".equals(found.proofStatus())));

        openPort443ByHand(lb);
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
                // a mail to someone of team payments (Alice or Riley): every test context on the shared database
                // runs a dispatcher, and another context's may send one of them to its own mail catcher
                .filter(new Locator.FilterOptions().setHasText("@payments.example"));
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
}
