package dev.ilbportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.provisioning.ProvisioningEvents.LoadBalancerProvisioned;
import dev.ilbportal.support.MutableClock;
import dev.ilbportal.support.MutableClockConfiguration;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.verification.Outcome;
import dev.ilbportal.verification.ProofStatus;
import dev.ilbportal.verification.Trigger;
import dev.ilbportal.verification.VerificationEvents.ProofStatusChanged;
import dev.ilbportal.verification.VerificationEvents.VerificationCompleted;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attestation on the whole application and real PostgreSQL, fed by the events provisioning and verification
 * really publish: a load balancer exposed for a known time (the portal's clock moved on) reads that many minutes.
 */
@PortalApplicationTest
@Import(MutableClockConfiguration.class)
class AttestationTests {

    @Autowired
    Attestation attestation;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anExposedLoadBalancerCountsTheMinutesSinceItWasFoundExposed() {
        UUID lb = provenLoadBalancer("attest-minutes", "ledger", "FRA1");
        Instant exposedAt = Instant.now();
        publish(new ProofStatusChanged(UUID.randomUUID(), lb, "ledger", "attest-minutes", ProofStatus.PROVEN,
                ProofStatus.EXPOSED, "OUTSIDE_REFUSED"));

        clock.advance(Duration.ofMinutes(45));
        Attestation.Standing now = standingOf(attestation.report(null, null), lb);
        assertThat(now.status()).isEqualTo(ProofStatus.EXPOSED);
        assertThat(now.name()).isEqualTo("attest-minutes");
        assertThat(now.region()).isEqualTo("FRA1");
        assertThat(now.exposureMinutes()).isEqualTo(45);
        assertThat(now.since()).isBetween(exposedAt.minusSeconds(1), exposedAt.plusSeconds(5));

        Attestation.Standing lastHalfHour = standingOf(
                attestation.report(exposedAt.plus(Duration.ofMinutes(15)), null), lb);
        assertThat(lastHalfHour.exposureMinutes()).isEqualTo(30);

        Attestation.Standing beforeExposure = standingOf(
                attestation.report(exposedAt.minus(Duration.ofHours(2)), exposedAt.minus(Duration.ofMinutes(1))), lb);
        assertThat(beforeExposure.exposureMinutes()).isZero();
    }

    @Test
    void anExposureEndsWhenVerificationProvesTheLoadBalancerAgain() {
        UUID lb = provenLoadBalancer("attest-recovered", "ledger", "FRA1");
        publish(new ProofStatusChanged(UUID.randomUUID(), lb, "ledger", "attest-recovered", ProofStatus.PROVEN,
                ProofStatus.EXPOSED, "FIREWALL_NO_INGRESS"));
        publish(new ProofStatusChanged(UUID.randomUUID(), lb, "ledger", "attest-recovered", ProofStatus.EXPOSED,
                ProofStatus.PROVEN, "Every check passed"));

        clock.advance(Duration.ofMinutes(45));
        Attestation.Report report = attestation.report(null, null);
        Attestation.Standing standing = standingOf(report, lb);
        assertThat(standing.status()).isEqualTo(ProofStatus.PROVEN);
        assertThat(standing.exposureMinutes()).as("the exposure closed when it was proven again").isZero();
        assertThat(report.notProven()).extracting(Attestation.Standing::loadBalancerId)
                .doesNotContain(lb.toString());
    }

    private UUID provenLoadBalancer(String name, String team, String region) {
        UUID lb = UUID.randomUUID();
        publish(new LoadBalancerProvisioned(UUID.randomUUID(), UUID.randomUUID(), lb, team, region, "civo-" + name,
                "fw-" + name, "10.0.0.9", null));
        publish(new VerificationCompleted(UUID.randomUUID(), lb, team, Trigger.AFTER_PROVISIONING, Outcome.PASS, "",
                null));
        publish(new ProofStatusChanged(UUID.randomUUID(), lb, team, name, ProofStatus.UNPROVEN, ProofStatus.PROVEN,
                "Every check passed"));
        return lb;
    }

    private void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    private static Attestation.Standing standingOf(Attestation.Report report, UUID lb) {
        return report.all().stream().filter(s -> s.loadBalancerId().equals(lb.toString())).findFirst().orElseThrow();
    }
}
