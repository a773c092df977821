package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.ilbportal.sandbox.civo.SeedWorld;
import dev.ilbportal.support.Browser;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Journeys 1 to 4 through the pages only, as people do them: Alice builds a request in the wizard, cannot approve it,
 * April rejects it with a reason, Alice edits and resubmits, April approves, the portal builds it with live progress,
 * and Alice proves it internal with "Verify now".
 */
class WholeJourneyBrowserTests extends BrowserJourney {

    private static final Pattern REQUEST_PAGE = Pattern.compile(".*/requests/([0-9a-f-]{36})$");

    @Test
    void requestIsBuiltRejectedEditedApprovedProvisionedAndProvenInternal() {
        String name = "ledger-" + Long.toHexString(System.nanoTime()).substring(6);
        Page alice = signedIn("alice");
        alice.locator("a[data-feature='new-request']").first().click();
        alice.selectOption("#networkId", SeedWorld.networkId("LON1", "payments-net"));
        alice.locator("[data-test=continue]").click();
        alice.waitForURL(Pattern.compile(".*/load-balancer$"));
        alice.fill("#name", name);
        alice.selectOption("#targetKind", "INSTANCE_TAGS");
        alice.fill("#targetValues", "payments-api");
        assertThat(alice.locator("[data-instance]")).hasCount(3);
        alice.selectOption("[name='ports[0].protocol']", "TCP");
        alice.fill("[name='ports[0].sourcePort']", "5432");
        alice.fill("[name='ports[0].targetPort']", "5432");
        alice.locator("[data-test=add-port]").click();
        alice.waitForLoadState();
        alice.selectOption("[name='ports[1].protocol']", "HTTP");
        alice.fill("[name='ports[1].sourcePort']", "80");
        alice.fill("[name='ports[1].targetPort']", "8080");
        alice.locator("[data-test=continue]").click();
        alice.waitForURL(Pattern.compile(".*/review$"));
        alice.fill("#justification", "The ledger database, reachable only from the payments network.");
        Browser.screenshot(alice, "whole-1-review");
        alice.locator("[data-test=submit]").click();
        alice.waitForURL(REQUEST_PAGE);
        String requestUrl = alice.url();
        assertThat(alice.locator("[data-test=request-status]")).hasText("Waiting for approval");
        assertThat(alice.locator("[data-test=approve]")).hasCount(0);
        Browser.screenshot(alice, "whole-2-submitted");

        Page april = signedIn("april");
        april.locator("[data-test=navigation] a[data-feature=approval-queue]").click();
        april.locator("[data-test=queue-row]", new Page.LocatorOptions().setHasText(name))
                .locator("[data-test=queue-link]").click();
        april.locator("[data-test=reject-reason]").fill("Use the pooler port 6432, not the primary's 5432.");
        april.locator("[data-test=reject]").click();
        assertThat(april.locator("[data-test=request-status]")).hasText("Rejected");
        Browser.screenshot(april, "whole-3-rejected");

        alice.navigate(requestUrl);
        assertThat(alice.locator("[data-test=decision-reason]")).containsText("6432");
        alice.locator("[data-test=edit]").click();
        alice.waitForURL(Pattern.compile(".*/load-balancer$"));
        alice.fill("[name='ports[0].sourcePort']", "6432");
        alice.fill("[name='ports[0].targetPort']", "6432");
        alice.locator("[data-test=continue]").click();
        alice.waitForURL(Pattern.compile(".*/review$"));
        alice.locator("[data-test=submit]").click();
        alice.waitForURL(REQUEST_PAGE);
        assertThat(alice.locator("[data-test=request-status]")).hasText("Waiting for approval");
        Browser.screenshot(alice, "whole-4-resubmitted");

        april.navigate(requestUrl);
        assertThat(april.locator("[data-test=diff]")).containsText("ports[0].sourcePort");
        april.locator("[data-test=approve]").click();
        assertThat(april.locator("[data-test=request-status]")).hasText("Approved");
        Browser.screenshot(april, "whole-5-approved");

        Locator run = passingRunOfVerifyNowOnceProvisioned(alice, requestUrl, "whole-6-provisioned");
        assertThat(run.locator("[data-check=INSIDE_REACHABLE]")).hasCount(2);
        assertThat(run.locator("[data-check=INSIDE_REACHABLE][data-outcome=PASS]")).hasCount(2);
        Browser.screenshot(alice, "whole-7-verified");
        alice.context().close();
        april.context().close();
    }
}
