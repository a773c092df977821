package dev.ilbportal.verification;

import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryVerificationState;
import dev.ilbportal.verification.VerificationEvents.LoadBalancerDrifted;
import dev.ilbportal.verification.VerificationEvents.LoadBalancerRecovered;
import dev.ilbportal.verification.VerificationEvents.VerificationCompleted;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs verifications and turns them into history and drift: a load balancer whose previous run passed and whose new
 * run fails has drifted; a later passing run makes it active again.
 */
@Service
public class Verifier {

    private static final Logger log = LoggerFactory.getLogger(Verifier.class);

    private final LoadBalancerChecks checks;
    private final VerificationRuns runs;
    private final InventoryVerificationState inventory;
    private final VerificationProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Verifier(LoadBalancerChecks checks, VerificationRuns runs, InventoryVerificationState inventory,
             VerificationProperties properties, TransactionTemplate transactions, ApplicationEventPublisher events,
             Clock clock) {
        this.checks = checks;
        this.runs = runs;
        this.inventory = inventory;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Verifies one load balancer now; the checks run outside any transaction, the outcome is saved in one. */
    public VerificationRuns.Run verify(InternalLoadBalancer lb, Trigger trigger, String requestedBy) {
        Instant started = clock.instant();
        List<CheckResult> results = checks.run(lb);
        Outcome outcome = Outcome.of(results);
        VerificationRuns.Run run = new VerificationRuns.Run(UUID.randomUUID(), lb.id(), trigger, outcome, started,
                clock.instant(), requestedBy, results);
        String failed = results.stream().filter(c -> c.outcome() == Outcome.FAIL)
                .map(c -> c.check().name() + (c.target() == null ? "" : " " + c.target()))
                .collect(Collectors.joining(", "));
        // Events first: the audit trail's lock is then always taken before any row lock, in the same order as the
        // request and provisioning transactions take them, so two of them never wait for each other.
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(tx -> {
                    Optional<Outcome> previous = runs.latestOutcome(lb.id());
                    boolean drifted = outcome == Outcome.FAIL && previous.orElse(null) == Outcome.PASS;
                    boolean recovered = outcome == Outcome.PASS && lb.status() == InternalLoadBalancer.Status.DRIFTED;
                    events.publishEvent(new VerificationCompleted(run.id(), lb.id(), lb.team(), trigger, outcome,
                            failed, requestedBy));
                    if (drifted) {
                        log.warn("Load balancer {} ({}) drifted: {}", lb.name(), lb.id(), failed);
                        events.publishEvent(new LoadBalancerDrifted(run.id(), lb.id(), lb.team(), lb.name(), failed));
                    }
                    if (recovered) {
                        events.publishEvent(new LoadBalancerRecovered(run.id(), lb.id(), lb.team(), lb.name()));
                    }
                    runs.save(run);
                    inventory.record(lb.id(), outcome.name(), drifted, recovered, run.finishedAt());
                });
                break;
            } catch (org.springframework.dao.PessimisticLockingFailureException busy) {
                if (attempt == 3) {
                    throw busy;
                }
                log.info("Recording verification of {} met a lock conflict; trying again", lb.id());
            }
        }
        return run;
    }

    /**
     * Verifies many load balancers at once on virtual threads, at most {@code parallelism} at a time, so a thousand
     * outside checks that all time out take about one timeout, not a thousand.
     */
    public int verifyAll(List<InternalLoadBalancer> loadBalancers, Trigger trigger) {
        Semaphore slots = new Semaphore(properties.parallelism());
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (InternalLoadBalancer lb : loadBalancers) {
                running.add(threads.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        verify(lb, trigger, null);
                    } catch (RuntimeException e) {
                        log.warn("Verification of {} could not be recorded", lb.id(), e);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        return running.size();
    }
}
