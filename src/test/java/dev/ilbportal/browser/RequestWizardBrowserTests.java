package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.ilbportal.sandbox.civo.SeedWorld;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.PortalInBrowser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Journey 1 in real Chromium: Alice builds and submits a request; Sam, of another team, never sees it. */
@PortalApplicationTest
class RequestWizardBrowserTests extends PortalInBrowser {

    static final Pattern REQUEST_URL = Pattern.compile(".*/requests/([0-9a-f-]{36})(/.*)?$");

    @Test
    void aliceBuildsAndSubmitsARequestThatSamOfAnotherTeamCannotSee() {
        Page alice = signedIn("alice");
        alice.navigate(portal() + "/");
        alice.locator("a[data-feature='new-request']").first().click();
        alice.waitForURL(portal() + "/requests/new");

        // Step 1: a new internal-only firewall in LON1 / payments-net.
        assertThat(alice.locator("#team")).hasValue("payments");
        assertThat(alice.locator("#region")).hasValue("LON1");
        alice.selectOption("#networkId", SeedWorld.networkId("LON1", "payments-net"));
        assertThat(alice.locator("#firewallId option", new Page.LocatorOptions().setHasText("payments-net-default")))
                .isDisabled();
        assertThat(alice.locator("#firewallModeCreate")).isChecked();
        Browser.screenshot(alice, "wizard-1-firewall");
        alice.locator("[data-test=continue]").click();
        alice.waitForURL(REQUEST_URL.asPredicate());
        assertThat(alice).hasURL(Pattern.compile(".*/load-balancer$"));
        String id = requestId(alice.url());

        // Step 2, first without a name: the message shows beside the field.
        alice.locator("[data-test=continue]").click();
        assertThat(alice.locator("[data-test=error-summary]")).isVisible();
        assertThat(alice.locator("[data-feedback-for=name]")).hasText("Give the load balancer a name.");
        Browser.screenshot(alice, "wizard-2-errors");

        alice.fill("#name", "payments-api");
        alice.selectOption("#targetKind", "INSTANCE_TAGS");
        alice.fill("#targetValues", "payments-api");
        assertThat(alice.locator("[data-instance='payments-1']")).isVisible();
        assertThat(alice.locator("[data-instance]")).hasCount(3);
        alice.selectOption("[name='ports[0].protocol']", "TCP");
        alice.fill("[name='ports[0].sourcePort']", "443");
        alice.fill("[name='ports[0].targetPort']", "8443");
        alice.fill("[name='ports[0].healthCheckPath']", "/healthz");
        alice.locator("[data-test=add-port]").click();
        alice.waitForLoadState();
        assertThat(alice.locator("#name")).hasValue("payments-api");
        alice.selectOption("[name='ports[1].protocol']", "HTTP");
        alice.fill("[name='ports[1].sourcePort']", "80");
        alice.fill("[name='ports[1].targetPort']", "8080");
        assertThat(alice.locator("#firewallChoice")).hasValue("new");
        alice.locator("[data-test=advanced] summary").click();
        assertThat(alice.locator("#maxConcurrentRequests")).hasValue("10000");
        assertThat(alice.locator("[data-instance='payments-1']")).isVisible();
        Browser.screenshot(alice, "wizard-2-load-balancer");
        alice.locator("[data-test=continue]").click();
        alice.waitForURL(portal() + "/requests/" + id + "/review");

        // Step 3: everything in words, the exact calls, the hash.
        assertThat(alice.locator("[data-test=review-ports] li")).hasCount(2);
        assertThat(alice.locator("[data-test=plan]")).containsText("\"create_rules\" : false");
        assertThat(alice.locator("[data-test=plan]")).containsText("\"firewall_id\"");
        assertThat(alice.locator("[data-test=plan-hash]")).hasText(Pattern.compile("[0-9a-f]{64}"));
        alice.fill("#justification", "The payments API needs an internal entry point for the checkout service.");
        Browser.screenshot(alice, "wizard-3-review");
        alice.locator("[data-test=submit]").click();
        alice.waitForURL(portal() + "/requests/" + id);

        alice.navigate(portal() + "/requests");
        assertThat(alice.locator("[data-request='" + id + "']")).containsText("Submitted");
        Browser.screenshot(alice, "wizard-4-list");

        // Sam, requester of team search, neither lists it nor reaches its steps.
        Page sam = signedIn("sam");
        sam.navigate(portal() + "/requests");
        assertThat(sam.locator("[data-request='" + id + "']")).hasCount(0);
        Browser.screenshot(sam, "wizard-5-sam-list");
        for (String step : new String[] {"firewall", "load-balancer", "review"}) {
            Response response = sam.navigate(portal() + "/requests/" + id + "/" + step);
            assertThat(response.status()).as(step).isEqualTo(404);
        }
        Browser.screenshot(sam, "wizard-6-sam-404");
    }

    private static String requestId(String url) {
        Matcher matcher = REQUEST_URL.matcher(url);
        assertThat(matcher.matches()).as(url).isTrue();
        return matcher.group(1);
    }
}
