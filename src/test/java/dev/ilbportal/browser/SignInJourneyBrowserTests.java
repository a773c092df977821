package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.ilbportal.home.web.Feature;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.PortalInBrowser;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Journey: every demo person signs in with one click and sees only what their roles allow. */
@PortalApplicationTest
class SignInJourneyBrowserTests extends PortalInBrowser {

    static Stream<Arguments> people() {
        return Stream.of(
                Arguments.of("alice", "Alice Adeyemi", List.of("new-request", "team-requests", "inventory"),
                        "audit-log"),
                Arguments.of("sam", "Sam Sørensen", List.of("new-request", "team-requests", "inventory"),
                        "approval-queue"),
                Arguments.of("riley", "Riley Rao",
                        List.of("new-request", "team-requests", "approval-queue", "inventory"), "administration"),
                Arguments.of("april", "April Okafor", List.of("approval-queue"), "new-request"),
                Arguments.of("audrey", "Audrey Laurent", List.of("inventory", "audit-log"), "approval-queue"),
                Arguments.of("adam", "Adam Novak", List.of("inventory", "administration"), "audit-log"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("people")
    void personSeesOnlyTheirNavigationAndIsRefusedElsewhere(String username, String name, List<String> navigation,
                                                             String forbiddenFeature) {
        Page page = signedIn(username);

        assertThat(page.locator("[data-test=greeting]")).containsText(name);
        assertThat(page.locator("[data-test=sandbox-banner]")).isVisible();
        List<String> shown = page.locator("[data-test=navigation] a").all().stream()
                .map(link -> link.getAttribute("data-feature")).toList();
        assertThat(shown).containsExactlyElementsOf(navigation);
        Browser.screenshot(page, "sign-in-" + username + "-home");

        page.navigate(portal() + Stream.of(Feature.values()).filter(feature -> feature.slug().equals(forbiddenFeature))
                .findFirst().orElseThrow().path());
        assertThat(page.locator("[data-test=error-403]")).isVisible();
        Browser.screenshot(page, "sign-in-" + username + "-forbidden");
        page.context().close();
    }

    @Test
    void adminFindsTheAdministrationPageFromTheNavigation() {
        Page page = signedIn("adam");
        page.locator("[data-test=navigation] a[data-feature=administration]").click();

        assertThat(page.locator("h1")).containsText("Administration");
        Browser.screenshot(page, "administration");
        page.context().close();
    }

    @Test
    void personWithoutPortalGroupIsToldWhichGroupsGrantAccess() {
        Page page = signedIn("nina");

        assertThat(page).hasURL(portal() + "/no-access");
        assertThat(page.locator("[data-test=no-access]")).containsText("none of your groups grants a portal role");
        assertThat(page.locator("table")).containsText("portal-approvers");
        Browser.screenshot(page, "sign-in-nina-no-access");
        page.context().close();
    }

    @Test
    void signingOutEndsTheSessionAndSigningInAgainWorks() {
        Page page = signedIn("alice");
        page.locator("form[action='/logout'] button").click();

        assertThat(page.locator("[data-test=signed-out]")).isVisible();
        Browser.screenshot(page, "signed-out");
        page.locator("text=Sign in again").click();
        page.locator("button[data-person='audrey']").click();
        assertThat(page.locator("[data-test=greeting]")).containsText("Audrey Laurent");
        page.context().close();
    }

    @Test
    void layoutFitsALaptopScreenWithoutHorizontalScrolling() {
        Page page = signedIn("riley");

        Object overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).isEqualTo(false);
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "home-narrow");
        assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        page.context().close();
    }
}
