package dev.ilbportal.requests.internal;

import dev.ilbportal.requests.RequestStatus;
import static dev.ilbportal.requests.internal.LoadBalancerRequestTests.ALICE;
import static dev.ilbportal.requests.internal.LoadBalancerRequestTests.APRIL;
import static dev.ilbportal.requests.internal.LoadBalancerRequestTests.ARNO;
import static dev.ilbportal.requests.internal.LoadBalancerRequestTests.PLAN_1;
import static dev.ilbportal.requests.internal.LoadBalancerRequestTests.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.support.TestDatabaseInitializer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The request tables on real PostgreSQL with the Flyway schema (Hibernate validates the mapping). */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LoadBalancerRequestsTests {

    @Autowired
    LoadBalancerRequests requests;

    @Autowired
    TransactionTemplate transactions;

    private final String team = "team-" + UUID.randomUUID();

    @AfterEach
    void cleanUp() {
        requests.deleteAll(requests.findByTeamInOrderByUpdatedAtDesc(List.of(team), PageRequest.of(0, 100)));
    }

    private UUID savedSubmitted(String name, java.time.Instant at) {
        LoadBalancerRequest request = LoadBalancerRequest.draft(team, ALICE, new SpecSnapshot("{}", "LON1", name), at);
        request.submit(PLAN_1, ALICE, at, Duration.ofDays(7));
        return requests.save(request).id();
    }

    @Test
    void keepsRevisionsDecisionsAndEditorsAcrossReloads() {
        UUID id = savedSubmitted("db-" + team, T0);
        transactions.executeWithoutResult(tx -> {
            LoadBalancerRequest request = requests.findById(id).orElseThrow();
            request.approve(1, PLAN_1.hash(), APRIL, 2, T0);
        });

        LoadBalancerRequest reloaded = loadedWithItsCollections(id);
        assertThat(reloaded.revisions()).singleElement().satisfies(r -> assertThat(r.planHash()).isEqualTo(PLAN_1.hash()));
        assertThat(reloaded.decisions()).singleElement().satisfies(d -> assertThat(d.decider()).isEqualTo(APRIL));
        assertThat(reloaded.authorsAndEditors()).containsExactly("alice");
    }

    @Test
    void twoApproversDecidingAtOnceLeaveExactlyOneOutcome() {
        UUID id = savedSubmitted("race-" + team, T0);
        LoadBalancerRequest first = requests.findById(id).orElseThrow();
        LoadBalancerRequest second = loadedWithItsCollections(id);
        transactions.executeWithoutResult(tx -> {
            LoadBalancerRequest request = requests.findById(id).orElseThrow();
            request.approve(1, PLAN_1.hash(), APRIL, 1, T0);
        });

        second.reject(1, PLAN_1.hash(), ARNO, "too big", T0);
        assertThatThrownBy(() -> requests.save(second)).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(requests.findById(id).orElseThrow().status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(first.status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void queueListsSubmittedRequestsOldestFirstAndFiltersByTeamAndRegion() {
        UUID newer = savedSubmitted("newer-" + team, T0.plusSeconds(60));
        UUID older = savedSubmitted("older-" + team, T0);

        assertThat(requests.findQueue(team, null, PageRequest.of(0, 10)).map(LoadBalancerRequest::id))
                .containsExactly(older, newer);
        assertThat(requests.findQueue(team, "FRA1", PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void findsOpenRequestsWithTheSameNameInTheRegionIgnoringCase() {
        UUID id = savedSubmitted("Payments-API-" + team, T0);

        assertThat(requests.existsOpenWithName("LON1", "payments-api-" + team, UUID.randomUUID())).isTrue();
        assertThat(requests.existsOpenWithName("LON1", "payments-api-" + team, id)).isFalse();
        assertThat(requests.existsOpenWithName("FRA1", "payments-api-" + team, UUID.randomUUID())).isFalse();
    }

    @Test
    void findsRequestsDueForExpiry() {
        UUID id = savedSubmitted("expiring-" + team, T0.minus(Duration.ofDays(30)));
        assertThat(requests.findIdsDueForExpiry(T0)).contains(id);
    }

    /** The request as one transaction read it, its revisions, decisions and editors loaded before it ended. */
    private LoadBalancerRequest loadedWithItsCollections(UUID id) {
        return transactions.execute(tx -> {
            LoadBalancerRequest request = requests.findById(id).orElseThrow();
            request.revisions().size();
            request.decisions().size();
            request.authorsAndEditors().size();
            return request;
        });
    }
}
