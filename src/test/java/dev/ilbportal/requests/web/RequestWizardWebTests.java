package dev.ilbportal.requests.web;

import static dev.ilbportal.identity.TestPeople.personWith;
import static dev.ilbportal.requests.web.WizardAsAlice.ALICE;
import static dev.ilbportal.requests.web.WizardAsAlice.PAYMENTS_NET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.RequestDrafts;
import dev.ilbportal.requests.internal.WizardStep;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.civo.CivoLookupCache;
import dev.ilbportal.sandbox.civo.Fault;
import dev.ilbportal.sandbox.civo.SandboxFaults;
import dev.ilbportal.sandbox.civo.SeedWorld;
import dev.ilbportal.support.PortalApplicationTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The wizard's URLs in the whole application: who may reach each, and what a step does with bad or good input. */
@PortalApplicationTest
@AutoConfigureMockMvc
class RequestWizardWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RequestDrafts drafts;

    @Autowired
    LoadBalancerRequests requests;

    @Autowired
    SandboxFaults faults;

    @Autowired
    CivoLookupCache lookups;

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    /** A person, as the role matrix names them. */
    enum Person {
        TEAM_REQUESTER(personWith(PortalRole.REQUESTER, "payments")),
        OTHER_TEAM_REQUESTER(personWith(PortalRole.REQUESTER, "search")),
        APPROVER(personWith(PortalRole.APPROVER)),
        AUDITOR(personWith(PortalRole.AUDITOR)),
        ADMIN(personWith(PortalRole.ADMIN)),
        ANONYMOUS(request -> request);

        final RequestPostProcessor login;

        Person(RequestPostProcessor login) {
            this.login = login;
        }
    }

    UUID paymentsDraft() {
        return WizardAsAlice.paymentsDraft(drafts);
    }

    static String uniqueName() {
        return "lb-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- the role matrix

    static Stream<Arguments> pagesOfNoRequest() {
        return Stream.of("/requests", "/requests/new",
                        "/requests/lookups/networks?region=LON1",
                        "/requests/lookups/instances?region=LON1&targetKind=INSTANCE_TAGS&targetValues=payments-api")
                .flatMap(url -> Stream.of(Person.values()).map(person -> Arguments.of(url, person)));
    }

    @ParameterizedTest(name = "GET {0} as {1}")
    @MethodSource("pagesOfNoRequest")
    void requesterPagesAreForRequestersOnly(String url, Person person) throws Exception {
        mvc.perform(get(url).with(person.login).accept(MediaType.TEXT_HTML)).andExpect(switch (person) {
            case TEAM_REQUESTER, OTHER_TEAM_REQUESTER -> status().isOk();
            case APPROVER, AUDITOR, ADMIN -> status().isForbidden();
            case ANONYMOUS -> status().isFound();
        });
    }

    static Stream<Arguments> stepPages() {
        return Stream.of("firewall", "load-balancer", "review")
                .flatMap(step -> Stream.of(Person.values()).map(person -> Arguments.of(step, person)));
    }

    @ParameterizedTest(name = "GET /requests/id/{0} as {1}")
    @MethodSource("stepPages")
    void stepPagesAreForRequestersOfTheTeamAndHiddenFromOtherTeams(String step, Person person) throws Exception {
        UUID id = paymentsDraft();
        mvc.perform(get("/requests/" + id + "/" + step).with(person.login).accept(MediaType.TEXT_HTML))
                .andExpect(switch (person) {
                    case TEAM_REQUESTER -> status().isOk();
                    case OTHER_TEAM_REQUESTER -> status().isNotFound();
                    case APPROVER, AUDITOR, ADMIN -> status().isForbidden();
                    case ANONYMOUS -> status().isFound();
                });
    }

    static Stream<Arguments> posts() {
        return Stream.of("new", "firewall", "load-balancer", "submit", "delete")
                .flatMap(action -> Stream.of(Person.values()).flatMap(person -> Stream.of(
                        Arguments.of(action, person, true), Arguments.of(action, person, false))));
    }

    @ParameterizedTest(name = "POST {0} as {1}, CSRF token {2}")
    @MethodSource("posts")
    void postsNeedTheTeamsRequesterAndACsrfToken(String action, Person person, boolean withCsrf) throws Exception {
        UUID id = paymentsDraft();
        MockHttpServletRequestBuilder request = switch (action) {
            case "new" -> post("/requests/new").param("region", "LON1");
            case "firewall" -> post("/requests/" + id + "/firewall").param("region", "LON1")
                    .param("networkId", PAYMENTS_NET).param("firewallMode", "CREATE");
            case "load-balancer" -> post("/requests/" + id + "/load-balancer").param("addPort", "1");
            case "submit" -> post("/requests/" + id + "/submit").param("justification", "needed");
            default -> post("/requests/" + id + "/delete");
        };
        request = request.with(person.login).accept(MediaType.TEXT_HTML);
        if (withCsrf) {
            request = request.with(csrf());
        }
        ResultMatcher expected;
        if (!withCsrf) {
            expected = status().isForbidden();
        } else {
            expected = switch (person) {
                case TEAM_REQUESTER -> switch (action) {
                    case "firewall" -> redirectedUrl("/requests/" + id + "/load-balancer");
                    case "delete" -> redirectedUrl("/requests?deleted");
                    default -> status().isOk();
                };
                case OTHER_TEAM_REQUESTER -> action.equals("new") ? status().isOk() : status().isNotFound();
                case APPROVER, AUDITOR, ADMIN -> status().isForbidden();
                case ANONYMOUS -> status().isFound();
            };
        }
        mvc.perform(request).andExpect(expected);
        if (!withCsrf || person != Person.TEAM_REQUESTER || !action.equals("delete")) {
            assertThat(requests.findById(id)).as("the draft is untouched by a refused POST").isPresent();
        } else {
            assertThat(requests.findById(id)).as("the draft is deleted").isEmpty();
        }
    }

    // ---- what the steps do

    @Test
    void badInputComesBackAsTypedWithTheMessageBesideTheField() throws Exception {
        UUID id = paymentsDraft();

        String page = mvc.perform(WizardAsAlice.loadBalancerStep(id, Person.TEAM_REQUESTER.login,
                        "name", "Payments API", "ports[0].sourcePort", "80a", "serverTimeout", "soon"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-test=\"error-summary\"")
                .contains("value=\"Payments API\"")
                .contains("value=\"80a\"")
                .contains("value=\"soon\"")
                .containsPattern("id=\"name\"[^>]*is-invalid")
                .containsPattern("data-feedback-for=\"name\">Use lowercase letters, digits and hyphens")
                .contains("form-control form-control-sm is-invalid\" name=\"ports[0].sourcePort\"")
                .contains("data-feedback-for=\"ports[0].sourcePort\">A port is a number from 1 to 65535.")
                .contains("data-feedback-for=\"serverTimeout\">Write a duration like 60s, 5m or 1h.");
        assertThat(drafts.open(id, ALICE).spec().name()).as("nothing saved").isNull();
    }

    @Test
    void aFieldWithAProblemIsMarkedInvalidForScreenReadersAndPointsAtItsHelpAndMessage() throws Exception {
        UUID id = paymentsDraft();

        String page = mvc.perform(WizardAsAlice.loadBalancerStep(id, Person.TEAM_REQUESTER.login,
                        "name", "Payments API", "ports[0].healthCheckPort", "9x"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).containsPattern("id=\"name\"[^>]*aria-invalid=\"true\" aria-describedby=\"name-help name-feedback\"")
                .contains("id=\"name-help\"", "id=\"name-feedback\"")
                .containsPattern("aria-invalid=\"true\" aria-describedby=\"ports\\[0\\].healthCheckPort-feedback\"")
                .contains("value=\"9x\"")
                .contains("data-feedback-for=\"ports[0].healthCheckPort\">A port is a number from 1 to 65535.")
                .doesNotContainPattern("id=\"algorithm\"[^>]*aria-invalid");
        assertThat(drafts.open(id, ALICE).spec().name()).as("nothing saved").isNull();
    }

    @Test
    void civoFaultDuringValidationKeepsTheInputAndSaysCivoDidNotAnswer() throws Exception {
        long before = requests.count();
        lookups.clear(); // networks are cached for a short time; this test is about Civo failing when asked
        faults.inject(Fault.error(503, "service_unavailable", "Civo is down for maintenance")
                .on("GET", "/v2/networks*"));

        String page = mvc.perform(post("/requests/new").with(csrf()).with(Person.TEAM_REQUESTER.login)
                        .param("team", "payments").param("region", "LON1").param("networkId", PAYMENTS_NET)
                        .param("firewallMode", "CREATE").param("firewallName", "my-typed-firewall"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-test=\"civo-failure\"").contains("Civo did not answer: GET /v2/networks")
                .contains("Your input is kept; try again.")
                .contains("value=\"my-typed-firewall\"");
        assertThat(requests.count()).as("no draft saved on a Civo failure").isEqualTo(before);
    }

    @Test
    void stepOneOffersTheNetworksFirewallsButNotThoseWithInboundRules() throws Exception {
        String fragment = mvc.perform(get("/requests/lookups/networks").with(Person.TEAM_REQUESTER.login)
                        .param("region", "LON1").param("networkId", PAYMENTS_NET))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(fragment).doesNotContain("<html")
                .containsPattern("<option[^>]*disabled[^>]*>payments-net-default \\(3 inbound rules, cannot be used\\)")
                .contains("greyed out");
    }

    @Test
    void matchingInstancesAreListedLiveWithTheirNetwork() throws Exception {
        String fragment = mvc.perform(get("/requests/lookups/instances").with(Person.TEAM_REQUESTER.login)
                        .param("region", "LON1").param("networkId", PAYMENTS_NET)
                        .param("targetKind", "INSTANCE_TAGS").param("targetValues", "prod"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("data-instance=\"payments-1\"").contains("10.20.0.11")
                .contains("data-instance=\"search-1\"").contains("Outside the load balancer's network");
    }

    @Test
    void completeRequestIsSubmittedWithItsPlanAndRedirectsToTheRequestPage() throws Exception {
        UUID id = paymentsDraft();
        String name = uniqueName();
        mvc.perform(WizardAsAlice.loadBalancerStep(id, Person.TEAM_REQUESTER.login, "name", name))
                .andExpect(redirectedUrl("/requests/" + id + "/review"));

        mvc.perform(get("/requests/" + id + "/review").with(Person.TEAM_REQUESTER.login))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("&quot;create_rules&quot; : false")));

        mvc.perform(post("/requests/" + id + "/submit").with(csrf()).with(Person.TEAM_REQUESTER.login)
                        .param("justification", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "data-feedback-for=\"justification\">Say why this load balancer is needed")));

        mvc.perform(post("/requests/" + id + "/submit").with(csrf()).with(Person.TEAM_REQUESTER.login)
                        .param("justification", "Payments needs an internal API endpoint."))
                .andExpect(redirectedUrl("/requests/" + id));

        LoadBalancerRequest submitted = requests.findById(id).orElseThrow();
        assertThat(submitted.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(submitted.currentRevisionNumber()).isEqualTo(1);
        assertThat(submitted.expiresAt()).isNotNull();
    }

    @Test
    void addPortAndRemovePortWorkWithoutJavaScript() throws Exception {
        UUID id = paymentsDraft();

        String twoRows = mvc.perform(post("/requests/" + id + "/load-balancer").with(csrf())
                        .with(Person.TEAM_REQUESTER.login).param("name", "kept-name")
                        .param("ports[0].sourcePort", "443").param("addPort", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(twoRows).contains("data-port-row=\"1\"").contains("value=\"kept-name\"")
                .contains("name=\"ports[1].protocol\"", "name=\"ports[1].sourcePort\"")
                .doesNotContain("data-test=\"error-summary\"");

        String oneRow = mvc.perform(post("/requests/" + id + "/load-balancer").with(csrf())
                        .with(Person.TEAM_REQUESTER.login).param("ports[0].sourcePort", "443")
                        .param("ports[1].sourcePort", "80").param("removePort", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(oneRow).doesNotContain("data-port-row=\"1\"").contains("value=\"80\"");
    }

    @Test
    void listShowsOnlyTheTeamsRequests() throws Exception {
        UUID id = paymentsDraft();

        mvc.perform(get("/requests").with(Person.TEAM_REQUESTER.login))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-request=\"" + id + "\"")));
        mvc.perform(get("/requests").with(Person.OTHER_TEAM_REQUESTER.login))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("data-request=\"" + id + "\""))));
    }

    @Test
    void sameNameAsAnotherOpenRequestIsRefusedBesideTheName() throws Exception {
        String name = uniqueName();
        UUID first = paymentsDraft();
        LoadBalancerSpec spec = drafts.open(first, ALICE).spec();
        drafts.saveStep(first, WizardStep.LOAD_BALANCER, new LoadBalancerSpec(spec.region(), spec.networkId(), name,
                "round_robin", spec.firewall(), new LoadBalancerSpec.BackendTarget(
                LoadBalancerSpec.BackendTarget.Kind.INSTANCE_TAGS, List.of("payments-api")),
                List.of(new LoadBalancerSpec.PortMapping("TCP", 80, 8080, null, null)), spec.advanced(), null), ALICE);
        UUID second = paymentsDraft();

        mvc.perform(WizardAsAlice.loadBalancerStep(second, Person.TEAM_REQUESTER.login, "name", name))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "data-feedback-for=\"name\">Another open request already asks for a load balancer named "
                                + name)));
    }

    @Test
    void aDraftThatWasOnceSubmittedIsNotDeletedButTheRefusalIsExplained() throws Exception {
        UUID id = paymentsDraft();
        LoadBalancerSpec spec = drafts.open(id, ALICE).spec();
        drafts.saveStep(id, WizardStep.LOAD_BALANCER, new LoadBalancerSpec(spec.region(), spec.networkId(),
                uniqueName(), "round_robin", spec.firewall(), new LoadBalancerSpec.BackendTarget(
                LoadBalancerSpec.BackendTarget.Kind.INSTANCE_TAGS, List.of("payments-api")),
                List.of(new LoadBalancerSpec.PortMapping("TCP", 80, 8080, null, null)), spec.advanced(), null), ALICE);
        assertThat(drafts.submit(id, "needed", ALICE).isSaved()).isTrue();
        drafts.saveStep(id, WizardStep.LOAD_BALANCER, drafts.open(id, ALICE).spec(), ALICE);
        assertThat(requests.findById(id).orElseThrow().status()).as("edited again: a draft").isEqualTo(
                RequestStatus.DRAFT);

        mvc.perform(post("/requests/" + id + "/delete").with(csrf()).with(Person.TEAM_REQUESTER.login))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Only a draft that was never submitted can be deleted")));
        assertThat(requests.findById(id)).isPresent();
    }

    @Test
    void refreshWithoutJavaScriptReloadsTheNetworksOfTheChosenRegionAndSavesNothing() throws Exception {
        long before = requests.count();

        mvc.perform(post("/requests/new").with(csrf()).with(Person.TEAM_REQUESTER.login)
                        .param("team", "payments").param("region", "FRA1").param("firewallName", "kept")
                        .param("refresh", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "value=\"" + SeedWorld.networkId("FRA1", "payments-net") + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"kept\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("data-test=\"error-summary\""))));
        assertThat(requests.count()).isEqualTo(before);
    }
}
