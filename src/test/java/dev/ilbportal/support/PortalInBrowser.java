package dev.ilbportal.support;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The one harness of browser tests: the portal of the test's application context in real Chromium, one browser per
 * test class, every page it opened checked by axe-core after each test, demo people signed in through the sandbox's
 * provider. It carries no Spring configuration: the test class's own annotations (usually
 * {@link PortalApplicationTest}) choose the context, so using it never changes which cached context a test gets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PortalInBrowser {

    @LocalServerPort
    protected int port;

    protected Browser browser;

    @BeforeAll
    protected void startBrowser() {
        browser = Browser.start();
    }

    /** Every page this test opened had no serious or critical axe-core violation. */
    @AfterEach
    protected void pagesWereAccessible() {
        browser.assertAccessible();
    }

    @AfterAll
    protected void closeBrowser() {
        browser.close();
    }

    protected String portal() {
        return "http://localhost:" + port;
    }

    /** A fresh browser profile (no cookies) in which {@code username} has signed in and the portal has loaded. */
    protected Page signedIn(String username) {
        Page page = browser.newPage();
        SandboxSignIn.as(page, portal(), username);
        return page;
    }
}
