package dev.ilbportal.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.notifications.Channel;
import dev.ilbportal.notifications.NotificationKind;
import dev.ilbportal.notifications.Person;
import dev.ilbportal.provisioning.ApprovedRequestFixture;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.RequestEvents.RequestSubmitted;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import dev.ilbportal.verification.ProofStatus;
import dev.ilbportal.verification.VerificationEvents.ProofStatusChanged;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox end to end on the real database: written with the change, sent by the dispatcher through the sandbox's
 * SMTP server and to a local webhook receiver, retried, dead-lettered and sent again.
 */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-notifications.properties")
class NotificationDeliveryTests {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DeliveryDispatcher dispatcher;
    @Autowired
    ExpiryReminderJob reminders;
    @Autowired
    Webhooks webhooks;
    @Autowired
    Deliveries deliveries;
    @Autowired
    People people;
    @Autowired
    Preferences preferences;
    @Autowired
    GreenMail mailCatcher;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    private final String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
    private final WebhookReceiver receiver = new WebhookReceiver("receiver-secret-" + UUID.randomUUID());

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private Webhook teamWebhook() {
        Webhook webhook = new Webhook(UUID.randomUUID(), receiver.url(), receiver.secret(), team, true, "adam",
                Instant.now());
        webhooks.add(webhook);
        return webhook;
    }

    private void publishCommitted(Object event) {
        transactions.executeWithoutResult(tx -> events.publishEvent(event));
    }

    private List<Delivery> deliveriesTo(Webhook webhook) {
        return jdbc.sql("select id from notification_delivery where webhook_id = ? order by created_at")
                .param(webhook.id()).query(UUID.class).list().stream()
                .map(id -> deliveries.find(id).orElseThrow()).toList();
    }

    private List<Delivery> deliveriesFor(String subject, NotificationKind kind) {
        return jdbc.sql("select id from notification_delivery where person_subject = ? and kind = ?")
                .params(subject, kind.name()).query(UUID.class).list().stream()
                .map(id -> deliveries.find(id).orElseThrow()).toList();
    }

