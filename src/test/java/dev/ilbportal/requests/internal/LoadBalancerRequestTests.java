package dev.ilbportal.requests.internal;

import dev.ilbportal.requests.SubmittedPlan;
import dev.ilbportal.requests.RequestRuleViolation;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.Participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.requests.RequestEvents.RequestApproved;
import dev.ilbportal.requests.RequestEvents.RequestRejected;
import dev.ilbportal.requests.RequestEvents.RequestSubmitted;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoadBalancerRequestTests {

    static final Participant ALICE = new Participant("alice", "Alice");
    static final Participant BOB = new Participant("bob", "Bob (team payments)");
    static final Participant APRIL = new Participant("april", "April");
    static final Participant ARNO = new Participant("arno", "Arno");
    static final Participant ADAM = new Participant("adam", "Adam");
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final SubmittedPlan PLAN_1 = new SubmittedPlan("{\"calls\":1}", "a".repeat(64));
    static final SubmittedPlan PLAN_2 = new SubmittedPlan("{\"calls\":2}", "b".repeat(64));
    static final SpecSnapshot SPEC = new SpecSnapshot("{}", "LON1", "payments-db");

    static LoadBalancerRequest submitted() {
        LoadBalancerRequest request = LoadBalancerRequest.draft("payments", ALICE, SPEC, T0);
        request.submit(PLAN_1, ALICE, T0, Duration.ofDays(7));
        return request;
    }

    @SuppressWarnings("unchecked")
    static Collection<Object> events(LoadBalancerRequest request) {
        try {
            Method events = org.springframework.data.domain.AbstractAggregateRoot.class.getDeclaredMethod("domainEvents");
            events.setAccessible(true);
            return (Collection<Object>) events.invoke(request);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void newDraftBelongsToTeamAndIsNotInAnyQueue() {
        LoadBalancerRequest request = LoadBalancerRequest.draft("payments", ALICE, SPEC, T0);

        assertThat(request.status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(request.team()).isEqualTo("payments");
        assertThat(request.currentRevision()).isEmpty();
    }

    @Test
    void draftNeedsATeam() {
        assertThatThrownBy(() -> LoadBalancerRequest.draft(" ", ALICE, SPEC, T0))
                .isInstanceOf(RequestRuleViolation.class);
    }

    @Test
    void submittingFreezesRevisionOneWithPlanHashAndExpiry() {
        LoadBalancerRequest request = submitted();

        assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(request.currentRevisionNumber()).isEqualTo(1);
        assertThat(request.currentRevision().orElseThrow().planHash()).isEqualTo(PLAN_1.hash());
        assertThat(request.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(events(request)).hasAtLeastOneElementOfType(RequestSubmitted.class);
    }

    @Test
    void refusesSubmittingTwice() {
        LoadBalancerRequest request = submitted();
        assertThatThrownBy(() -> request.submit(PLAN_1, ALICE, T0, Duration.ofDays(7)))
                .isInstanceOf(RequestRuleViolation.class).hasMessageContaining("submitted");
    }

    @Nested
    class Approving {

        @Test
        void oneApprovalOfTheCurrentRevisionApprovesWhenOneIsNeeded() {
            LoadBalancerRequest request = submitted();
            request.approve(1, PLAN_1.hash(), APRIL, 1, T0.plusSeconds(60));

            assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
            assertThat(events(request)).hasAtLeastOneElementOfType(RequestApproved.class);
        }

        @Test
        void twoApprovalsNeededMeansTheFirstOnlyCounts() {
            LoadBalancerRequest request = submitted();
            request.approve(1, PLAN_1.hash(), APRIL, 2, T0);
            assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
            assertThat(request.approvalsOfCurrentRevision()).isEqualTo(1);

            request.approve(1, PLAN_1.hash(), ARNO, 2, T0);
            assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
        }

        @Test
        void rejectsApprovalBySubmitter() {
            LoadBalancerRequest request = submitted();
            assertThatThrownBy(() -> request.approve(1, PLAN_1.hash(), ALICE, 1, T0))
                    .isInstanceOf(RequestRuleViolation.class).hasMessageContaining("cannot decide");
            assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        }

        @Test
        void rejectsApprovalByAnyoneWhoEditedTheRequest() {
            LoadBalancerRequest request = submitted();
            request.edit(SPEC, BOB, T0);
            request.submit(PLAN_2, ALICE, T0, Duration.ofDays(7));

            assertThatThrownBy(() -> request.approve(2, PLAN_2.hash(), BOB, 1, T0))
                    .isInstanceOf(RequestRuleViolation.class).hasMessageContaining("edited");
        }

        @Test
        void rejectsTheSameApproverTwice() {
            LoadBalancerRequest request = submitted();
            request.approve(1, PLAN_1.hash(), APRIL, 2, T0);
            assertThatThrownBy(() -> request.approve(1, PLAN_1.hash(), APRIL, 2, T0))
                    .isInstanceOf(RequestRuleViolation.class).hasMessageContaining("already approved");
        }

        @Test
        void approvalIsTiedToTheRevisionItsApproverReviewed() {
            LoadBalancerRequest request = submitted();
            assertThatThrownBy(() -> request.approve(1, PLAN_2.hash(), APRIL, 1, T0))
                    .isInstanceOf(RequestRuleViolation.class).hasMessageContaining("changed since you opened it");
            assertThatThrownBy(() -> request.approve(2, PLAN_1.hash(), APRIL, 1, T0))
                    .isInstanceOf(RequestRuleViolation.class);
        }

        @Test
        void editingVoidsApprovalsGivenSoFar() {
            LoadBalancerRequest request = submitted();
            request.approve(1, PLAN_1.hash(), APRIL, 2, T0);
            request.edit(SPEC, ALICE, T0);
            request.submit(PLAN_2, ALICE, T0, Duration.ofDays(7));

            assertThat(request.approvalsOfCurrentRevision()).isZero();
            assertThat(request.decisions()).singleElement().satisfies(d -> assertThat(d.isVoided()).isTrue());
            request.approve(2, PLAN_2.hash(), ARNO, 2, T0);
            assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        }

        @Test
        void cannotApproveAWithdrawnRequest() {
            LoadBalancerRequest request = submitted();
            request.withdraw(ALICE, T0);
            assertThatThrownBy(() -> request.approve(1, PLAN_1.hash(), APRIL, 1, T0))
                    .isInstanceOf(RequestRuleViolation.class).hasMessageContaining("withdrawn");
        }

        @Test
        void adminOverrideApprovesWithAReasonAndSaysSo() {
            LoadBalancerRequest request = submitted();
            assertThatThrownBy(() -> request.overrideApprove(1, PLAN_1.hash(), ADAM, " ", T0))
                    .isInstanceOf(RequestRuleViolation.class);

            request.overrideApprove(1, PLAN_1.hash(), ADAM, "on-call approver is away", T0);
            assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
            assertThat(events(request)).filteredOn(RequestApproved.class::isInstance)
                    .singleElement().satisfies(e -> assertThat(((RequestApproved) e).override()).isTrue());
        }
    }

    @Nested
    class Rejecting {

        @Test
        void rejectionNeedsAReason() {
            LoadBalancerRequest request = submitted();
            assertThatThrownBy(() -> request.reject(1, PLAN_1.hash(), APRIL, "  ", T0))
                    .isInstanceOf(RequestRuleViolation.class).hasMessageContaining("reason");
            assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        }

        @Test
        void rejectedRequestCanBeEditedAndResubmittedAsTheNextRevision() {
            LoadBalancerRequest request = submitted();
            request.reject(1, PLAN_1.hash(), APRIL, "Use least_connections", T0);
            assertThat(events(request)).hasAtLeastOneElementOfType(RequestRejected.class);

            request.edit(SPEC, ALICE, T0);
            assertThat(request.status()).isEqualTo(RequestStatus.DRAFT);
            request.submit(PLAN_2, ALICE, T0, Duration.ofDays(7));
            assertThat(request.currentRevisionNumber()).isEqualTo(2);
            request.approve(2, PLAN_2.hash(), APRIL, 1, T0);
            assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
        }

        @Test
        void requesterCannotRejectTheirOwnRequest() {
            LoadBalancerRequest request = submitted();
            assertThatThrownBy(() -> request.reject(1, PLAN_1.hash(), ALICE, "changed my mind", T0))
                    .isInstanceOf(RequestRuleViolation.class);
        }
    }

    @Nested
    class Ending {

        @Test
        void submittedRequestExpiresOnlyWhenDue() {
            LoadBalancerRequest request = submitted();
            assertThat(request.expireIfDue(T0.plus(Duration.ofDays(6)))).isFalse();
            assertThat(request.expireIfDue(T0.plus(Duration.ofDays(7)))).isTrue();
            assertThat(request.status()).isEqualTo(RequestStatus.EXPIRED);
        }

        @Test
        void expiredRequestCannotBeEditedApprovedOrWithdrawn() {
            LoadBalancerRequest request = submitted();
            request.expireIfDue(T0.plus(Duration.ofDays(8)));
            assertThatThrownBy(() -> request.edit(SPEC, ALICE, T0)).isInstanceOf(RequestRuleViolation.class);
            assertThatThrownBy(() -> request.approve(1, PLAN_1.hash(), APRIL, 1, T0))
                    .isInstanceOf(RequestRuleViolation.class);
            assertThatThrownBy(() -> request.withdraw(ALICE, T0)).isInstanceOf(RequestRuleViolation.class);
        }

        @Test
        void approvedRequestCannotBeWithdrawnOrEdited() {
            LoadBalancerRequest request = submitted();
            request.approve(1, PLAN_1.hash(), APRIL, 1, T0);
            assertThatThrownBy(() -> request.withdraw(ALICE, T0)).isInstanceOf(RequestRuleViolation.class);
            assertThatThrownBy(() -> request.edit(SPEC, ALICE, T0)).isInstanceOf(RequestRuleViolation.class);
        }

        @Test
        void draftExpiresNever() {
            LoadBalancerRequest request = LoadBalancerRequest.draft("payments", ALICE, SPEC, T0);
            assertThat(request.expireIfDue(T0.plus(Duration.ofDays(365)))).isFalse();
        }
    }
}
