package dev.ilbportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.identity.internal.RefusalRecords;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every action that exists today lands in the trail, and the trail is written in the publisher's transaction. */
@PortalApplicationTest
class AuditTrailTests {

    @LocalServerPort
    int port;

    @Autowired
    RefusalRecords refusals;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ChainCheck chainCheck;

    private URI portal() {
        return URI.create("http://localhost:" + port);
    }

    private long head() {
        Long head = jdbc.queryForObject("select max(sequence) from audit_event", Long.class);
        return head == null ? 0 : head;
    }

    private List<Map<String, Object>> eventsSince(long sequence, String action) {
        return jdbc.queryForList("select * from audit_event where sequence > ? and action = ? order by sequence",
                sequence, action);
    }

    @Test
    void eventsOfATransactionAppendedTogetherLandInOrderInTheChainAndGoWithARollback() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        long before = head();
        transaction.executeWithoutResult(status -> {
            dev.ilbportal.shared.AuditTogether.inThisTransaction();
            for (int i = 0; i < 5; i++) {
                events.publishEvent(SampleEvent.change("lb-together", "r-together", "verification.run-completed",
                        Map.of("run", i), Map.of("run", i + 1)));
            }
            // appended just before the commit, not as published
            assertThat(head()).isEqualTo(before);
        });
        List<Map<String, Object>> appended = eventsSince(before, "verification.run-completed");
        assertThat(appended).hasSize(5);
        assertThat(appended).extracting(row -> (String) row.get("before_json"))
                .containsExactly("{\"run\":0}", "{\"run\":1}", "{\"run\":2}", "{\"run\":3}", "{\"run\":4}");
        assertThat(chainCheck.check().intact()).isTrue();

