package dev.ilbportal.requests.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.SubmittedRequests;
import dev.ilbportal.support.MutableClock;
import dev.ilbportal.support.MutableClockConfiguration;
import dev.ilbportal.support.PageForms;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The request page and the approval queue over real HTTP, signed in through the sandbox provider, on real
 * PostgreSQL: the queue's order, filters and pages, and two people deciding from pages opened at the same time.
 */
@PortalApplicationTest
@Import(MutableClockConfiguration.class)
class ApprovalPagesTests {

    static final Participant ALICE = new Participant("alice", "Alice Adeyemi");
    static final Pattern QUEUE_ROW = Pattern.compile("data-test=\"queue-row\" data-request=\"([0-9a-f\\-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    LoadBalancerRequests requests;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    /** Stores submitted requests and removes them after each test. */
    @RegisterExtension
    final SubmittedRequests fixture = SubmittedRequests.removedAfterEachTest();

    /** A team nobody else uses, so the queue filtered by it holds only this test's requests. */
    final String team = "t" + UUID.randomUUID().toString().substring(0, 8);

    private URI portal(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String requestPage(SandboxBrowserlessLogin person, UUID id) throws Exception {
        return person.get(portal("/requests/" + id)).body();
    }

    /** Posts {@code action}'s form of a request page opened earlier: its hidden fields and what was typed in it. */
    private HttpResponse<String> postFrom(SandboxBrowserlessLogin person, String page, UUID id, String action,
                                          Map<String, String> typed) throws Exception {
        String path = "/requests/" + id + "/" + action;
        Map<String, String> fields = new java.util.HashMap<>(PageForms.hiddenFields(page, path));
        fields.putAll(typed);
        return PageForms.post(person, portal(path), fields);
    }

    private SandboxBrowserlessLogin signedIn(String username) throws Exception {
        return SandboxBrowserlessLogin.signedIn(portal("/"), username);
    }

    private UUID store(String name, String region, Instant submittedAt) {
        return fixture.store(team, ALICE, SubmittedRequests.spec(name, region), submittedAt);
    }

    private static List<String> rows(String page) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = QUEUE_ROW.matcher(page);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private LoadBalancerRequest reload(UUID id) {
        return transactions.execute(tx -> {
            LoadBalancerRequest request = requests.findById(id).orElseThrow();
            request.decisions().size();
            return request;
        });
    }

    @Test
    void queueShowsSubmittedRequestsOldestFirstAndFiltersByTeamAndRegion() throws Exception {
        Instant now = clock.instant();
        UUID newest = store("newest", "LON1", now.minus(Duration.ofHours(1)));
        UUID oldest = store("oldest", "FRA1", now.minus(Duration.ofDays(2)));
        UUID middle = store("middle", "LON1", now.minus(Duration.ofHours(5)));
        SandboxBrowserlessLogin april = signedIn("april");

        String byTeam = april.get(portal("/approvals?team=" + team)).body();
        assertThat(rows(byTeam)).containsExactly(oldest.toString(), middle.toString(), newest.toString());
        assertThat(byTeam).contains("2 d 0 h", "Alice Adeyemi");

        String byTeamAndRegion = april.get(portal("/approvals?team=" + team + "&region=LON1")).body();
        assertThat(rows(byTeamAndRegion)).containsExactly(middle.toString(), newest.toString());

        String otherRegion = april.get(portal("/approvals?team=" + team + "&region=NYC1")).body();
        assertThat(rows(otherRegion)).isEmpty();
        assertThat(otherRegion).contains("data-test=\"queue-empty\"");
    }

    @Test
    void queueLeavesOutDecidedRequests() throws Exception {
        UUID waiting = store("waiting", "LON1", clock.instant().minusSeconds(60));
        LoadBalancerRequest withdrawn = SubmittedRequests.submitted(team, ALICE,
                SubmittedRequests.spec("withdrawn", "LON1"), clock.instant().minusSeconds(120));
        withdrawn.withdraw(ALICE, clock.instant());
        fixture.store(withdrawn);
        SandboxBrowserlessLogin april = signedIn("april");

        assertThat(rows(april.get(portal("/approvals?team=" + team)).body())).containsExactly(waiting.toString());
    }

    @Test
    void queueIsPagedOnTheServerTwentyRowsAPage() throws Exception {
        Instant start = clock.instant().minus(Duration.ofDays(1));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            ids.add(store("lb-" + i, "LON1", start.plusSeconds(i)).toString());
        }
        SandboxBrowserlessLogin april = signedIn("april");

        String first = april.get(portal("/approvals?team=" + team)).body();
        String second = april.get(portal("/approvals?team=" + team + "&page=1")).body();

        assertThat(rows(first)).containsExactlyElementsOf(ids.subList(0, 20));
        assertThat(first).contains("Page 1 of 2", "data-test=\"page-next\"");
        assertThat(rows(second)).containsExactly(ids.get(20));
    }

    @Test
    void resubmittedRequestIsMarkedWithTheNumberOfChangedFields() throws Exception {
        LoadBalancerSpec first = SubmittedRequests.spec("resubmitted", "LON1");
        LoadBalancerRequest request = SubmittedRequests.submitted(team, ALICE, first, clock.instant());
        LoadBalancerSpec second = new LoadBalancerSpec(first.region(), first.networkId(), first.name(),
                "least_connections", first.firewall(), first.target(),
                List.of(new LoadBalancerSpec.PortMapping("TCP", 5432, 6432, null, null)), first.advanced(),
                first.justification());
        SubmittedRequests.resubmit(request, second, ALICE, clock.instant());
        UUID id = fixture.store(request);
        SandboxBrowserlessLogin april = signedIn("april");

        assertThat(april.get(portal("/approvals?team=" + team)).body())
                .contains("changed since revision 1: 2 field(s)");
        String page = HtmlUtils.htmlUnescape(april.get(portal("/requests/" + id)).body());
        assertThat(page).contains("Changed since revision 1: 2 field(s)", "ports[0].targetPort", "6432",
                "least_connections");
    }

    @Test
    void secondApproverDecidingFromAPageOpenedAtTheSameMomentIsToldAndNothingChanges() throws Exception {
        UUID id = store("race", "LON1", clock.instant());
        SandboxBrowserlessLogin april = signedIn("april");
        SandboxBrowserlessLogin riley = signedIn("riley");
        String aprilsPage = requestPage(april, id);
        String rileysPage = requestPage(riley, id);

        HttpResponse<String> approved = postFrom(april, aprilsPage, id, "approve", Map.of());
        HttpResponse<String> refused = postFrom(riley, rileysPage, id, "reject",
                Map.of("reason", "Too big for a database"));

        assertThat(approved.body()).contains("You approved revision 1.");
        assertThat(HtmlUtils.htmlUnescape(refused.body())).contains(RequestPageController.CHANGED_MEANWHILE);
        assertThat(refused.body()).contains("data-status=\"APPROVED\"");
        LoadBalancerRequest after = reload(id);
        assertThat(after.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(after.decisions()).singleElement()
                .satisfies(decision -> assertThat(decision.decider().subject()).isEqualTo("april"));
    }

    @Test
    void approvalFromAPageOpenedBeforeTheWithdrawalIsRefused() throws Exception {
        UUID id = fixture.store("payments", ALICE, SubmittedRequests.spec("withdraw-race", "LON1"), clock.instant());
        SandboxBrowserlessLogin alice = signedIn("alice");
        SandboxBrowserlessLogin april = signedIn("april");
        String alicesPage = requestPage(alice, id);
        String aprilsPage = requestPage(april, id);

        HttpResponse<String> withdrawn = postFrom(alice, alicesPage, id, "withdraw", Map.of());
        HttpResponse<String> refused = postFrom(april, aprilsPage, id, "approve", Map.of());

        assertThat(withdrawn.body()).contains("You withdrew this request.");
        assertThat(HtmlUtils.htmlUnescape(refused.body())).contains(RequestPageController.CHANGED_MEANWHILE);
        assertThat(reload(id).status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(reload(id).decisions()).isEmpty();
    }

    @Test
    void requesterOfAnotherTeamGetsNotFoundForTheRequestPage() throws Exception {
        UUID id = fixture.store("payments", ALICE, SubmittedRequests.spec("payments-secret-db", "LON1"), clock.instant());
        SandboxBrowserlessLogin sam = signedIn("sam");

        HttpResponse<String> response = sam.get(portal("/requests/" + id));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("data-test=\"error-404\"").doesNotContain("payments-secret-db");
    }
}
