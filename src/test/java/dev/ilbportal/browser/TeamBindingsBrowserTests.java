package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.SubmittedRequests;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import dev.ilbportal.sandbox.civo.SeedWorld;
import dev.ilbportal.support.Browser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Team bindings in a real browser, with the sandbox's bindings (payments: payments-net and default; search:
 * search-net and default): Sam of team search is refused payments-net beside the network field, and an approver
 * sees the warning on the request of a team that has no binding.
 */
class TeamBindingsBrowserTests extends BrowserJourney {

    @Autowired
    LoadBalancerRequests requests;

    SubmittedRequests submitted;

    @AfterEach
    void removeRequests() {
        if (submitted != null) {
            submitted.removeAll();
        }
    }

    @Test
    void anotherTeamsNetworkIsRefusedBesideTheNetworkField() {
        Page sam = signedIn("sam");
        sam.navigate(portal() + "/requests/new");
        sam.selectOption("#team", "search");
        sam.selectOption("#networkId", SeedWorld.networkId("LON1", "payments-net"));
        sam.locator("[data-test=continue]").click();

        assertThat(sam.locator("[data-test=networkId-error]")).hasText("Team search may use the networks "
                + "search-net, default; payments-net is not one of them (it is bound to team payments).");
        assertThat(sam.locator("#networkId")).hasAttribute("aria-invalid", "true");
        Browser.screenshot(sam, "team-bindings-1-network-refused");
        browser.checkAccessibility(sam);
        sam.context().close();
    }

    @Test
    void approverIsWarnedWhenATeamWithoutBindingAsksForAnotherTeamsNetwork() {
        submitted = new SubmittedRequests(requests);
        String name = "mkt-" + UUID.randomUUID().toString().substring(0, 6);
        LoadBalancerSpec spec = new LoadBalancerSpec("LON1", SeedWorld.networkId("LON1", "payments-net"), name,
                "round_robin", FirewallChoice.create(null),
                new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("payments-api")),
                List.of(new PortMapping("TCP", 443, 8443, null, null)), AdvancedSettings.defaults(),
                "The campaign site's API, inside the network.");
        UUID id = submitted.store("marketing", new Participant("mia-test", "Mia Marketing", java.util.Set.of("REQUESTER")), spec,
                Instant.now());

        Page april = signedIn("april");
        april.navigate(portal() + "/requests/" + id);

        assertThat(april.locator("[data-test=binding-warnings]")).containsText(
                "Network payments-net is not bound to team marketing (it is bound to team payments).");
        assertThat(april.locator("[data-test=binding-warnings]")).containsText(
                "Team marketing has no binding in portal.requests.team-bindings");
        Browser.screenshot(april, "team-bindings-2-approver-warning");
        browser.checkAccessibility(april);
        april.context().close();
    }
}