    private void dispatchUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!done.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("dispatched in time").isLessThan(deadline);
            dispatcher.dispatchDue();
            Thread.sleep(15);
        }
    }

    private CurrentUser approverWithMail(String subject) {
        CurrentUser approver = new CurrentUser(subject, "Approver " + subject, subject + "@platform.example",
                Set.of(PortalRole.APPROVER), Set.of());
        people.record(approver, Instant.now());
        return approver;
    }

    @Test
    void notificationCommitsWithTheChangeOrNotAtAll() {
        Webhook webhook = teamWebhook();
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new ProofStatusChanged(UUID.randomUUID(), UUID.randomUUID(), team, "db", ProofStatus.PROVEN, ProofStatus.EXPOSED, "X"));
            tx.setRollbackOnly();
        });
        assertThat(deliveriesTo(webhook)).isEmpty();

        publishCommitted(new ProofStatusChanged(UUID.randomUUID(), UUID.randomUUID(), team, "db", ProofStatus.PROVEN, ProofStatus.EXPOSED, "X"));
        assertThat(deliveriesTo(webhook)).singleElement()
                .satisfies(delivery -> assertThat(delivery.status()).isEqualTo(Delivery.Status.PENDING));
    }

    @Test
    void receiverThatFailsThenRecoversGetsEveryEventExactlyOnceWithAValidSignature() throws Exception {
        Webhook webhook = teamWebhook();
        receiver.failNext(4);
        UUID lb = UUID.randomUUID();
        publishCommitted(new ProofStatusChanged(UUID.randomUUID(), lb, team, "db", ProofStatus.PROVEN, ProofStatus.EXPOSED, "OUTSIDE_CLOSED"));
        publishCommitted(new ProofStatusChanged(UUID.randomUUID(), lb, team, "db", ProofStatus.EXPOSED, ProofStatus.PROVEN, "Every check passed"));
        publishCommitted(new ProofStatusChanged(UUID.randomUUID(), lb, team, "db", ProofStatus.PROVEN, ProofStatus.EXPOSED, "FIREWALL_NO_INGRESS"));

        dispatchUntil(() -> deliveriesTo(webhook).stream().allMatch(d -> d.status() == Delivery.Status.SENT));

        List<Delivery> sent = deliveriesTo(webhook);
        assertThat(sent).hasSize(3);
        Set<String> eventIds = sent.stream().map(d -> d.eventId().toString()).collect(Collectors.toSet());
        assertThat(eventIds).hasSize(3);
        Map<String, Long> successesPerEvent = receiver.successes().stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Call::eventId, Collectors.counting()));
        assertThat(successesPerEvent).containsOnlyKeys(eventIds).allSatisfy((event, count) -> assertThat(count).isOne());
        assertThat(receiver.calls()).hasSize(3 + 4).allMatch(WebhookReceiver.Call::signatureValid);
        assertThat(receiver.successes()).extracting(WebhookReceiver.Call::kind)
                .containsExactlyInAnyOrder("drifted", "recovered", "drifted");
        assertThat(sent).allSatisfy(d -> assertThat(d.attempts()).isGreaterThan(1));
    }

    @Test
    void deliveryIsDeadAfterMaxAttemptsVisibleToAdminsAndSentAgainOnRequest() throws Exception {
        Webhook webhook = teamWebhook();
        receiver.failNext(1_000);
        publishCommitted(new ProofStatusChanged(UUID.randomUUID(), UUID.randomUUID(), team, "db", ProofStatus.PROVEN, ProofStatus.EXPOSED, "X"));
        dispatchUntil(() -> deliveriesTo(webhook).getFirst().status() == Delivery.Status.DEAD);
        Delivery dead = deliveriesTo(webhook).getFirst();
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).isEqualTo("The webhook answered HTTP 500")
                .as("the receiver's error body is not kept").doesNotContain("receiver is down");
        assertThat(receiver.calls()).hasSize(3);

        var admin = new SandboxBrowserlessLogin(URI.create("http://localhost:" + port));
        admin.signIn("adam");
        HttpResponse<String> page = admin.get(URI.create("http://localhost:" + port + "/admin/notifications"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(dead.id().toString()).contains("HTTP 500");

        receiver.failNext(0);
        Matcher csrf = CSRF_INPUT.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> sendAgain = admin.client().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/admin/notifications/" + dead.id() + "/send-again"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sendAgain.statusCode()).isEqualTo(302);
        assertThat(SandboxBrowserlessLogin.location(sendAgain).getPath()).isEqualTo("/admin/notifications");

        dispatchUntil(() -> deliveriesTo(webhook).getFirst().status() == Delivery.Status.SENT);
        assertThat(receiver.successes()).singleElement()
                .satisfies(call -> assertThat(call.deliveryId()).isEqualTo(dead.id().toString()));
    }

    @Test
    void deliveryToADeletedWebhookIsDeadAtOnceWithTheReason() throws Exception {
        Webhook webhook = teamWebhook();
        publishCommitted(new ProofStatusChanged(UUID.randomUUID(), UUID.randomUUID(), team, "db", ProofStatus.EXPOSED, ProofStatus.PROVEN, "Every check passed"));
        webhooks.delete(webhook.id());
        dispatchUntil(() -> deliveriesTo(webhook).getFirst().status() != Delivery.Status.PENDING);
        assertThat(deliveriesTo(webhook).getFirst())
                .satisfies(d -> assertThat(d.status()).isEqualTo(Delivery.Status.DEAD))
                .satisfies(d -> assertThat(d.lastError()).isEqualTo("The webhook was deleted"));
        assertThat(receiver.calls()).isEmpty();
    }

    @Test
    void mailGoesThroughTheSandboxSmtpServerWithALinkToTheRequest() throws Exception {
        CurrentUser approver = approverWithMail("approver-" + UUID.randomUUID().toString().substring(0, 8));
        UUID requestId = UUID.randomUUID();
        publishCommitted(new RequestSubmitted(requestId, team, "LON1", 1, "hash", new Participant("alice", "Alice")));
        dispatchUntil(() -> deliveriesFor(approver.subject(), NotificationKind.REQUEST_SUBMITTED).stream()
                .allMatch(d -> d.status() == Delivery.Status.SENT));

        MimeMessage mail = Arrays.stream(mailCatcher.getReceivedMessages())
                .filter(message -> recipients(message).contains(approver.email()))
                .findFirst().orElseThrow();
        assertThat(mail.getSubject()).contains("waits for your approval").contains(team);
        assertThat(mail.getContent().toString()).contains("http://localhost:8080/requests/" + requestId)
                .contains("Alice submitted revision 1");
    }

    @Test
    void personWhoSwitchedAKindOffGetsNoMailOfThatKindButStillOthers() {
        CurrentUser approver = approverWithMail("quiet-" + UUID.randomUUID().toString().substring(0, 8));
        EnumSet<NotificationKind> wanted = EnumSet.allOf(NotificationKind.class);
        wanted.remove(NotificationKind.REQUEST_SUBMITTED);
        preferences.choose(approver.subject(), Channel.EMAIL, wanted);

        publishCommitted(new RequestSubmitted(UUID.randomUUID(), team, "LON1", 1, "h", new Participant("alice", "A")));
        assertThat(deliveriesFor(approver.subject(), NotificationKind.REQUEST_SUBMITTED)).isEmpty();

        preferences.choose(approver.subject(), Channel.EMAIL, EnumSet.allOf(NotificationKind.class));
        publishCommitted(new RequestSubmitted(UUID.randomUUID(), team, "LON1", 1, "h", new Participant("alice", "A")));
        assertThat(deliveriesFor(approver.subject(), NotificationKind.REQUEST_SUBMITTED)).hasSize(1);
    }

    @Test
    void personNotSeenForLongerThanTheStaleTimeGetsNoMail() {
        String gone = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        people.record(new CurrentUser(gone, "Gone Approver", gone + "@platform.example", Set.of(PortalRole.APPROVER),
                Set.of()), Instant.now().minus(Duration.ofDays(31)));
        CurrentUser present = approverWithMail("present-" + UUID.randomUUID().toString().substring(0, 8));

        publishCommitted(new RequestSubmitted(UUID.randomUUID(), team, "LON1", 1, "h", new Participant("alice", "A")));

        assertThat(deliveriesFor(gone, NotificationKind.REQUEST_SUBMITTED)).as("not seen for 31 days").isEmpty();
        assertThat(deliveriesFor(present.subject(), NotificationKind.REQUEST_SUBMITTED)).hasSize(1);
    }

    @Test
    void webhookThatPointsInsideTheNetworkIsRefusedBeforeAnyCallAndShownMasked() throws Exception {
        Webhook internal = new Webhook(UUID.randomUUID(), "https://169.254.169.254/latest/meta-data/iam", "s".repeat(16),
                team, true, "adam", Instant.now());
        webhooks.add(internal);
        publishCommitted(new ProofStatusChanged(UUID.randomUUID(), UUID.randomUUID(), team, "db", ProofStatus.PROVEN, ProofStatus.EXPOSED, "X"));

        dispatchUntil(() -> deliveriesTo(internal).getFirst().status() != Delivery.Status.PENDING);

        assertThat(deliveriesTo(internal).getFirst()).satisfies(d -> {
            assertThat(d.status()).isEqualTo(Delivery.Status.DEAD);
            assertThat(d.attempts()).isOne();
            assertThat(d.lastError()).startsWith("The webhook URL is refused").contains("169.254.169.254");
            assertThat(d.recipient()).isEqualTo("https://169.254.169.254/…");
        });
    }

    @Test
    void signInRecordsThePersonWithRolesTeamsAndEmail() throws Exception {
        new SandboxBrowserlessLogin(URI.create("http://localhost:" + port)).signIn("riley");
        Person riley = people.find("riley").orElseThrow();
        assertThat(riley.email()).isEqualTo("riley@payments.example");
        assertThat(riley.roles()).containsExactlyInAnyOrder(PortalRole.REQUESTER, PortalRole.APPROVER);
        assertThat(riley.teams()).containsExactly("payments");
        assertThat(riley.lastSeenAt()).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void approverWithoutAnEmailClaimIsRememberedButGetsNoMail() {
        String subject = "mailless-" + UUID.randomUUID().toString().substring(0, 8);
        people.record(new CurrentUser(subject, "No Mail", null, Set.of(PortalRole.APPROVER), Set.of()), Instant.now());
        assertThat(people.find(subject)).get().satisfies(person -> assertThat(person.hasEmail()).isFalse());

        publishCommitted(new RequestSubmitted(UUID.randomUUID(), team, "LON1", 1, "h", new Participant("alice", "A")));
        assertThat(deliveriesFor(subject, NotificationKind.REQUEST_SUBMITTED)).isEmpty();
    }

    @Test
    void approversAreRemindedOnceBeforeARequestExpires() {
        CurrentUser approver = approverWithMail("reminded-" + UUID.randomUUID().toString().substring(0, 8));
        ApprovedRequestFixture fixture = ApprovedRequestFixture.of(context);
        LoadBalancerSpec spec = fixture.spec(ApprovedRequestFixture.uniqueName("remind"), FirewallChoice.create(""));
        UUID requestId = fixture.submit(spec, Duration.ofHours(1));

        assertThat(reminders.remindApprovers()).isGreaterThanOrEqualTo(1);
        reminders.remindApprovers();

        List<Delivery> reminded = deliveriesFor(approver.subject(), NotificationKind.EXPIRY_REMINDER);
        assertThat(reminded).singleElement().satisfies(d -> {
            assertThat(d.title()).contains(spec.name()).contains("expires in");
            assertThat(d.body()).contains("/requests/" + requestId);
        });
        assertThat(deliveriesFor("alice", NotificationKind.EXPIRY_REMINDER)).isEmpty();
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString)
                    .collect(Collectors.joining(","));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
