package dev.ilbportal.notifications.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.PlanBuilder;
import dev.ilbportal.requests.internal.SpecSnapshot;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxSignIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import dev.ilbportal.verification.ProofStatus;
import dev.ilbportal.verification.VerificationEvents.ProofStatusChanged;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Journeys in real Chromium: a submitted request reaches April's sandbox mailbox and its link leads back to the
 * portal; people choose their notifications; an admin manages webhooks and sends a failed delivery again. The portal runs on
 * a port chosen up front, so that the links in its mails point at it.
 */
@PortalApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsBrowserTests {

    static final int PORT = freePort();

    @DynamicPropertySource
    static void portalOnAKnownPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("portal.notifications.portal-url", () -> "http://localhost:" + PORT);
        registry.add("portal.provisioning.initial-delay", () -> "1h");
        registry.add("portal.verification.schedule-initial-delay", () -> "1h");
        registry.add("portal.notifications.max-attempts", () -> 1);
    }

    @LocalServerPort
    int port;
    @Autowired
    LoadBalancerRequests requests;
    @Autowired
    RequestWorkflow workflow;
    @Autowired
    CivoClient civo;
    @Autowired
    DeliveryDispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    private Browser browser;

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

    private String portal() {
        return "http://localhost:" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UUID submitRequest(String name) {
        ApprovedRequestFixture fixture = new ApprovedRequestFixture(requests, workflow, civo);
        LoadBalancerSpec spec = fixture.spec(name, FirewallChoice.create(""));
        LoadBalancerRequest request = LoadBalancerRequest.draft("payments", Participant.of(ApprovedRequestFixture.ALICE),
                new SpecSnapshot("{}", spec.region(), spec.name()), Instant.now());
        request.submit(PlanBuilder.planFor(spec).toSubmitted(), Participant.of(ApprovedRequestFixture.ALICE),
                Instant.now(), Duration.ofDays(7));
        return requests.save(request).id();
    }

    private void dispatchMailTo(String subject) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (jdbc.sql("""
                        select count(*) from notification_delivery
                        where person_subject = ? and status = 'PENDING'""")
                .param(subject).query(Long.class).single() > 0) {
            assertThat(System.currentTimeMillis()).as("mail sent in time").isLessThan(deadline);
            dispatcher.dispatchDue();
            Thread.sleep(20);
        }
    }

    @Test
    void approverFindsTheMailForANewRequestAndFollowsItsLinkToThePortal() throws Exception {
        assertThat(port).isEqualTo(PORT);
        Page page = browser.newPage();
        SandboxSignIn.as(page, portal(), "april");

        String name = ApprovedRequestFixture.uniqueName("mailed");
        UUID requestId = submitRequest(name);
        dispatchMailTo("april");

        page.locator("[data-test=sandbox-mailbox-link]").click();
        page.waitForURL(portal() + "/sandbox/mailbox");
        Locator mail = page.locator("[data-test=mail]").filter(new Locator.FilterOptions().setHasText(name))
                .filter(new Locator.FilterOptions().setHasText("april@platform.example"));
        assertThat(mail).hasCount(1);
        assertThat(mail.locator("[data-test=mail-subject]")).containsText("waits for your approval");
        Browser.screenshot(page, "notifications-mailbox");

        Locator link = mail.locator("[data-test=mail-link]")
                .filter(new Locator.FilterOptions().setHasText("/requests/" + requestId));
        assertThat(link).hasAttribute("href", portal() + "/requests/" + requestId);
        link.click();
        page.waitForURL(url -> url.contains("/requests/" + requestId));
        assertThat(URI.create(page.url()).getPath()).isEqualTo("/requests/" + requestId);
        Browser.screenshot(page, "notifications-followed-link");
        page.context().close();
    }

    @Test
    void personSwitchesANotificationOffAndSeesTheChoiceKept() {
        Page page = browser.newPage();
        SandboxSignIn.as(page, portal(), "alice");
        page.locator("[data-test=notification-settings-link]").click();
        page.waitForURL(portal() + "/settings/notifications");
        Locator approved = page.locator("input[data-kind=request_approved]");
        assertThat(approved).isChecked();
        approved.uncheck();
        page.locator("[data-test=save-settings]").click();
        assertThat(page.locator("[data-test=message]")).containsText("saved");
        assertThat(page.locator("input[data-kind=request_approved]")).not().isChecked();
        assertThat(page.locator("input[data-kind=request_rejected]")).isChecked();
        Browser.screenshot(page, "notifications-settings");

        page.locator("input[data-kind=request_approved]").check();
        page.locator("[data-test=save-settings]").click();
        assertThat(page.locator("input[data-kind=request_approved]")).isChecked();
        assertThat(page.locator("[data-test=admin-webhooks-link]")).hasCount(0);
        page.context().close();
    }

    @Test
    void adminAddsAWebhookSeesItsFailedDeliverySendsItAgainAndDeletesIt() throws Exception {
        Page page = browser.newPage();
        SandboxSignIn.as(page, portal(), "adam");
        page.locator("[data-test=admin-webhooks-link]").click();
        page.waitForURL(portal() + "/admin/webhooks");

        String team = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        page.locator("#url").fill("https://169.254.169.254/latest/meta-data/");
        page.locator("#team").fill(team);
        page.locator("#secret").fill("browser-secret-7f3a");
        page.locator("[data-test=add-webhook] button[type=submit]").click();
        assertThat(page.locator("#url + .invalid-feedback")).containsText("points to 169.254.169.254, an internal address");
        assertThat(page.locator("[data-test=webhooks] tr").filter(new Locator.FilterOptions().setHasText(team)))
                .hasCount(0);
        Browser.screenshot(page, "notifications-admin-webhook-refused");

        String closedPort = "http://127.0.0.1:9/" + team;
        page.locator("#url").fill(closedPort);
        page.locator("#team").fill(team);
        page.locator("#secret").fill("browser-secret-7f3a");
        page.locator("[data-test=add-webhook] button[type=submit]").click();
        assertThat(page.locator("[data-test=message]")).containsText("team " + team);
        Locator row = page.locator("[data-test=webhooks] tr").filter(new Locator.FilterOptions().setHasText(team));
        assertThat(row.locator("[data-test=secret-hint]")).hasText("…7f3a");
        assertThat(row.locator("[data-test=webhook-url]")).hasText("http://127.0.0.1:9/…");
        assertThat(page.locator("body")).not().containsText("browser-secret-7f3a");
        assertThat(page.locator("body")).not().containsText(closedPort);
        Browser.screenshot(page, "notifications-admin-webhooks");

        transactions.executeWithoutResult(tx -> events.publishEvent(
                new ProofStatusChanged(UUID.randomUUID(), UUID.randomUUID(), team, team + "-db", ProofStatus.PROVEN, ProofStatus.EXPOSED, "OUTSIDE_CLOSED")));
        dispatchWebhookOf(team);

        page.locator("[data-test=admin-deliveries-link]").click();
        page.waitForURL(portal() + "/admin/notifications");
        Locator failed = page.locator("[data-test=failed-deliveries] tr")
                .filter(new Locator.FilterOptions().setHasText(team + "-db"));
        assertThat(failed).hasCount(1);
        assertThat(failed.locator("[data-test=recipient]")).hasText("http://127.0.0.1:9/…");
        assertThat(failed.locator("[data-test=last-error]")).containsText("Could not reach the webhook");
        Browser.screenshot(page, "notifications-admin-deliveries");
        failed.locator("[data-test=send-again]").click();
        assertThat(page.locator("[data-test=message]")).containsText("queued to be sent again");
        assertThat(failed).hasCount(0);

        page.locator("[data-test=admin-webhooks-link]").click();
        row.locator("[data-test=disable]").click();
        assertThat(row).containsText("Disabled");
        row.locator("[data-test=delete]").click();
        assertThat(page.locator("[data-test=message]")).containsText("deleted");
        assertThat(row).hasCount(0);
        page.context().close();
    }

    private void dispatchWebhookOf(String team) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (jdbc.sql("""
                        select count(*) from notification_delivery d join notification_webhook w on w.id = d.webhook_id
                        where w.team = ? and d.status = 'PENDING'""")
                .param(team).query(Long.class).single() > 0) {
            assertThat(System.currentTimeMillis()).as("webhook tried in time").isLessThan(deadline);
            dispatcher.dispatchDue();
            Thread.sleep(20);
        }
    }
}
