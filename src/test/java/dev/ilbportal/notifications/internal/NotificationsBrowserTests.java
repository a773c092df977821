package dev.ilbportal.notifications.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.support.Browser;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.PortalInBrowser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import dev.ilbportal.verification.ProofStatus;
import dev.ilbportal.verification.VerificationEvents.ProofStatusChanged;
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
class NotificationsBrowserTests extends PortalInBrowser {

    @Autowired
    ApplicationContext context;

    static final int PORT = freePort();

    @DynamicPropertySource
    static void portalOnAKnownPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("portal.notifications.portal-url", () -> "http://localhost:" + PORT);
        registry.add("portal.provisioning.initial-delay", () -> "1h");
        registry.add("portal.verification.schedule-initial-delay", () -> "1h");
        registry.add("portal.notifications.max-attempts", () -> 1);
    }

    @Autowired
    DeliveryDispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UUID submitRequest(String name) {
        ApprovedRequestFixture fixture = ApprovedRequestFixture.of(context);
        return fixture.submit(fixture.spec(name, FirewallChoice.create("")), Duration.ofDays(7));
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
        Page page = signedIn("april");

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
        Page page = signedIn("alice");
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
        Page page = signedIn("adam");
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
