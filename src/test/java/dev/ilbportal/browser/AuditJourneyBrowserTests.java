package dev.ilbportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.PortalInBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Journey: the auditor finds a load balancer in the log, reads its timeline, exports it and checks the chain. */
@PortalApplicationTest
class AuditJourneyBrowserTests extends PortalInBrowser {

    /** What the requests, provisioning and verification modules will publish; seeded here as they would be. */
    record LoadBalancerHistory(Actor actor, String action, EventSubject subject, Object before, Object after,
                               Map<String, Object> details) implements PortalEvent {
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    private void seedHistoryOf(String lb, String request) {
        Actor riley = new Actor("riley", "Riley Rao", Set.of("REQUESTER"));
        Actor april = new Actor("april", "April Okafor", Set.of("APPROVER"));
        Actor portal = Actor.portal("provisioning");
        EventSubject requestSubject = EventSubject.request(request, "payments");
        EventSubject lbSubject = EventSubject.loadBalancer(lb, request, "payments");
        List<LoadBalancerHistory> history = List.of(
                new LoadBalancerHistory(riley, "request.submitted", requestSubject, null,
                        Map.of("name", "orders-db", "revision", 1), Map.of("justification", "orders database")),
                new LoadBalancerHistory(april, "request.approved", requestSubject, Map.of("state", "submitted"),
                        Map.of("state", "approved"), Map.of("revision", 1)),
                new LoadBalancerHistory(portal, "provisioning.load-balancer-created", lbSubject, null,
                        Map.of("state", "available", "firewall", "orders-db-internal"), Map.of()),
                new LoadBalancerHistory(portal, "verification.run-completed", lbSubject, null, null,
                        Map.of("inside", "reachable", "outside", "timed out", "ingressRules", 0)));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        history.forEach(event -> transaction.executeWithoutResult(status -> events.publishEvent(event)));
    }

    private void seedProvenAndExposed() {
        Actor portal = Actor.portal("provisioning");
        Actor verifier = Actor.portal("verification");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        for (String lb : List.of("lb-attest-proven", "lb-attest-exposed")) {
            EventSubject subject = EventSubject.loadBalancer(lb, "req-" + lb, "ledger");
            List<LoadBalancerHistory> history = new java.util.ArrayList<>(List.of(
                    new LoadBalancerHistory(portal, "provisioning.load-balancer-provisioned", subject, null,
                            Map.of("status", "ACTIVE", "civo_id", "civo-" + lb, "firewall_id", "fw-" + lb,
                                    "region", "FRA1"), Map.of()),
                    new LoadBalancerHistory(verifier, "verification.completed", subject, null,
                            Map.of("outcome", "PASS"), Map.of("trigger", "AFTER_PROVISIONING", "failed_checks", "")),
                    new LoadBalancerHistory(verifier, "verification.proof-status-changed", subject,
                            Map.of("proof_status", "UNPROVEN"), Map.of("proof_status", "PROVEN"),
                            Map.of("reason", "Every check passed", "name", lb.substring(3)))));
            if (lb.endsWith("exposed")) {
                history.add(new LoadBalancerHistory(verifier, "verification.completed", subject, null,
                        Map.of("outcome", "FAIL"), Map.of("trigger", "SCHEDULED", "failed_checks", "OUTSIDE_REFUSED")));
                history.add(new LoadBalancerHistory(verifier, "verification.proof-status-changed", subject,
                        Map.of("proof_status", "PROVEN"), Map.of("proof_status", "EXPOSED"),
                        Map.of("reason", "OUTSIDE_REFUSED", "name", lb.substring(3))));
            }
            history.forEach(event -> transaction.executeWithoutResult(status -> events.publishEvent(event)));
        }
    }

    @Test
    void auditorOpensTheAttestationATimelineAndDownloadsItsEvidencePack() throws Exception {
        seedProvenAndExposed();
        Page page = signedIn("audrey");

        page.navigate(portal() + "/audit");
        page.locator("[data-test=attestation-link]").click();
        assertThat(page.locator("[data-test=attestation]")).isVisible();
        assertThat(page.locator("[data-test=share]").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("ledger"))).containsText("1 / 2");
        assertThat(page.locator("[data-test=not-proven-row][data-status=EXPOSED]")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("attest-exposed")))
                .hasCount(1);
        assertThat(page.locator("[data-test=not-proven-row][data-status=EXPOSED] [data-test=proof-status]").first())
                .hasText("✗ Exposed");
        assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        Browser.screenshot(page, "audit-attestation");

