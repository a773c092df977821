package dev.ilbportal.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.requests.SubmittedRequests;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.requests.RequestEvents.RequestApproved;
import dev.ilbportal.requests.RequestEvents.RequestExpired;
import dev.ilbportal.requests.RequestEvents.RequestRejected;
import dev.ilbportal.requests.RequestEvents.RequestSubmitted;
import dev.ilbportal.requests.RequestEvents.RequestWithdrawn;
import dev.ilbportal.support.MutableClock;
import dev.ilbportal.support.MutableClockConfiguration;
import dev.ilbportal.support.PortalApplicationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval workflow on the whole application and real PostgreSQL: each transition publishes its event, races
 * leave exactly one outcome, and the expiry job expires what nobody decided in time.
 */
@PortalApplicationTest
@Import(MutableClockConfiguration.class)
@ExtendWith(PublishedEventsExtension.class)
class ApprovalWorkflowTests {

    static final CurrentUser ALICE = new CurrentUser("alice", "Alice Adeyemi", null, Set.of(PortalRole.REQUESTER),
            Set.of("payments"));
    static final CurrentUser APRIL = new CurrentUser("april", "April Okafor", null, Set.of(PortalRole.APPROVER),
            Set.of());
    static final CurrentUser ARNO = new CurrentUser("arno", "Arno Approver", null, Set.of(PortalRole.APPROVER),
            Set.of());
    static final CurrentUser ADAM = new CurrentUser("adam", "Adam Novak", null, Set.of(PortalRole.ADMIN), Set.of());

    @Autowired
    RequestWorkflow workflow;

    @Autowired
    RequestExpiryJob expiryJob;

    @Autowired
    LoadBalancerRequests requests;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    /** Stores submitted requests and removes them after each test. */
    @RegisterExtension
    final SubmittedRequests fixture = SubmittedRequests.removedAfterEachTest();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UUID submitted() {
        return fixture.store("payments", Participant.of(ALICE),
                SubmittedRequests.spec("wf-" + UUID.randomUUID().toString().substring(0, 8), "LON1"), clock.instant());
    }

    private LoadBalancerRequest reload(UUID id) {
        return transactions.execute(tx -> {
            LoadBalancerRequest request = requests.findById(id).orElseThrow();
            request.decisions().size();
            request.revisions().size();
            return request;
        });
    }

    private String hash(UUID id) {
        return reload(id).currentRevision().orElseThrow().planHash();
    }

    @Test
    void submittingPublishesRequestSubmitted(AssertablePublishedEvents events) {
        UUID id = submitted();

        assertThat(events).contains(RequestSubmitted.class).matching(RequestSubmitted::requestId, id);
    }

