package dev.ilbportal.requests.approval;

import static dev.ilbportal.identity.TestPeople.personWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.identity.SecuritySliceConfiguration;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.internal.RequestsProperties;
import dev.ilbportal.requests.SubmittedRequests;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may open the request page, take each decision and open the queue, with the real security rules, the real
 * workflow and aggregate, and the stored request replaced by one in memory.
 */
@WebMvcTest({RequestPageController.class, ApprovalQueueController.class})
@Import({SecuritySliceConfiguration.class, RequestAccessRules.class, RequestPages.class, ApprovalQueue.class,
        RequestWorkflow.class, RequestPageAccessTests.FixedClock.class})
class RequestPageAccessTests {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    /** The subject TestPeople gives a person whose first role is requester: they asked for the request. */
    static final Participant REQUESTER = new Participant("requester-person", "Test requester-person");

    @TestConfiguration
    @EnableConfigurationProperties(RequestsProperties.class)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC);
        }
    }

    enum Person {
        REQUESTER_OF_TEAM(personWith(PortalRole.REQUESTER, "payments")),
        REQUESTER_OF_OTHER_TEAM(personWith(PortalRole.REQUESTER, "search")),
        APPROVER(personWith(PortalRole.APPROVER)),
        APPROVER_WHO_REQUESTED(personWith(List.of(PortalRole.REQUESTER, PortalRole.APPROVER), "payments")),
        AUDITOR(personWith(PortalRole.AUDITOR)),
        ADMIN(personWith(PortalRole.ADMIN)),
        ANONYMOUS(null);

        final RequestPostProcessor login;

        Person(RequestPostProcessor login) {
            this.login = login;
        }
    }

    /** What the person gets: the page, a change made, a refusal, or a sign-in redirect. */
    enum Outcome { PAGE, CHANGED, NOT_CHANGED_WITH_MESSAGE, FORBIDDEN, NOT_FOUND, SIGN_IN }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LoadBalancerRequests requests;

    /** The team-binding warnings read Civo; their own tests are TeamBindingsTests and TeamBindingsBrowserTests. */
    @MockitoBean
    BindingWarnings bindingWarnings;

    LoadBalancerRequest request;

    @BeforeEach
    void storedRequest() {
        request = SubmittedRequests.submitted("payments", REQUESTER, SubmittedRequests.spec("payments-db", "LON1"),
                NOW);
        given(requests.findById(request.id())).willReturn(Optional.of(request));
        given(requests.save(any())).willAnswer(call -> call.getArgument(0));
        given(requests.findQueue(isNull(), isNull(), any(Pageable.class)))
                .willAnswer(call -> new PageImpl<>(List.of(request), call.getArgument(2), 1));
        given(requests.findQueueTeams()).willReturn(List.of("payments"));
        given(requests.findQueueRegions()).willReturn(List.of("LON1"));
    }

    /** The two pages of the approval side: a request's own page and the queue, which lists the request. */
    enum Page {
        REQUEST_PAGE("the request page"),
        APPROVAL_QUEUE("the approval queue");

        final String words;

        Page(String words) {
            this.words = words;
        }

        String path(LoadBalancerRequest request) {
            return this == REQUEST_PAGE ? "/requests/" + request.id() : "/approvals";
        }

        @Override
        public String toString() {
            return words;
        }
    }

    static Stream<Arguments> pageMatrix() {
        return Stream.of(
                Arguments.of(Page.REQUEST_PAGE, Person.REQUESTER_OF_TEAM, Outcome.PAGE),
                Arguments.of(Page.REQUEST_PAGE, Person.REQUESTER_OF_OTHER_TEAM, Outcome.NOT_FOUND),
                Arguments.of(Page.REQUEST_PAGE, Person.APPROVER, Outcome.PAGE),
                Arguments.of(Page.REQUEST_PAGE, Person.APPROVER_WHO_REQUESTED, Outcome.PAGE),
                Arguments.of(Page.REQUEST_PAGE, Person.AUDITOR, Outcome.PAGE),
                Arguments.of(Page.REQUEST_PAGE, Person.ADMIN, Outcome.PAGE),
                Arguments.of(Page.REQUEST_PAGE, Person.ANONYMOUS, Outcome.SIGN_IN),
                // the queue is for approvers only
                Arguments.of(Page.APPROVAL_QUEUE, Person.REQUESTER_OF_TEAM, Outcome.FORBIDDEN),
                Arguments.of(Page.APPROVAL_QUEUE, Person.REQUESTER_OF_OTHER_TEAM, Outcome.FORBIDDEN),
                Arguments.of(Page.APPROVAL_QUEUE, Person.APPROVER, Outcome.PAGE),
                Arguments.of(Page.APPROVAL_QUEUE, Person.APPROVER_WHO_REQUESTED, Outcome.PAGE),
                Arguments.of(Page.APPROVAL_QUEUE, Person.AUDITOR, Outcome.FORBIDDEN),
                Arguments.of(Page.APPROVAL_QUEUE, Person.ADMIN, Outcome.FORBIDDEN),
                Arguments.of(Page.APPROVAL_QUEUE, Person.ANONYMOUS, Outcome.SIGN_IN));
    }

    @ParameterizedTest(name = "{1} opening {0}: {2}")
    @MethodSource("pageMatrix")
    void eachPageIsShownOnlyToThoseWhoMaySeeIt(Page page, Person person, Outcome expected) throws Exception {
        var result = mvc.perform(as(person, get(page.path(request))));
        switch (expected) {
            case PAGE -> {
                result.andExpect(status().isOk());
                if (page == Page.APPROVAL_QUEUE) {
                    result.andExpect(content().string(org.hamcrest.Matchers.containsString(
                            "href=\"/requests/" + request.id() + "\"")));
                }
            }
            case NOT_FOUND -> result.andExpect(status().isNotFound());
            case FORBIDDEN -> result.andExpect(status().isForbidden());
            case SIGN_IN -> result.andExpect(status().isFound())
                    .andExpect(redirectedUrl("/oauth2/authorization/portal"));
            default -> throw new IllegalArgumentException(expected.name());
        }
    }

    static Stream<Arguments> actionMatrix() {
        return Stream.of(
                // approve: approvers only, never the person who asked
                Arguments.of("approve", Person.REQUESTER_OF_TEAM, Outcome.FORBIDDEN),
                Arguments.of("approve", Person.REQUESTER_OF_OTHER_TEAM, Outcome.FORBIDDEN),
                Arguments.of("approve", Person.APPROVER, Outcome.CHANGED),
                Arguments.of("approve", Person.APPROVER_WHO_REQUESTED, Outcome.NOT_CHANGED_WITH_MESSAGE),
                Arguments.of("approve", Person.AUDITOR, Outcome.FORBIDDEN),
                Arguments.of("approve", Person.ADMIN, Outcome.FORBIDDEN),
                Arguments.of("approve", Person.ANONYMOUS, Outcome.SIGN_IN),
                // reject: the same people
                Arguments.of("reject", Person.REQUESTER_OF_TEAM, Outcome.FORBIDDEN),
                Arguments.of("reject", Person.REQUESTER_OF_OTHER_TEAM, Outcome.FORBIDDEN),
                Arguments.of("reject", Person.APPROVER, Outcome.CHANGED),
                Arguments.of("reject", Person.APPROVER_WHO_REQUESTED, Outcome.NOT_CHANGED_WITH_MESSAGE),
                Arguments.of("reject", Person.AUDITOR, Outcome.FORBIDDEN),
                Arguments.of("reject", Person.ADMIN, Outcome.FORBIDDEN),
                Arguments.of("reject", Person.ANONYMOUS, Outcome.SIGN_IN),
                // override: admins only
                Arguments.of("override", Person.REQUESTER_OF_TEAM, Outcome.FORBIDDEN),
                Arguments.of("override", Person.REQUESTER_OF_OTHER_TEAM, Outcome.FORBIDDEN),
                Arguments.of("override", Person.APPROVER, Outcome.FORBIDDEN),
                Arguments.of("override", Person.APPROVER_WHO_REQUESTED, Outcome.FORBIDDEN),
                Arguments.of("override", Person.AUDITOR, Outcome.FORBIDDEN),
                Arguments.of("override", Person.ADMIN, Outcome.CHANGED),
                Arguments.of("override", Person.ANONYMOUS, Outcome.SIGN_IN),
                // withdraw: requesters of the request's team only; another team's requester does not learn it exists
                Arguments.of("withdraw", Person.REQUESTER_OF_TEAM, Outcome.CHANGED),
                Arguments.of("withdraw", Person.REQUESTER_OF_OTHER_TEAM, Outcome.NOT_FOUND),
                Arguments.of("withdraw", Person.APPROVER, Outcome.FORBIDDEN),
                Arguments.of("withdraw", Person.APPROVER_WHO_REQUESTED, Outcome.CHANGED),
                Arguments.of("withdraw", Person.AUDITOR, Outcome.FORBIDDEN),
                Arguments.of("withdraw", Person.ADMIN, Outcome.FORBIDDEN),
                Arguments.of("withdraw", Person.ANONYMOUS, Outcome.SIGN_IN));
    }

    @ParameterizedTest(name = "{1} posting {0} with CSRF: {2}")
    @MethodSource("actionMatrix")
    void eachActionIsOpenOnlyToItsRole(String action, Person person, Outcome expected) throws Exception {
        var result = mvc.perform(as(person, decision(action).with(csrf())));
        switch (expected) {
            case CHANGED -> {
                result.andExpect(status().isFound()).andExpect(redirectedUrl("/requests/" + request.id()))
                        .andExpect(flash().attributeExists("notice"));
                assertThat(request.status()).isNotEqualTo(RequestStatus.SUBMITTED);
                verify(requests).save(request);
            }
            case NOT_CHANGED_WITH_MESSAGE -> {
                result.andExpect(status().isFound()).andExpect(redirectedUrl("/requests/" + request.id()))
                        .andExpect(flash().attribute("problem",
                                "You asked for this load balancer, so you cannot decide on it."));
                assertUnchanged();
            }
            case FORBIDDEN -> {
                result.andExpect(status().isForbidden());
                assertUnchanged();
            }
            case NOT_FOUND -> {
                result.andExpect(status().isNotFound());
                assertUnchanged();
            }
            case SIGN_IN -> {
                result.andExpect(status().isFound()).andExpect(redirectedUrl("/oauth2/authorization/portal"));
                assertUnchanged();
            }
            default -> throw new IllegalArgumentException(expected.name());
        }
    }

    static Stream<Arguments> everyActionByItsRightfulPerson() {
        return Stream.of(Arguments.of("approve", Person.APPROVER), Arguments.of("reject", Person.APPROVER),
                Arguments.of("override", Person.ADMIN), Arguments.of("withdraw", Person.REQUESTER_OF_TEAM));
    }

    @ParameterizedTest(name = "{0} by {1} without a CSRF token")
    @MethodSource("everyActionByItsRightfulPerson")
    void actionWithoutCsrfTokenIsRefusedAndChangesNothing(String action, Person person) throws Exception {
        mvc.perform(as(person, decision(action))).andExpect(status().isForbidden());
        assertUnchanged();
    }

    @Test
    void approverSeesApproveTiedToRevisionAndPlanHashAndRejectWithReason() throws Exception {
        String page = requestPageAs(Person.APPROVER);

        String hash = request.currentRevision().orElseThrow().planHash();
        assertThat(page).contains("data-test=\"approve\"", "data-test=\"reject-reason\"",
                "name=\"planHash\" value=\"" + hash + "\"", "name=\"revision\" value=\"1\"", "name=\"_csrf\"")
                .doesNotContain("data-test=\"override\"", "data-test=\"withdraw-confirm\"");
    }

    @Test
    void approverWhoAskedForTheRequestSeesWhyInsteadOfTheButtons() throws Exception {
        String page = requestPageAs(Person.APPROVER_WHO_REQUESTED);

        assertThat(page).contains("You asked for this load balancer, so you cannot decide on it.")
                .contains("data-test=\"withdraw-confirm\"")
                .doesNotContain("data-test=\"approve\"", "data-test=\"reject\"");
    }

    @Test
    void requesterSeesWithdrawButNoDecisionButtons() throws Exception {
        String page = requestPageAs(Person.REQUESTER_OF_TEAM);

        assertThat(page).contains("data-test=\"withdraw-confirm\"")
                .doesNotContain("data-test=\"approve\"", "data-test=\"override\"", "data-test=\"why-no-decision\"");
    }

    @Test
    void auditorReadsThePlanAndSeesNoActions() throws Exception {
        String page = requestPageAs(Person.AUDITOR);

        assertThat(page).contains("/v2/firewalls?region=LON1", "&quot;create_rules&quot; : false",
                        "/provisioning/requests/" + request.id())
                .doesNotContain("data-test=\"actions\"");
    }

    @Test
    void adminSeesOverrideOnly() throws Exception {
        String page = requestPageAs(Person.ADMIN);

        assertThat(page).contains("data-test=\"override\"").doesNotContain("data-test=\"approve\"",
                "data-test=\"withdraw-confirm\"");
    }

    @Test
    void refusedSelfApprovalShowsTheMessageAndChangesNothing() throws Exception {
        mvc.perform(as(Person.APPROVER_WHO_REQUESTED, decision("approve").with(csrf())))
                .andExpect(flash().attribute("problem", "You asked for this load balancer, so you cannot decide on it."));

        assertUnchanged();
    }

    static Stream<Arguments> decisionsWithoutAReason() {
        return Stream.of(
                Arguments.of("reject", Person.APPROVER, "  "),   // a blank reason
                Arguments.of("override", Person.ADMIN, null));  // no reason field at all
    }

    @ParameterizedTest(name = "{0} by {1} with reason [{2}]")
    @MethodSource("decisionsWithoutAReason")
    void decisionWithoutReasonIsRefusedWithTheMessageBesideTheField(String decision, Person person, String reason)
            throws Exception {
        MockHttpServletRequestBuilder form = post("/requests/" + request.id() + "/" + decision)
                .param("version", "0").param("revision", "1").param("planHash", planHash()).with(csrf());
        if (reason != null) {
            form.param("reason", reason);
        }
        String page = mvc.perform(as(person, form))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-test=\"" + decision + "-reason-error\"", DecisionForm.REASON_REQUIRED);
        assertUnchanged();
    }

    @Test
    void decisionOnARequestChangedSinceItWasOpenedSaysSoAndChangesNothing() throws Exception {
        mvc.perform(as(Person.APPROVER, post("/requests/" + request.id() + "/approve")
                        .param("version", "7").param("revision", "1").param("planHash", planHash()).with(csrf())))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("problem", RequestPageController.CHANGED_MEANWHILE));

        assertUnchanged();
    }

    @Test
    void approvalOfAnotherPlanThanTheCurrentOneIsRefused() throws Exception {
        mvc.perform(as(Person.APPROVER, post("/requests/" + request.id() + "/approve")
                        .param("version", "0").param("revision", "1").param("planHash", "f".repeat(64))
                        .with(csrf())))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString(
                        "changed since you opened it")));

        assertUnchanged();
    }

    @Test
    void approvalVoidedByALaterEditIsShownAsVoidedBesideTheDiff() throws Exception {
        request.approve(1, planHash(), new Participant("arno", "Arno Approver"), 2, NOW);
        var first = SubmittedRequests.spec("payments-db", "LON1");
        SubmittedRequests.resubmit(request, new dev.ilbportal.requests.internal.LoadBalancerSpec(first.region(),
                first.networkId(), first.name(), "least_connections", first.firewall(), first.target(),
                first.ports(), first.advanced(), first.justification()), REQUESTER, NOW.plusSeconds(60));

        String page = requestPageAs(Person.AUDITOR);

        assertThat(page).contains("data-test=\"voided\"", "voided by a later edit", "Arno Approver",
                "Changed since revision 1: 1 field(s)", "round_robin", "least_connections");
    }

    @Test
    void approverWhoAlreadyApprovedIsToldTheRevisionWaitsForAnotherApprover() throws Exception {
        request.approve(1, planHash(), new Participant("approver-person", "Test approver-person"), 2, NOW);

        String page = requestPageAs(Person.APPROVER);

        assertThat(page).contains("You have already approved revision 1; it is waiting for another approver.")
                .doesNotContain("data-test=\"approve\"");
    }

    /** The request page as {@code person} sees it (they may see it). */
    private String requestPageAs(Person person) throws Exception {
        return mvc.perform(as(person, get("/requests/" + request.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void unknownRequestIsNotFound() throws Exception {
        mvc.perform(as(Person.ADMIN, get("/requests/" + java.util.UUID.randomUUID())))
                .andExpect(status().isNotFound());
    }

    @Test
    void wizardAddressesAreNotRuledHere() throws Exception {
        mvc.perform(get("/requests/new").with(personWith(PortalRole.APPROVER))).andExpect(status().isForbidden());
        mvc.perform(post("/requests/" + request.id() + "/submit").with(personWith(PortalRole.APPROVER)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder decision(String action) {
        return post("/requests/" + request.id() + "/" + action)
                .param("version", "0").param("revision", "1").param("planHash", planHash())
                .param("reason", "Looks fine to me");
    }

    private String planHash() {
        return request.currentRevision().orElseThrow().planHash();
    }

    private static MockHttpServletRequestBuilder as(Person person, MockHttpServletRequestBuilder builder) {
        return person.login == null ? builder : builder.with(person.login);
    }

    private void assertUnchanged() {
        assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(request.decisions()).isEmpty();
        verify(requests, never()).save(any());
    }
}
