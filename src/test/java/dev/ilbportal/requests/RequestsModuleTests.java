package dev.ilbportal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.requests.RequestEvents.RequestApprovalRecorded;
import dev.ilbportal.requests.RequestEvents.RequestWithdrawn;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.support.TestDatabaseInitializer;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.CivoLookupCache;
import dev.ilbportal.civo.CivoProperties;
import dev.ilbportal.kubernetes.KubernetesServices;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;

/**
 * The requests module on its own (no other module's beans): a decision taken through its published API is saved and
 * announced as the event other modules listen to. What it uses of other modules is stood in for: the clock (web),
 * Civo's settings, and the Civo and Kubernetes clients (the decisions here call neither).
 */
@ApplicationModuleTest
@Import(RequestsModuleTests.OtherModules.class)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class RequestsModuleTests {

    private static final CurrentUser APPROVER = new CurrentUser("module-approver", "Module Approver",
            "approver@example.org", Set.of(PortalRole.APPROVER), Set.of());
    private static final CurrentUser REQUESTER = new CurrentUser("module-requester", "Module Requester",
            "requester@example.org", Set.of(PortalRole.REQUESTER), Set.of("payments"));

    @TestConfiguration(proxyBeanMethods = false)
    static class OtherModules {
        /** Bound as the civo module binds it (its defaults and this run's settings). */
        @Bean
        CivoProperties civoProperties(Environment environment) {
            return Binder.get(environment).bindOrCreate("portal.civo", CivoProperties.class);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @MockitoBean
    CivoClient civo;

    @MockitoBean
    CivoLookupCache civoLookups;

    @MockitoBean
    KubernetesServices kubernetes;

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    LoadBalancerRequests requests;

    private SubmittedRequests submitted;

    private LoadBalancerRequest submittedRequest() {
        submitted = new SubmittedRequests(requests);
        LoadBalancerRequest request = SubmittedRequests.submitted("payments", Participant.of(REQUESTER),
                SubmittedRequests.spec("module-db-" + UUID.randomUUID().toString().substring(0, 8), "LON1"),
                Instant.now());
        submitted.store(request);
        return request;
    }

    @AfterEach
    void removeRequests() {
        if (submitted != null) {
            submitted.removeAll();
        }
    }

    @Test
    void anApprovalThroughTheWorkflowIsAnnouncedWithTheApproverAndTheReviewedRevision(Scenario scenario) {
        LoadBalancerRequest request = submittedRequest();
        UUID id = request.id();
        String planHash = request.currentRevision().orElseThrow().planHash();
        long version = requests.findById(id).orElseThrow().version();

        scenario.stimulate(() -> workflow.approve(id, version, 1, planHash, APPROVER))
                .andWaitForEventOfType(RequestApprovalRecorded.class)
                .matchingMappedValue(RequestApprovalRecorded::requestId, id)
                .toArriveAndVerify(event -> {
                    assertThat(event.revision()).isEqualTo(1);
                    assertThat(event.planHash()).isEqualTo(planHash);
                    assertThat(event.by().displayName()).isEqualTo("Module Approver");
                });
    }

    @Test
    void aWithdrawalByTheRequestersTeamIsAnnouncedAndStored(Scenario scenario) {
        UUID id = submittedRequest().id();

        scenario.stimulate(() -> workflow.withdraw(id, REQUESTER))
                .andWaitForEventOfType(RequestWithdrawn.class)
                .matchingMappedValue(RequestWithdrawn::requestId, id)
                .toArriveAndVerify(event -> {
                    assertThat(event.statusBefore()).isEqualTo(RequestStatus.SUBMITTED);
                    assertThat(requests.findById(id).orElseThrow().status()).isEqualTo(RequestStatus.WITHDRAWN);
                });
    }
}
