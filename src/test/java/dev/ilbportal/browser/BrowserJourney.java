package dev.ilbportal.browser;

import dev.ilbportal.support.Browser;
import dev.ilbportal.support.PortalApplicationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A journey in real Chromium against the whole portal running its sandbox by itself (one shared context). */
@PortalApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(locations = "classpath:live-sandbox.properties")
abstract class BrowserJourney {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start();
    }

    /** Every page this test opened had no serious or critical axe-core violation. */
    @AfterEach
    void pagesWereAccessible() {
        browser.assertAccessible();
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    String portal() {
        return "http://localhost:" + port;
    }
}
