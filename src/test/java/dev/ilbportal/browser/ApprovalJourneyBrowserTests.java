package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.SubmittedRequests;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.MutableClock;
import dev.ilbportal.support.MutableClockConfiguration;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.PortalInBrowser;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Journey 2, approve: in real Chromium, approvers work the queue and decide; nobody decides on their own request. */
@PortalApplicationTest
@Import(MutableClockConfiguration.class)
class ApprovalJourneyBrowserTests extends PortalInBrowser {

    static final Participant ALICE = new Participant("alice", "Alice Adeyemi");
    static final Participant RILEY = new Participant("riley", "Riley Rao");

    @Autowired
    MutableClock clock;

    /** Stores submitted requests and removes them after each test. */
    @RegisterExtension
    final SubmittedRequests fixture = SubmittedRequests.removedAfterEachTest();

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);

    private UUID alicesRequest(String name, Duration ago) {
        return fixture.store("payments", ALICE, SubmittedRequests.spec(name + "-" + suffix, "LON1"),
                clock.instant().minus(ago));
    }

    @Test
    void approverRejectsFromTheQueueWithAReasonThatTheRequestPageShows() {
        LoadBalancerSpec first = SubmittedRequests.spec("orders-db-" + suffix, "LON1");
        LoadBalancerRequest resubmitted = SubmittedRequests.submitted("payments", ALICE, first,
                clock.instant().minus(Duration.ofHours(27)));
        SubmittedRequests.resubmit(resubmitted, new LoadBalancerSpec(first.region(), first.networkId(), first.name(),
                "least_connections", first.firewall(), first.target(),
                List.of(new LoadBalancerSpec.PortMapping("TCP", 5432, 6432, null, null)), first.advanced(),
                first.justification()), ALICE, clock.instant().minus(Duration.ofHours(26)));
        fixture.store(resubmitted);
        UUID id = alicesRequest("ledger-db", Duration.ofHours(3));
        Page page = signedIn("april");

        page.locator("[data-test=navigation] a[data-feature=approval-queue]").click();
        page.locator("[data-test=filter-team]").selectOption("payments");
        page.locator("[data-test=filter-apply]").click();
        assertThat(page).hasURL(portal() + "/approvals?team=payments&region=");
        assertThat(page.locator("[data-test=queue-row][data-request='" + id + "']")).containsText("Alice Adeyemi");
        assertThat(page.locator("[data-test=changed-marker]").first()).containsText("changed since revision 1");
        assertNoHorizontalScrolling(page);
        Browser.screenshot(page, "approvals-queue");

        page.locator("[data-test=queue-row][data-request='" + id + "'] [data-test=queue-link]").click();
        assertThat(page.locator("[data-test=request-status]")).hasText("Waiting for approval");
        assertThat(page.locator("[data-test=plan]")).containsText("\"create_rules\" : false");
        assertNoHorizontalScrolling(page);
        Browser.screenshot(page, "approvals-request-april");

        decideGivingAReasonOnlyAfterBeingAskedForIt(page, "reject",
                "Port 5432 is for the primary only; point it at the pooler.");
        assertThat(page.locator("[data-test=notice]")).containsText("You rejected revision 1.");
        assertThat(page.locator("[data-test=request-status]")).hasText("Rejected");
        assertThat(page.locator("[data-test=decision-reason]"))
                .hasText("Port 5432 is for the primary only; point it at the pooler.");
        assertThat(page.locator("[data-test=approve]")).hasCount(0);
        Browser.screenshot(page, "approvals-rejected");

        page.navigate(portal() + "/requests/" + resubmitted.id());
        assertThat(page.locator("[data-test=diff]")).containsText("ports[0].targetPort");
        Browser.screenshot(page, "approvals-request-diff");
        page.context().close();
    }

    @Test
    void requesterCannotApproveHerOwnRequestButCanWithdrawItAfterConfirming() {
        UUID id = alicesRequest("cache", Duration.ofMinutes(20));
        Page page = requestPageAs("alice", id);

        assertThat(page.locator("[data-test=request-status]")).hasText("Waiting for approval");
        assertThat(page.locator("[data-test=approve]")).hasCount(0);
        assertThat(page.locator("[data-test=reject]")).hasCount(0);
        assertThat(page.locator("[data-test=withdraw-confirm]")).not().isVisible();
        Browser.screenshot(page, "approvals-request-alice");

        page.locator("[data-test=withdraw-start]").click();
        assertThat(page.locator("[data-test=withdraw-confirm]")).isVisible();
        page.locator("[data-test=withdraw-confirm]").click();
        assertThat(page.locator("[data-test=request-status]")).hasText("Withdrawn");
        assertThat(page.locator("[data-test=notice]")).containsText("You withdrew this request.");
        Browser.screenshot(page, "approvals-withdrawn");
        page.context().close();
    }

    @Test
    void approverWhoAskedForTheRequestSeesWhyTheyCannotDecide() {
        UUID id = fixture.store("payments", RILEY, SubmittedRequests.spec("search-index-" + suffix, "LON1"),
                clock.instant().minus(Duration.ofMinutes(5)));
        Page page = requestPageAs("riley", id);

        assertThat(page.locator("[data-test=why-no-decision]"))
                .hasText("You asked for this load balancer, so you cannot decide on it.");
        assertThat(page.locator("[data-test=approve]")).hasCount(0);
        Browser.screenshot(page, "approvals-request-riley-own");
        page.context().close();
    }

    @Test
    void adminOverrideNeedsAReason() {
        UUID id = alicesRequest("urgent-db", Duration.ofDays(6));
        Page page = requestPageAs("adam", id);

        assertThat(page.locator("[data-test=approve]")).hasCount(0);
        decideGivingAReasonOnlyAfterBeingAskedForIt(page, "override",
                "Both approvers are away; incident INC-42 needs it now.");
        assertThat(page.locator("[data-test=request-status]")).hasText("Approved");
        assertThat(page.locator("[data-test=decision][data-outcome=OVERRIDE_APPROVED]"))
                .containsText("Both approvers are away; incident INC-42 needs it now.");
        Browser.screenshot(page, "approvals-override-done");
        page.context().close();
    }

    /**
     * Clicks {@code decision} without a reason: refused with the message beside the field, the request still waiting;
     * then gives {@code reason} and clicks again.
     */
    private static void decideGivingAReasonOnlyAfterBeingAskedForIt(Page page, String decision, String reason) {
        page.locator("[data-test=" + decision + "]").click();
        assertThat(page.locator("[data-test=" + decision + "-reason-error]")).containsText("A reason is required");
        assertThat(page.locator("[data-test=request-status]")).hasText("Waiting for approval");
        Browser.screenshot(page, "approvals-" + decision + "-needs-reason");

        page.locator("[data-test=" + decision + "-reason]").fill(reason);
        page.locator("[data-test=" + decision + "]").click();
    }

    private Page requestPageAs(String username, UUID id) {
        Page page = signedIn(username);
        page.navigate(portal() + "/requests/" + id);
        return page;
    }

    private static void assertNoHorizontalScrolling(Page page) {
        assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
    }
}
