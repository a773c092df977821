package dev.ilbportal.support;

import com.microsoft.playwright.Page;

/** Signs a demo person in, in a real browser, by clicking their button on the sandbox provider's page. */
public final class SandboxSignIn {

    private SandboxSignIn() {
    }

    public static void as(Page page, String portalUrl, String username) {
        page.navigate(portalUrl + "/");
        page.locator("button[data-person='" + username + "']").click();
        page.waitForURL(url -> url.startsWith(portalUrl));
        page.waitForLoadState();
    }
}
