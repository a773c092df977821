package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Page;
import dev.ilbportal.support.Browser;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The wizard with the keyboard alone: after signing in, Alice moves only with Tab and Shift+Tab, picks options with
 * the keys a select answers to (the arrow keys), types, and presses Enter or Space, from step 1 to a submitted request. Wherever focus
 * lands it is visible.
 */
class KeyboardWizardBrowserTests extends BrowserJourney {

    private static final int MAX_TABS = 80;

    @Test
    void aRequestCanBeBuiltAndSubmittedWithTheKeyboardAlone() {
        Page alice = signedIn("alice");
        alice.navigate(portal() + "/requests/new");
        String name = "kb-" + UUID.randomUUID().toString().substring(0, 8);

        // Step 1: the network, chosen with the arrow keys in the focused select; the firewall stays "create new".
        tabTo(alice, "#networkId");
        chooseWithArrowKeys(alice, "networkId", "payments-net");
        assertThat(alice.locator("#networkId option:checked")).containsText("payments-net");
        assertThat(alice.locator("#firewallModeCreate")).isChecked();
        tabTo(alice, "[data-test=continue]");
        assertFocusIsVisible(alice);
        Browser.screenshot(alice, "keyboard-1-network-continue-focused");
        alice.keyboard().press("Enter");
        alice.waitForURL(Pattern.compile(".*/requests/[0-9a-f-]{36}/load-balancer$"));

        // Step 2: name, what it balances, one port; Shift+Tab goes back a field.
        tabTo(alice, "#name");
        alice.keyboard().type(name);
        tabTo(alice, "#targetValues");
        alice.keyboard().type("payments-api");
        alice.keyboard().press("Shift+Tab");
        assertThat(activeElement(alice).get("id")).isEqualTo("targetKind");
        tabTo(alice, "[name='ports[0].protocol']");
        alice.keyboard().type("TCP");
        assertThat(alice.locator("[name='ports[0].protocol']")).hasValue("TCP");
        tabTo(alice, "[name='ports[0].sourcePort']");
        alice.keyboard().type("443");
        alice.keyboard().press("Tab");
        alice.keyboard().type("8443");
        assertThat(alice.locator("[name='ports[0].targetPort']")).hasValue("8443");
        tabTo(alice, "[data-test=advanced] summary");
        alice.keyboard().press("Enter");
        assertThat(alice.locator("[data-test=advanced]")).hasAttribute("open", "");
        tabTo(alice, "[data-test=continue]");
        assertFocusIsVisible(alice);
        alice.keyboard().press("Enter");
        alice.waitForURL(Pattern.compile(".*/requests/[0-9a-f-]{36}/review$"));

        // Step 3: the justification, then Space on the submit button.
        tabTo(alice, "#justification");
        alice.keyboard().type("Typed with the keyboard alone, to prove the wizard needs no mouse.");
        tabTo(alice, "[data-test=submit]");
        assertFocusIsVisible(alice);
        Browser.screenshot(alice, "keyboard-3-review-submit-focused");
        alice.keyboard().press("Space");
        alice.waitForURL(Pattern.compile(".*/requests/[0-9a-f-]{36}$"));
        assertThat(alice.locator("main")).containsText(name);
        assertThat(alice.locator("main")).containsText("Submitted");
        Browser.screenshot(alice, "keyboard-4-submitted");
        alice.context().close();
    }

    /** Presses Tab until the focused element matches, failing if it never does: the element is reachable by Tab. */
    private static void tabTo(Page page, String selector) {
        for (int presses = 0; presses < MAX_TABS; presses++) {
            if ((Boolean) page.evaluate("s => document.activeElement !== null && document.activeElement.matches(s)",
                    selector)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        fail("Tab never reached " + selector + " in " + MAX_TABS + " presses on " + page.url());
    }

    /**
     * Presses ArrowDown in the focused select until the chosen option shows {@code text}. Each key is a change that
     * htmx answers by swapping the choices (the select included, focus kept by its id), so the next key waits for the
     * new select (the marked one gone) with the focus: typing the name instead relied on Chromium's type-ahead, which a swap in the middle (or a slow
     * machine's pause between keys) resets.
     */
    private static void chooseWithArrowKeys(Page page, String id, String text) {
        for (int presses = 0; presses < MAX_TABS; presses++) {
            if ((Boolean) page.evaluate("([id, text]) => { const s = document.getElementById(id);"
                    + " return s.selectedIndex >= 0 && s.options[s.selectedIndex].text.includes(text); }",
                    java.util.List.of(id, text))) {
                return;
            }
            page.evaluate("id => { document.getElementById(id).dataset.beforeKey = 'yes'; }", id);
            page.keyboard().press("ArrowDown");
            page.waitForFunction("id => { const s = document.getElementById(id); return s !== null"
                    + " && s.dataset.beforeKey === undefined && document.querySelector('.htmx-request') === null"
                    + " && document.activeElement === s; }", id);
        }
        fail("ArrowDown never chose " + text + " in #" + id + " on " + page.url());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> activeElement(Page page) {
        return (Map<String, Object>) page.evaluate("() => { const e = document.activeElement; const s = getComputedStyle(e);"
                + " return { id: e.id, tag: e.tagName, outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth,"
                + " boxShadow: s.boxShadow }; }");
    }

    /** The focused element shows a focus ring of at least 2px (the portal's :focus-visible outline). */
    private static void assertFocusIsVisible(Page page) {
        Map<String, Object> focused = activeElement(page);
        assertThat(focused.get("outlineStyle")).as("outline of the focused %s", focused).isNotEqualTo("none");
        assertThat(Double.parseDouble(focused.get("outlineWidth").toString().replace("px", "")))
                .as("outline width of the focused %s", focused).isGreaterThanOrEqualTo(2.0);
    }
}
