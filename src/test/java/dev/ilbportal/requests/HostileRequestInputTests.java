package dev.ilbportal.requests;

import static dev.ilbportal.identity.TestPeople.personWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import dev.ilbportal.requests.internal.SpecRules;
import dev.ilbportal.sandbox.civo.SeedWorld;
import dev.ilbportal.support.PortalApplicationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Input nobody's browser sends but anyone can: overflowing page numbers, form rows beyond the form's limit, lists
 * and texts beyond the spec's bounds, NUL bytes in reasons, and an admin overriding their own request. Each is
 * refused with a message and changes nothing; none answers 500.
 */
@PortalApplicationTest
@AutoConfigureMockMvc
class HostileRequestInputTests {

    static final String PAYMENTS_NET = SeedWorld.networkId("LON1", "payments-net");
    static final RequestPostProcessor REQUESTER = personWith(PortalRole.REQUESTER, "payments");
    static final RequestPostProcessor APPROVER = personWith(PortalRole.APPROVER);
    static final RequestPostProcessor ADMIN = personWith(PortalRole.ADMIN);

    @Autowired
    MockMvc mvc;

    @Autowired
    LoadBalancerRequests requests;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    final List<UUID> created = new ArrayList<>();

    @AfterEach
    void removeRequests() {
        requests.deleteAllById(created);
    }

    private UUID stored(LoadBalancerRequest request) {
        UUID id = requests.save(request).id();
        created.add(id);
        return id;
    }

    private UUID draft(LoadBalancerSpec spec) {
        return stored(LoadBalancerRequest.draft("payments",
                new Participant("requester-person", "Test requester-person", Set.of("REQUESTER")),
                SubmittedRequests.snapshot(spec), Instant.now()));
    }

    private static LoadBalancerSpec spec(String name, BackendTarget target, List<PortMapping> ports) {
        LoadBalancerSpec base = SubmittedRequests.spec(name, "LON1");
        return new LoadBalancerSpec("LON1", PAYMENTS_NET, name, base.algorithm(), base.firewall(), target, ports,
                base.advanced(), base.justification());
    }

    private static String uniqueName() {
        return "hostile-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<PortMapping> ports(int count) {
        return IntStream.range(0, count).mapToObj(i -> new PortMapping("TCP", 1000 + i, 1000 + i, null, null))
                .toList();
    }

    private static List<String> ips(int count) {
        return IntStream.range(0, count).mapToObj(i -> "10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "."
                + (i % 256)).toList();
    }

    private MockHttpServletRequestBuilder loadBalancerStep(UUID id) {
        return post("/requests/" + id + "/load-balancer").with(csrf()).with(REQUESTER)
                .param("name", uniqueName()).param("algorithm", "round_robin")
                .param("maxConcurrentRequests", "10000").param("clientTimeout", "60s")
                .param("serverTimeout", "60s").param("firewallChoice", "new");
    }