        long afterCommit = head();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            dev.ilbportal.shared.AuditTogether.inThisTransaction();
            events.publishEvent(SampleEvent.change("lb-together", "r-together", "verification.run-completed",
                    Map.of("run", 9), Map.of("run", 10)));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(head()).isEqualTo(afterCommit);
    }

    @Test
    void writesAfterAppendingTogetherRunAfterTheEventsAreAppendedWithTheAppendLockHeld() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        long before = head();
        String lb = "lb-after-" + java.util.UUID.randomUUID();
        List<Integer> appendedSeenByTheWrite = new java.util.ArrayList<>();
        List<Integer> appendLocksHeld = new java.util.ArrayList<>();
        transaction.executeWithoutResult(status -> {
            dev.ilbportal.shared.AuditTogether.inThisTransaction();
            for (int i = 0; i < 3; i++) {
                events.publishEvent(SampleEvent.change(lb, "r-after", "verification.run-completed",
                        Map.of("run", i), Map.of("run", i + 1)));
            }
            dev.ilbportal.shared.AuditTogether.afterAppending(() -> {
                appendedSeenByTheWrite.add(jdbc.queryForObject("select count(*) from audit_event "
                        + "where load_balancer_id = ?", Integer.class, lb));
                appendLocksHeld.add(jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' "
                        + "and pid = pg_backend_pid() and objid = 7352001 and granted", Integer.class));
            });
            // nothing appended and no append lock taken while the transaction is still at work
            assertThat(jdbc.queryForObject("select count(*) from audit_event where load_balancer_id = ?",
                    Integer.class, lb)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' "
                    + "and pid = pg_backend_pid() and objid = 7352001", Integer.class)).isZero();
        });
        assertThat(appendedSeenByTheWrite).containsExactly(3);
        assertThat(eventsSince(before, "verification.run-completed")).filteredOn(row -> lb.equals(
                row.get("load_balancer_id"))).hasSize(3);
        assertThat(appendLocksHeld).containsExactly(1);
        assertThat(chainCheck.check().intact()).isTrue();
    }

    @Test
    void signInIsRecordedWithTheRolesHeldAtThatMoment() throws Exception {
        long before = head();
        new SandboxBrowserlessLogin(portal()).signIn("riley");

        List<Map<String, Object>> signIns = eventsSince(before, "identity.signed-in");
        assertThat(signIns).hasSize(1);
        assertThat(signIns.getFirst()).containsEntry("actor_name", "Riley Rao")
                .containsEntry("actor_roles", "APPROVER,REQUESTER")
                .containsEntry("subject_type", "person");
        assertThat((String) signIns.getFirst().get("details_json")).contains("\"teams\":\"payments\"");
    }

    @Test
    void failedSignInIsRecorded() throws Exception {
        refusals.closeAllWindows(); // earlier tests' failures from this address may have opened its window
        long before = head();
        SandboxBrowserlessLogin login = new SandboxBrowserlessLogin(portal());
        login.get(portal().resolve("/oauth2/authorization/portal"));
        login.followRedirects(login.get(portal().resolve("/login/oauth2/code/portal?code=forged&state=forged")));

        List<Map<String, Object>> failures = eventsSince(before, "identity.sign-in-failed");
        assertThat(failures).hasSize(1);
        assertThat(failures.getFirst()).containsEntry("actor_subject", "anonymous");
        assertThat((String) failures.getFirst().get("details_json")).contains("authorization_request_not_found");
    }

    @Test
    void accessDenialIsRecordedWithWhoAskedForWhat() throws Exception {
        SandboxBrowserlessLogin alice = new SandboxBrowserlessLogin(portal());
        alice.signIn("alice");
        refusals.closeAllWindows(); // earlier tests may have opened alice's window, folding this denial into it
        long before = head();

        assertThat(alice.get(portal().resolve("/audit")).statusCode()).isEqualTo(403);

        List<Map<String, Object>> denials = eventsSince(before, "identity.access-denied");
        assertThat(denials).hasSize(1);
        assertThat(denials.getFirst()).containsEntry("actor_name", "Alice Adeyemi")
                .containsEntry("actor_roles", "REQUESTER").containsEntry("subject_id", "/audit");
    }

    @Test
    void postWithoutCsrfTokenIsRecordedAsADenial() throws Exception {
        SandboxBrowserlessLogin audrey = new SandboxBrowserlessLogin(portal());
        audrey.signIn("audrey");
        refusals.closeAllWindows();
        long before = head();

        HttpResponse<String> refused = audrey.client().send(HttpRequest.newBuilder(portal().resolve("/audit/chain-checks"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(eventsSince(before, "audit.chain-checked")).isEmpty();
        List<Map<String, Object>> denials = eventsSince(before, "identity.access-denied");
        assertThat(denials).hasSize(1);
        assertThat((String) denials.getFirst().get("details_json")).contains("\"method\":\"POST\"")
                .contains("CsrfToken");
    }

    @Test
    void exportIsRecordedAndCarriesTheChainHead() throws Exception {
        SandboxBrowserlessLogin audrey = new SandboxBrowserlessLogin(portal());
        audrey.signIn("audrey");
        long before = head();

        HttpResponse<String> export = audrey.get(portal().resolve("/audit/export.jsonl?actor=audrey"));

        assertThat(export.statusCode()).isEqualTo(200);
        List<Map<String, Object>> exports = eventsSince(before, "audit.exported");
        assertThat(exports).hasSize(1);
        String head = export.headers().firstValue("X-Audit-Head-Hash").orElseThrow();
        assertThat(head).isEqualTo(exports.getFirst().get("hash"));
        String[] lines = export.body().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("{\"head_hash\":\"" + head + "\"");
        assertThat(lines[lines.length - 2]).contains("\"action\":\"audit.exported\"");
    }

    @Test
    void chainCheckIsAPostThatRecordsItsResult() throws Exception {
        SandboxBrowserlessLogin audrey = new SandboxBrowserlessLogin(portal());
        String page = audrey.signIn("audrey").body();
        String token = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        long before = head();

        HttpResponse<String> posted = audrey.client().send(HttpRequest.newBuilder(portal().resolve("/audit/chain-checks"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> result = audrey.followRedirects(posted);

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(result.body()).contains("The chain is intact.");
        List<Map<String, Object>> checks = eventsSince(before, "audit.chain-checked");
        assertThat(checks).hasSize(1);
        assertThat(result.uri().getPath()).isEqualTo("/audit/chain-checks/" + checks.getFirst().get("sequence"));
    }

    @Test
    void changeAndItsAuditRowRollBackTogether() {
        long before = head();
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            events.publishEvent(SampleEvent.change("lb-rollback", "r-rollback", "provisioning.step-completed",
                    Map.of("state", "building"), Map.of("state", "available")));
            throw new IllegalStateException("the change failed after its event");
        })).hasMessageContaining("the change failed");

        assertThat(head()).isEqualTo(before);
    }

    @Test
    void changeEventPublishedOutsideATransactionIsRefused() {
        long before = head();
        assertThatThrownBy(() -> events.publishEvent(SampleEvent.change("lb-x", "r-x", "provisioning.step-completed",
                Map.of("state", "building"), Map.of("state", "available"))))
                .hasMessageContaining("must be published inside the transaction");
        assertThat(head()).isEqualTo(before);
    }

    @Autowired
    AuditLog log;

    @Test
    void logPagesNewestFirstWithKeysetCursorsBothWays() {
        List<SampleEvent> many = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(new SampleEvent(SampleEvent.RILEY, "verification.run-completed",
                    dev.ilbportal.shared.EventSubject.loadBalancer("lb-paging", null, "paging"), null, null,
                    Map.of("run", i)));
        }
        List<AuditEvent> appended = new TransactionTemplate(transactions).execute(status -> log.appendAll(many));
        AuditFilter team = new AuditFilter(null, null, null, "paging", null, null, null, null);

        AuditPage first = log.page(team, null, null);
        AuditPage second = log.page(team, first.olderThan(), null);
        AuditPage third = log.page(team, second.olderThan(), null);
        AuditPage backToSecond = log.page(team, null, third.newerThan());

        assertThat(first.events()).hasSize(50).first().isEqualTo(appended.getLast());
        assertThat(first.newerThan()).isNull();
        assertThat(second.events()).hasSize(50);
        assertThat(second.events().getFirst().sequence()).isEqualTo(first.events().getLast().sequence() - 1);
        assertThat(third.events()).hasSize(20).last().isEqualTo(appended.getFirst());
        assertThat(third.olderThan()).isNull();
        assertThat(backToSecond.events()).isEqualTo(second.events());
        assertThat(backToSecond.newerThan()).isNotNull();
        assertThat(log.page(team, null, first.events().getFirst().sequence()).events()).isEmpty();
        assertThat(log.timeline("lb-paging", null).events()).hasSize(50).first().isEqualTo(appended.getFirst());
    }

    @Test
    void filtersByTextInDetailsAndByRequestAcrossTheLoadBalancersTimeline() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> log.appendAll(List.of(
                SampleEvent.about("lb-joined", "r-joined", "request.submitted", Map.of("why", "100%_special")),
                SampleEvent.about("lb-joined", "r-joined", "provisioning.load-balancer-created", Map.of()),
                SampleEvent.about("lb-other", "r-other", "request.submitted", Map.of("why", "100 special")))));

        assertThat(log.page(new AuditFilter(null, null, null, null, null, null, null, "100%_spec"), null, null)
                .events()).extracting(AuditEvent::requestId).containsExactly("r-joined");
        assertThat(log.page(AuditFilter.loadBalancer("lb-joined"), null, null).events())
                .extracting(AuditEvent::action).containsExactly("provisioning.load-balancer-created", "request.submitted");
        assertThat(log.page(new AuditFilter(null, null, "Riley Rao", null, "request.submitted", null, "r-other", null),
                null, null).events()).hasSize(1);
    }

    @Test
    void chainStaysIntact() {
        assertThat(chainCheck.check().intact()).isTrue();
    }
}