        Download csvDownload = page.waitForDownload(() -> page.locator("[data-test=attestation-csv]").click());
        Path csv = Path.of("target", "screenshots", "audit-attestation.csv");
        csvDownload.saveAs(csv);
        assertThat(Files.readString(csv)).contains("\"attest-exposed\",\"lb-attest-exposed\",\"ledger\",\"FRA1\",EXPOSED,");

        page.locator("[data-test=not-proven-row] a", new Page.LocatorOptions().setHasText("attest-exposed"))
                .click();
        assertThat(page.locator("[data-test=timeline]")).containsText("lb-attest-exposed");
        assertThat(page.locator("[data-test=entry][data-stage=EXPOSURE] [data-test=sentence]"))
                .containsText("found it exposed");
        assertThat(page.locator("[data-test=entry][data-stage=BUILD] [data-test=sentence]"))
                .containsText("finished building load balancer civo-lb-attest-exposed behind firewall fw-lb-attest-exposed");
        assertThat(page.locator("[data-test=entry][data-stage=EXPOSURE] [data-test=changes]")).containsText("EXPOSED");
        assertThat(page.locator("[data-test=entry][data-stage=EXPOSURE] [data-test=raw] pre")).not().isVisible();
        page.locator("[data-test=entry][data-stage=EXPOSURE] [data-test=raw] summary").click();
        assertThat(page.locator("[data-test=entry][data-stage=EXPOSURE] [data-test=raw] pre")).containsText("hash: ");
        Browser.screenshot(page, "audit-readable-timeline");

        Download packDownload = page.waitForDownload(() -> page.locator("[data-test=evidence-pack]").click());
        Path pack = Path.of("target", "screenshots", "evidence-lb-attest-exposed.json");
        packDownload.saveAs(pack);
        Process verify = new ProcessBuilder("python3", "docs/verify-evidence-pack.py", pack.toString())
                .redirectErrorStream(true).start();
        String verdict = new String(verify.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(verify.waitFor()).as(verdict).isZero();
        assertThat(verdict).contains("VERIFIED: evidence pack of load balancer lb-attest-exposed");

        page.reload();
        assertThat(page.locator("[data-test=entry][data-stage=AUDIT] [data-test=sentence]").last())
                .hasText("Audrey Laurent downloaded its evidence pack");
        page.context().close();
    }

    @Test
    void auditorFindsALoadBalancerReadsItsTimelineExportsItAndChecksTheChain() throws Exception {
        seedHistoryOf("lb-orders-db", "req-1042");
        Page page = signedIn("audrey");

        page.locator("[data-test=navigation] a[data-feature=audit-log]").click();
        assertThat(page.locator("[data-test=audit-log]")).isVisible();
        page.locator("#loadBalancer").fill("lb-orders-db");
        page.locator("[data-test=apply-filter]").click();
        assertThat(page.locator("[data-test=event]")).hasCount(4);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*loadBalancer=lb-orders-db.*"));
        assertThat(page.evaluate("document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        Browser.screenshot(page, "audit-log-filtered");

        page.locator("[data-test=timeline-link]").first().click();
        assertThat(page.locator("[data-test=timeline]")).containsText("lb-orders-db");
        assertThat(page.locator("[data-test=entry]")).hasCount(4);
        assertThat(page.locator("[data-test=entry][data-stage=REQUEST] [data-test=sentence]"))
                .hasText("Riley Rao submitted revision 1");
        assertThat(page.locator("[data-test=entry][data-stage=DECISION] [data-test=sentence]"))
                .hasText("April Okafor approved revision 1");
        assertThat(page.locator("[data-test=entry][data-stage=BUILD]")).hasCount(1);
        assertThat(page.locator("[data-test=entry][data-stage=VERIFICATION]")).hasCount(1);

        Browser.screenshot(page, "audit-timeline");

        Download download = page.waitForDownload(() -> page.locator("[data-test=export-csv]").click());
        Path csv = Path.of("target", "screenshots", "audit-timeline-export.csv");
        download.saveAs(csv);
        String exported = Files.readString(csv);
        assertThat(exported).startsWith("# audit chain head: ").contains("request.submitted")
                .contains("verification.run-completed");
        assertThat(exported.lines().filter(line -> line.startsWith("\"") || Character.isDigit(line.charAt(0))))
                .hasSize(4);

        page.navigate(portal() + "/audit");
        page.locator("[data-test=check-chain]").click();
        assertThat(page.locator("[data-test=chain-result]")).containsText("The chain is intact.");
        assertThat(page.locator("[data-test=chain-details]")).containsText("\"intact\":true");
        Browser.screenshot(page, "audit-chain-check");

        page.navigate(portal() + "/audit?action=audit.exported&actor=audrey");
        assertThat(page.locator("[data-test=event]").first()).containsText("audit.exported");
        page.context().close();
    }
}