    @Test
    void aPageNumberWhoseOffsetOverflowsShowsAnEmptyPage() throws Exception {
        mvc.perform(get("/requests?page=107374183").with(REQUESTER).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk());
        mvc.perform(get("/approvals?page=107374183").with(APPROVER).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk());
        mvc.perform(get("/inventory?page=2147483647").with(REQUESTER).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/notifications?page=107374183").with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk());
    }

    @Test
    void aPortRowBeyondTheFormsLimitIsRefusedWithAMessageAndNothingSaved() throws Exception {
        UUID id = draft(spec(null, null, List.of()));
        String before = requests.findById(id).orElseThrow().specJson();
        for (int row : new int[] {300, 50}) {
            mvc.perform(loadBalancerStep(id).param("targetKind", "INSTANCE_TAGS").param("targetValues", "db")
                            .param("ports[0].protocol", "TCP").param("ports[0].sourcePort", "80")
                            .param("ports[0].targetPort", "80")
                            .param("ports[" + row + "].protocol", "TCP").param("ports[" + row + "].sourcePort", "81")
                            .param("ports[" + row + "].targetPort", "81"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("lists on a form have a limited number of rows")));
        }
        assertThat(requests.findById(id).orElseThrow().specJson()).isEqualTo(before);
    }

    @Test
    void moreTargetsOrBackendsThanTheBoundAreRefusedBesideTheField() throws Exception {
        UUID id = draft(spec(null, null, List.of()));
        String before = requests.findById(id).orElseThrow().specJson();
        mvc.perform(loadBalancerStep(id).param("targetKind", "BACKEND_IPS")
                        .param("targetValues", String.join(", ", ips(100 + 1)))
                        .param("ports[0].protocol", "TCP").param("ports[0].sourcePort", "80")
                        .param("ports[0].targetPort", "80"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("At most " + 100
                        + " values; this list has " + (100 + 1))));
        MockHttpServletRequestBuilder sixPorts = loadBalancerStep(id).param("targetKind", "BACKEND_IPS")
                .param("targetValues", String.join(", ", ips(100)));
        for (int i = 0; i < 6; i++) {
            sixPorts.param("ports[" + i + "].protocol", "TCP").param("ports[" + i + "].sourcePort", "" + (80 + i))
                    .param("ports[" + i + "].targetPort", "" + (80 + i));
        }
        mvc.perform(sixPorts).andExpect(status().isOk())
                .andExpect(content().string(containsString("make 600 backends; the portal sends at most 500")));
        assertThat(requests.findById(id).orElseThrow().specJson()).isEqualTo(before);
    }

    @Test
    void theRulesBoundPortRowsTargetsAndTheJustification() {
        LoadBalancerSpec tooManyPorts = spec("db", new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS,
                List.of("db")), ports(50 + 1));
        assertThat(SpecRules.check(tooManyPorts).byField()).containsEntry("ports",
                "At most 50 port rows; this load balancer has 51.");
        LoadBalancerSpec withNul = new LoadBalancerSpec("LON1", PAYMENTS_NET, "db", "round_robin",
                tooManyPorts.firewall(), tooManyPorts.target(), ports(1), tooManyPorts.advanced(), "needed\u0000");
        assertThat(SpecRules.checkForSubmission(withNul).byField()).containsKey("justification");
        assertThat(SpecRules.check(spec("db", new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("db")),
                ports(50))).isEmpty()).isTrue();
    }

    @Test
    void theReviewOfAHugeStoredSpecShowsTheProblemsWithoutBuildingThePlan() throws Exception {
        // What a draft saved before the bounds existed could hold: 150,000 IPs × 256 ports (38 million backends).
        UUID id = draft(spec(uniqueName(), new BackendTarget(BackendTarget.Kind.BACKEND_IPS, ips(150_000)),
                ports(256)));
        long started = System.nanoTime();
        mvc.perform(get("/requests/" + id + "/review").with(REQUESTER).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("At most 50 port rows; this load balancer has 256.")));
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds for the review page")
                .isLessThan(10_000);
    }

    @Test
    void aNulByteInARejectionReasonIsRefusedBesideTheFieldAndNothingChanges() throws Exception {
        UUID id = stored(SubmittedRequests.submitted("payments",
                new Participant("alice-test", "Alice Test", Set.of("REQUESTER")),
                spec(uniqueName(), new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("db")), ports(1)),
                Instant.now()));
        mvc.perform(decisionFromAPageOpenedNow(id, "reject", APPROVER).param("reason", "no\u0000way"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The reason contains a control character")));
        assertThat(requests.findById(id).orElseThrow().status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void aDecommissionReasonWithANulByteOrBeyondTheLengthIsRefused() {
        Decommissions decommissions = new Decommissions(null, null, null);
        Decommissions.DecommissionAsk nul = new Decommissions.DecommissionAsk(UUID.randomUUID(), UUID.randomUUID(),
                "payments", "LON1", "db", "not\u0000needed", null, null);
        assertThatThrownBy(() -> decommissions.ask(nul)).isInstanceOf(RequestRuleViolation.class)
                .hasMessageContaining("control character");
        Decommissions.DecommissionAsk longReason = new Decommissions.DecommissionAsk(UUID.randomUUID(),
                UUID.randomUUID(), "payments", "LON1", "db", "x".repeat(2001), null, null);
        assertThatThrownBy(() -> decommissions.ask(longReason)).isInstanceOf(RequestRuleViolation.class)
                .hasMessageContaining("under 2000 characters");
    }

    @Test
    void anAdminCannotOverrideTheirOwnRequestAndIsNotOfferedTheForm() throws Exception {
        UUID id = stored(SubmittedRequests.submitted("platform",
                new Participant("admin-person", "Test admin-person", Set.of("ADMIN", "REQUESTER")),
                spec(uniqueName(), new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("db")), ports(1)),
                Instant.now()));
        mvc.perform(get("/requests/" + id).with(ADMIN).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-test=\"override-form\""))))
                .andExpect(content().string(containsString("You asked for this load balancer, so you cannot "
                        + "decide on it.")));
        mvc.perform(decisionFromAPageOpenedNow(id, "override", ADMIN).param("reason", "urgent"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "You asked for this load balancer, so you cannot decide "
                        + "on it."));
        assertThat(requests.findById(id).orElseThrow().status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void anAdminWhoEditedARequestCannotOverrideIt() {
        LoadBalancerRequest request = SubmittedRequests.submitted("payments",
                new Participant("alice-test", "Alice Test", Set.of("REQUESTER")),
                spec(uniqueName(), new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("db")), ports(1)),
                Instant.now());
        Participant adam = new Participant("adam", "Adam", Set.of("ADMIN", "REQUESTER"));
        SubmittedRequests.resubmit(request, spec(request.name(), new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS,
                List.of("db")), ports(2)), adam, Instant.now());
        assertThatThrownBy(() -> request.overrideApprove(request.currentRevisionNumber(),
                request.currentRevision().orElseThrow().planHash(), adam, "urgent", Instant.now()))
                .isInstanceOf(RequestRuleViolation.class).hasMessage("You edited this request, so you cannot "
                        + "decide on it.");
        assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    /** A POST of {@code decision} on request {@code id} with the version, revision and plan hash its page has now. */
    private MockHttpServletRequestBuilder decisionFromAPageOpenedNow(UUID id, String decision,
                                                                    RequestPostProcessor person) {
        String[] decided = transactions.execute(tx -> {
            LoadBalancerRequest request = requests.findById(id).orElseThrow();
            return new String[] {Long.toString(request.version()), Integer.toString(request.currentRevisionNumber()),
                    request.currentRevision().orElseThrow().planHash()};
        });
        return post("/requests/" + id + "/" + decision).with(csrf()).with(person)
                .param("version", decided[0]).param("revision", decided[1]).param("planHash", decided[2]);
    }
}