    @Test
    void approvingPublishesRequestApproved(AssertablePublishedEvents events) {
        UUID id = submitted();
        workflow.approve(id, reload(id).version(), 1, hash(id), APRIL);

        assertThat(events).contains(RequestApproved.class).matching(RequestApproved::requestId, id);
        assertThat(reload(id).status()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void overridingPublishesRequestApprovedMarkedAsOverrideWithTheReason(AssertablePublishedEvents events) {
        UUID id = submitted();
        workflow.overrideApprove(id, reload(id).version(), 1, hash(id), "Only approver is on leave", ADAM);

        assertThat(events).contains(RequestApproved.class)
                .matching(approved -> approved.requestId().equals(id) && approved.override()
                        && approved.reason().equals("Only approver is on leave"));
    }

    @Test
    void rejectingPublishesRequestRejectedWithTheReason(AssertablePublishedEvents events) {
        UUID id = submitted();
        workflow.reject(id, reload(id).version(), 1, hash(id), "Use port 6432", APRIL);

        assertThat(events).contains(RequestRejected.class)
                .matching(rejected -> rejected.requestId().equals(id) && rejected.reason().equals("Use port 6432"));
    }

    @Test
    void withdrawingPublishesRequestWithdrawn(AssertablePublishedEvents events) {
        UUID id = submitted();
        workflow.withdraw(id, reload(id).version(), ALICE);

        assertThat(events).contains(RequestWithdrawn.class).matching(RequestWithdrawn::requestId, id);
        assertThat(reload(id).status()).isEqualTo(RequestStatus.WITHDRAWN);
    }

    @Test
    void expiryJobExpiresAnOverdueRequestAndPublishesRequestExpired(AssertablePublishedEvents events) {
        UUID id = submitted();
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        expiryJob.expireDueRequests();

        assertThat(reload(id).status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(events).contains(RequestExpired.class).matching(RequestExpired::requestId, id);
    }

    @Test
    void expiryJobLeavesARequestThatIsNotDueYet(AssertablePublishedEvents events) {
        UUID id = submitted();
        clock.advance(Duration.ofDays(6));

        expiryJob.expireDueRequests();

        assertThat(reload(id).status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(events.ofType(RequestExpired.class).matching(RequestExpired::requestId, id::equals)).isEmpty();
    }

    @Test
    void secondDecisionFromAStalePageIsRefusedAndChangesNothing() {
        UUID id = submitted();
        long seen = reload(id).version();
        workflow.approve(id, seen, 1, hash(id), APRIL);

        assertThatThrownBy(() -> workflow.reject(id, seen, 1, hash(id), "too big", ARNO))
                .isInstanceOf(RequestChangedMeanwhile.class);
        LoadBalancerRequest after = reload(id);
        assertThat(after.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(after.decisions()).singleElement()
                .satisfies(decision -> assertThat(decision.decider().subject()).isEqualTo("april"));
    }

    @Test
    void twoApproversDecidingAtTheSameMomentLeaveExactlyOneOutcome() throws Exception {
        for (int round = 0; round < 5; round++) {
            Raced raced = aprilsApprovalRacing((id, seen, hash) -> workflow.reject(id, seen, 1, hash, "too big", ARNO));

            assertThat(raced.results()).filteredOn("done"::equals).hasSize(1);
            assertThat(raced.results()).filteredOn(result -> result instanceof RequestChangedMeanwhile
                    || result instanceof ObjectOptimisticLockingFailureException).hasSize(1);
            assertThat(raced.after().decisions()).hasSize(1);
            assertThat(raced.after().status()).isIn(RequestStatus.APPROVED, RequestStatus.REJECTED);
        }
    }

    @Test
    void approvalRacingAWithdrawalLeavesExactlyOneOutcome() throws Exception {
        for (int round = 0; round < 5; round++) {
            Raced raced = aprilsApprovalRacing((id, seen, hash) -> workflow.withdraw(id, seen, ALICE));

            assertThat(raced.results()).filteredOn("done"::equals).hasSize(1);
            LoadBalancerRequest after = raced.after();
            if (after.status() == RequestStatus.APPROVED) {
                assertThat(after.decisions()).hasSize(1);
            } else {
                assertThat(after.status()).isEqualTo(RequestStatus.WITHDRAWN);
                assertThat(after.decisions()).isEmpty();
            }
        }
    }

    /** What another person does to the request April approves, from the same page (same version and hash). */
    private interface OtherAction {
        void on(UUID id, long seenVersion, String hash);
    }

    /** The results of both actions ("done" or the exception each ended with) and the request as stored after. */
    private record Raced(List<Object> results, LoadBalancerRequest after) {
    }

    /** A fresh submitted request on which April's approval and {@code other} run at the same moment. */
    private Raced aprilsApprovalRacing(OtherAction other) throws Exception {
        UUID id = submitted();
        long seen = reload(id).version();
        String hash = hash(id);
        List<Object> results = race(() -> workflow.approve(id, seen, 1, hash, APRIL), () -> other.on(id, seen, hash));
        return new Raced(results, reload(id));
    }

    @Test
    void approvalAfterAWithdrawalFromAStalePageIsRefused() {
        UUID id = submitted();
        long seen = reload(id).version();
        workflow.withdraw(id, seen, ALICE);

        assertThatThrownBy(() -> workflow.approve(id, seen, 1, hash(id), APRIL))
                .isInstanceOf(RequestChangedMeanwhile.class);
        assertThat(reload(id).status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(reload(id).decisions()).isEmpty();
    }

    /** Runs both actions at the same moment; each result is "done" or the exception it ended with. */
    private static List<Object> race(Runnable first, Runnable second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Runnable action : List.of(first, second)) {
                Callable<Object> task = () -> {
                    start.await();
                    try {
                        action.run();
                        return "done";
                    } catch (RuntimeException refused) {
                        return refused;
                    }
                };
                futures.add(threads.submit(task));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get());
            }
            return Collections.unmodifiableList(results);
        } finally {
            threads.shutdown();
        }
    }
}
