package dev.ilbportal.support;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Runs axe-core (the {@code org.webjars.npm:axe-core} WebJar) on every page a browser test opens: each time a page
 * fires {@code load}, the page is analysed before the test goes on, and every serious or critical violation is kept
 * with its rule id, target and help URL until {@link #takeViolations()} hands it to the test that must fail.
 */
final class AccessibilityCheck {

    private static final String AXE_SOURCE = axeSource();

    /**
     * Serious and critical violations only: moderate and minor ones are advice, not failures. Beside axe's rules, the
     * portal's own: a status badge must say its status in words (an empty coloured badge tells it by colour alone).
     */
    private static final String ANALYSE = """
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              const found = results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + ') on ' + n.target.join(' ')
                    + ': ' + v.help + ' — ' + v.helpUrl));
              document.querySelectorAll('.badge').forEach(badge => {
                if (badge.textContent.trim() === '' && !badge.getAttribute('aria-label')) {
                  found.push('status-in-words (serious) on ' + badge.tagName.toLowerCase() + '.' +
                      [...badge.classList].join('.') + ': a badge must say its status in words, not by colour'
                      + ' alone — docs/accessibility.md');
                }
              });
              return found;
            }""";

    /** A cheap hash of the page's markup, so an unchanged page is not analysed twice. */
    private static final String FINGERPRINT = """
            () => { const html = document.documentElement.outerHTML; let hash = 0;
              for (let i = 0; i < html.length; i++) { hash = (Math.imul(31, hash) + html.charCodeAt(i)) | 0; }
              return html.length + ':' + hash; }""";

    private final java.util.Set<String> analysed = new java.util.HashSet<>();
    private final Predicate<String> checked;
    private final List<String> violations = new ArrayList<>();
    private int pagesAnalysed;

    AccessibilityCheck(Predicate<String> checked) {
        this.checked = checked;
    }

    void watch(Page page) {
        page.onLoad(this::analyse);
    }

    /** Analyses the page as it is now (also for pages changed by htmx after their load). */
    void analyse(Page page) {
        String url = page.url();
        if (!url.startsWith("http") || !checked.test(url)) {
            return;
        }
        try {
            // A page seen before exactly as it is now (a reload while polling) was analysed already.
            String fingerprint = url + "#" + page.evaluate(FINGERPRINT);
            synchronized (violations) {
                if (!analysed.add(fingerprint)) {
                    return;
                }
            }
            page.evaluate("() => { if (typeof window.axe === 'undefined') {\n" + AXE_SOURCE + "\n} }");
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) page.evaluate(ANALYSE);
            synchronized (violations) {
                pagesAnalysed++;
                found.forEach(violation -> violations.add(path(url) + ": " + violation));
            }
        } catch (PlaywrightException navigatedAway) {
            // The page was replaced while axe ran (a redirect or a click that went on): the next load is analysed.
        }
    }

    int pagesAnalysed() {
        synchronized (violations) {
            return pagesAnalysed;
        }
    }

    /** The violations found since the last call, each once. */
    List<String> takeViolations() {
        synchronized (violations) {
            List<String> taken = List.copyOf(violations);
            violations.clear();
            return taken;
        }
    }

    private static String path(String url) {
        int afterHost = url.indexOf('/', url.indexOf("//") + 2);
        return afterHost < 0 ? "/" : url.substring(afterHost);
    }

    private static String axeSource() {
        String base = "META-INF/resources/webjars/axe-core/";
        ClassLoader loader = AccessibilityCheck.class.getClassLoader();
        try (InputStream pom = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (pom == null) {
                throw new IllegalStateException("axe-core WebJar (org.webjars.npm:axe-core) is not on the test classpath");
            }
            Properties properties = new Properties();
            properties.load(pom);
            try (InputStream script = loader.getResourceAsStream(base + properties.getProperty("version") + "/axe.min.js")) {
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
