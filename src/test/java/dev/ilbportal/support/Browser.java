package dev.ilbportal.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The machine's Chromium, driven by Playwright, for browser tests. Playwright never downloads a browser here: it
 * uses {@code portal.browser.executable} (default {@code /usr/bin/chromium}, installed by {@code .ci/run}). Every page
 * it opens is checked with axe-core as it loads; {@link #assertAccessible()} (called after each test of a
 * {@code BrowserJourney}, and by {@link #close()}) fails on any serious or critical violation.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final AccessibilityCheck accessibility;

    private Browser(Predicate<String> checkedUrls) {
        accessibility = new AccessibilityCheck(checkedUrls);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Path executable = Paths.get(System.getProperty("portal.browser.executable", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Browser tests need Chromium at " + executable
                    + ": install Debian's chromium package (.ci/run does) or set -Dportal.browser.executable");
        }
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS));
    }

    public static Browser start() {
        return new Browser(url -> true);
    }

    /** A browser that runs axe-core only on pages whose URL passes {@code checkedUrls} (not someone else's pages). */
    public static Browser start(Predicate<String> checkedUrls) {
        return new Browser(checkedUrls);
    }

    /** A fresh browser profile (no cookies) with a laptop-sized window; each page it opens is checked by axe-core. */
    public Page newPage() {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1366, 768));
        context.onPage(accessibility::watch);
        // axe-core analyses each page as it loads, inside whatever the test waits for: give waits room for it.
        context.setDefaultTimeout(60_000);
        return context.newPage();
    }

    /** Checks the page as it is now, e.g. after htmx replaced part of it. */
    public void checkAccessibility(Page page) {
        accessibility.analyse(page);
    }

    /** How many pages axe-core analysed so far. */
    public int pagesCheckedForAccessibility() {
        return accessibility.pagesAnalysed();
    }

    /** Fails with every serious or critical axe-core violation found since the last call (rule, target, help URL). */
    public void assertAccessible() {
        List<String> violations = accessibility.takeViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core found " + violations.size() + " serious or critical violation(s):\n  "
                    + String.join("\n  ", violations));
        }
    }

    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        try {
            chromium.close();
            playwright.close();
        } finally {
            assertAccessible();
        }
    }
}
