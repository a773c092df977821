package dev.ilbportal.verification;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.InventoryVerificationState;
import dev.ilbportal.shared.AuditTogether;
import dev.ilbportal.verification.VerificationEvents.ProbeAnswerRefused;
import dev.ilbportal.verification.VerificationEvents.ProofStatusChanged;
import dev.ilbportal.verification.VerificationEvents.VerificationCompleted;
import dev.ilbportal.verification.internal.LoadBalancerChecks;
import dev.ilbportal.verification.internal.RegionSnapshot;
import dev.ilbportal.verification.internal.Round;
import dev.ilbportal.verification.internal.VerificationRuns;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs verifications and turns them into history and proof status. Civo is read before any transaction opens (one
 * snapshot per region for a round, single-item calls for one load balancer); each outcome is then recorded in its own
 * short transaction together with its events.
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
    private final CivoClient civo;
    private final Clock clock;

    Verifier(LoadBalancerChecks checks, VerificationRuns runs, InventoryVerificationState inventory,
             VerificationProperties properties, TransactionTemplate transactions, ApplicationEventPublisher events,
             CivoClient civo, Clock clock) {
        this.checks = checks;
        this.runs = runs;
        this.inventory = inventory;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.civo = civo;
        this.clock = clock;
    }

    /**
     * What a round cost and found; {@code listingMillis} is how long reading the regions' load balancers took (the
     * outside probes run meanwhile), {@code probesMillis} how long from the first probe's start until the last probe
     * finished, {@code recordingMillis} how long recording went on after that.
     */
    public record RoundReport(int loadBalancers, int regions, int civoCalls, Map<Outcome, Integer> outcomes,
                              long probesMillis, long listingMillis, long recordingMillis) {
    }

    /**
     * Verifies the load balancer with this id on the portal's own behalf, if it is still in the inventory (it may have
     * been taken down meanwhile).
     */
    public Optional<VerificationRun> verifyIfListed(UUID loadBalancerId, Trigger trigger) {
        return inventory.find(loadBalancerId).map(lb -> verifyFor(lb, trigger, null));
    }

    /** Verifies one load balancer now with single-item Civo calls (two), outside any transaction. */
    public VerificationRun verify(InternalLoadBalancer lb, Trigger trigger, String requestedBy) {
        return verifyFor(lb, trigger, requestedBy == null ? null
                : new dev.ilbportal.shared.Actor(requestedBy, requestedBy, java.util.Set.of()));
    }

    /**
     * Verifies one load balancer now for {@code requestedBy} (null for the portal itself), who is recorded with
     * their display name and roles.
     */
    public VerificationRun verifyFor(InternalLoadBalancer lb, Trigger trigger, dev.ilbportal.shared.Actor requestedBy) {
        Instant started = clock.instant();
        RegionSnapshot snapshot = RegionSnapshot.readOne(civo, lb.region(), lb.civoId());
        Round round = checks.startRound();
        VerificationRun run = runOf(lb, trigger, requestedBy == null ? null : requestedBy.subject(), started,
                checks.run(lb, snapshot, round));
        recordAll(List.of(new Checked(lb, run, requestedBy)));
        alertRefusals(round.refusals());
        return run;
    }

    /**
     * One round over many load balancers: two Civo calls per region (its load balancers and its firewalls), one
     * control probe, then every load balancer's probes on virtual threads, at most {@code parallelism} at a time, so
     * ten thousand outside checks that all time out take about one timeout, not ten thousand.
     *
     * <p>The outside probes start at once, at the public IPs the inventory recorded at provisioning, while Civo's
     * lists are read (at one call a second, the third region's list comes a second after the first two): they wait
     * out their timeouts meanwhile. When the lists arrive, a load balancer whose listed IP is not the recorded one
     * is probed again at the listed IP, so every result is about the address Civo reports; the inside probes and
     * Civo's side start from the lists.
     */
    public RoundReport verifyRound(List<InternalLoadBalancer> loadBalancers, Trigger trigger) {
        long civoStarted = System.nanoTime();
        dev.ilbportal.civo.CivoLane lane = dev.ilbportal.civo.CivoLane.current();
        Map<String, CompletableFuture<RegionSnapshot>> listing = new LinkedHashMap<>();
        for (String region : loadBalancers.stream().map(InternalLoadBalancer::region).distinct().sorted().toList()) {
            listing.put(region, CompletableFuture.supplyAsync(
                    () -> lane.call(() -> RegionSnapshot.loadBalancersOnly(civo, region)), Verifier::virtual));
        }
        // The firewall lists (one call per region) come after every load balancer list, so no region's load
        // balancers wait behind another region's firewalls; the probes do not need them, Civo's side does.
        CompletableFuture<Map<String, RegionSnapshot>> completing = CompletableFuture
                .allOf(listing.values().toArray(CompletableFuture[]::new))
                .thenApplyAsync(all -> lane.call(() -> {
                    Map<String, RegionSnapshot> complete = new LinkedHashMap<>();
                    listing.forEach((region, listed) -> complete.put(region, listed.join().withFirewallsRead(civo)));
                    return complete;
                }), Verifier::virtual);
        Round round = checks.startRound();
        Map<Outcome, AtomicInteger> outcomes = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, new AtomicInteger());
        }
        BlockingQueue<Checked> finished = new LinkedBlockingQueue<>();
        AtomicInteger probing = new AtomicInteger(loadBalancers.size());
        long roundStarted = System.nanoTime();
        AtomicLong probesDone = new AtomicLong(roundStarted);
        long listedMillis;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < RECORDERS; i++) {
                threads.submit(() -> recordFinished(finished, probing, outcomes));
            }
            // Every outside probe first, from this one loop: they usually wait out the whole timeout, so they all
            // wait together and the inside probes (and everything else) run while they do. At most
            // {@code parallelism} load balancers have outside probes in flight (each holds a socket).
            List<LoadBalancerChecks.OutsideProbes> outside = new ArrayList<>(loadBalancers.size());
            List<Instant> startedAt = new ArrayList<>(loadBalancers.size());
            Semaphore outsideSlots = new Semaphore(properties.parallelism());
            for (InternalLoadBalancer lb : loadBalancers) {
                outsideSlots.acquireUninterruptibly();
                startedAt.add(clock.instant());
                LoadBalancerChecks.OutsideProbes started;
                try {
                    started = checks.startOutsideProbes(lb, lb.publicIp(), round);
                } catch (RuntimeException e) {
                    outsideSlots.release();
                    throw e;
                }
                CompletableFuture.allOf(started.results().toArray(CompletableFuture[]::new))
                        .whenComplete((done, failure) -> outsideSlots.release());
                outside.add(started);
            }
            Map<UUID, dev.ilbportal.kubernetes.ServiceManifest> services = checks.servicesOf(loadBalancers);
            Map<String, RegionSnapshot> listed = new LinkedHashMap<>();
            listing.forEach((region, snapshot) -> listed.put(region, snapshot.join()));
            listedMillis = (System.nanoTime() - civoStarted) / 1_000_000;
            Semaphore slots = new Semaphore(properties.parallelism());
            for (int i = 0; i < loadBalancers.size(); i++) {
                InternalLoadBalancer lb = loadBalancers.get(i);
                LoadBalancerChecks.OutsideProbes outsideOfLb = outside.get(i);
                Instant started = startedAt.get(i);
                threads.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        List<CheckResult> probed = checks.probes(lb, listed.get(lb.region()), round,
                                java.util.Optional.ofNullable(services.get(lb.id())), outsideOfLb);
                        List<CheckResult> results = checks.civoSide(lb, completing.join().get(lb.region()));
                        results.addAll(probed);
                        finished.add(new Checked(lb, runOf(lb, trigger, null, started, results)));
                    } catch (RuntimeException e) {
                        log.warn("Verification of {} failed", lb.id(), e);
                    } finally {
                        if (probing.decrementAndGet() == 0) {
                            probesDone.set(System.nanoTime());
                        }
                        slots.release();
                    }
                });
            }
        }
        // The control probe runs on its own thread; a round with nothing to probe can end before it does, and a
        // refused control answer must still be alerted.
        round.control();
        alertRefusals(round.refusals());
        Map<String, RegionSnapshot> snapshots = completing.join();
        int calls = snapshots.values().stream().mapToInt(RegionSnapshot::calls).sum();
        Map<Outcome, Integer> counted = new LinkedHashMap<>();
        outcomes.forEach((outcome, count) -> counted.put(outcome, count.get()));
        return new RoundReport(loadBalancers.size(), snapshots.size(), calls, counted,
                (probesDone.get() - roundStarted) / 1_000_000, listedMillis,
                (System.nanoTime() - probesDone.get()) / 1_000_000);
    }

    private static void virtual(Runnable command) {
        Thread.ofVirtual().start(command);
    }

    /** A load balancer's finished run, waiting to be recorded. */
    private record Checked(InternalLoadBalancer lb, VerificationRun run, dev.ilbportal.shared.Actor by) {

        Checked(InternalLoadBalancer lb, VerificationRun run) {
            this(lb, run, null);
        }
    }

    /**
     * A few recorders write finished runs in batches, one transaction per batch: ten thousand runs that finish at the
     * same moment (every outside probe timing out together) then cost a hundred commits, not ten thousand, and never
     * more database connections than there are recorders.
     */
    private void recordFinished(BlockingQueue<Checked> finished, AtomicInteger probing,
                                Map<Outcome, AtomicInteger> outcomes) {
        List<Checked> batch = new ArrayList<>(BATCH);
        while (true) {
            batch.clear();
            try {
                Checked first = finished.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (probing.get() == 0 && finished.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            finished.drainTo(batch, BATCH - 1);
            try {
                recordAll(batch);
                batch.forEach(checked -> outcomes.get(checked.run().outcome()).incrementAndGet());
            } catch (RuntimeException e) {
                log.warn("A batch of {} verification runs could not be recorded together; recording one by one",
                        batch.size(), e);
                for (Checked checked : batch) {
                    try {
                        record(checked.lb(), checked.run());
                        outcomes.get(checked.run().outcome()).incrementAndGet();
                    } catch (RuntimeException alone) {
                        log.warn("Verification of {} could not be recorded", checked.lb().id(), alone);
                    }
                }
            }
        }
    }

    private static final int RECORDERS = 3;
    private static final int BATCH = 500;

    /**
     * The watch: Civo's side of every load balancer from the given snapshots alone, no probes. Only what fails is
     * recorded (as a run of the watch), and only for a load balancer not already exposed, so a quiet fleet writes
     * nothing. Returns how many load balancers were newly found exposed.
     */
    public int watch(List<InternalLoadBalancer> loadBalancers, Map<String, RegionSnapshot> snapshots) {
        // A rule added to a shared firewall exposes every load balancer behind it at once: their runs are recorded in
        // batches (one transaction each), as a round's are, so the last of thousands is flagged seconds later, not
        // minutes.
        List<Checked> failed = new ArrayList<>();
        for (InternalLoadBalancer lb : loadBalancers) {
            RegionSnapshot snapshot = snapshots.get(lb.region());
            if (snapshot == null || !snapshot.answered()
                    || ProofStatus.EXPOSED.name().equals(lb.proofStatus())
                    || (snapshot.loadBalancersReused() && snapshot.loadBalancer(lb.civoId()).isEmpty())) {
                continue;
            }
            Instant started = clock.instant();
            List<CheckResult> civoSide = checks.civoSide(lb, snapshot);
            if (Outcome.of(civoSide) == Outcome.FAIL) {
                failed.add(new Checked(lb, runOf(lb, Trigger.WATCH, null, started, civoSide)));
            }
        }
        int exposed = 0;
        for (int from = 0; from < failed.size(); from += BATCH) {
            List<Checked> batch = failed.subList(from, Math.min(failed.size(), from + BATCH));
            try {
                recordAll(batch);
                exposed += batch.size();
            } catch (RuntimeException e) {
                log.warn("A batch of {} watch runs could not be recorded together; recording one by one",
                        batch.size(), e);
                for (Checked checked : batch) {
                    try {
                        record(checked.lb(), checked.run());
                        exposed++;
                    } catch (RuntimeException alone) {
                        log.warn("The watch's run of {} could not be recorded", checked.lb().id(), alone);
                    }
                }
            }
        }
        return exposed;
    }

    /** Ages proofs: a pass older than the interval is not green any more, none within twice the interval is stale. */
    public int ageProofs(List<InternalLoadBalancer> loadBalancers) {
        Instant now = clock.instant();
        int changed = 0;
        for (InternalLoadBalancer lb : loadBalancers) {
            ProofStatus current = ProofStatus.valueOf(lb.proofStatus());
            ProofStatus aged = ProofStatus.aged(current, lb.lastPassedAt(), lb.createdAt(), now,
                    properties.interval());
            if (aged == current) {
                continue;
            }
            String reason = lb.lastPassedAt() == null ? "Never passed since it was built at " + lb.createdAt()
                    : "Last passing run at " + lb.lastPassedAt();
            Boolean moved = transactions.execute(tx -> {
                if (!inventory.moveProofStatus(lb.id(), current.name(), aged.name(), now)) {
                    return false;
                }
                events.publishEvent(new ProofStatusChanged(null, lb.id(), lb.team(), lb.name(), current, aged,
                        reason));
                return true;
            });
            if (Boolean.TRUE.equals(moved)) {
                log.info("Proof of {} ({}) aged from {} to {}", lb.name(), lb.id(), current, aged);
                changed++;
            }
        }
        return changed;
    }

    /** Two Civo calls per region, read one region after the other, with no transaction open. */
    public Map<String, RegionSnapshot> snapshotsOf(List<InternalLoadBalancer> loadBalancers) {
        Map<String, RegionSnapshot> snapshots = new LinkedHashMap<>();
        for (String region : loadBalancers.stream().map(InternalLoadBalancer::region).distinct().sorted().toList()) {
            snapshots.put(region, RegionSnapshot.read(civo, region));
        }
        return snapshots;
    }

    private VerificationRun runOf(InternalLoadBalancer lb, Trigger trigger, String requestedBy, Instant started,
                                  List<CheckResult> results) {
        return new VerificationRun(UUID.randomUUID(), lb.id(), trigger, Outcome.of(results), started, clock.instant(),
                requestedBy, results);
    }

    private void record(InternalLoadBalancer lb, VerificationRun run) {
        recordAll(List.of(new Checked(lb, run)));
    }

    /**
     * Records runs with their events in one transaction; on a lock conflict the whole batch is tried again. The batch
     * costs five statements however many runs it holds: one insert of the runs and one of their checks (each column
     * as an array), one read of the load balancers' current rows, the events appended to the audit trail together
     * ({@link AuditTogether}: one event per run, one per proof status change, one insert), one update of the
     * inventory. The inserts and the read take no lock anyone waits for, and the events are written out as they are
     * published, so several recorders do all that at once; they queue only for the audit trail's append lock, taken
     * at the commit, which they hold for the events' numbering, hashing and insert, the inventory's update and the
     * commit.
     */
    private void recordAll(List<Checked> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(tx -> recordInTransaction(batch));
                return;
            } catch (PessimisticLockingFailureException busy) {
                if (attempt == 3) {
                    throw busy;
                }
                log.info("Recording {} verification run(s) met a lock conflict; trying again", batch.size());
            }
        }
    }

    private void recordInTransaction(List<Checked> batch) {
        // New rows take no lock that another transaction waits for (only key-share locks on their load balancers,
        // which updates of a load balancer's other columns do not conflict with).
        runs.saveAll(batch.stream().map(Checked::run).toList());
        AuditTogether.inThisTransaction();
        Map<UUID, InternalLoadBalancer> current = new java.util.HashMap<>(inventory.findAll(
                batch.stream().map(checked -> checked.lb().id()).distinct().toList()));
        // A load balancer twice in one batch: the second run starts from what the first one left.
        Map<UUID, InventoryVerificationState.Verdict> latest = new java.util.HashMap<>();
        Map<UUID, Instant> passedAt = new java.util.HashMap<>();
        List<InventoryVerificationState.Verdict> verdicts = new ArrayList<>(batch.size());
        for (Checked checked : batch) {
            InternalLoadBalancer lb = checked.lb();
            VerificationRun run = checked.run();
            Outcome outcome = run.outcome();
            String failed = named(run, Outcome.FAIL);
            InternalLoadBalancer now = current.getOrDefault(lb.id(), lb);
            InventoryVerificationState.Verdict earlier = latest.get(lb.id());
            ProofStatus from = ProofStatus.valueOf(earlier == null ? now.proofStatus() : earlier.proofStatus());
            Instant lastPassedAt = passedAt.getOrDefault(lb.id(), now.lastPassedAt());
            ProofStatus to = ProofStatus.afterRun(outcome, lastPassedAt, now.createdAt(), run.finishedAt(),
                    properties.interval());
            events.publishEvent(new VerificationCompleted(run.id(), lb.id(), lb.team(), run.trigger(), outcome,
                    failed, checked.by()));
            if (from != to) {
                String reason = switch (to) {
                    case EXPOSED -> "Failed: " + failed;
                    case PROVEN -> "Every check passed";
                    default -> "Inconclusive: " + named(run, Outcome.INCONCLUSIVE);
                };
                if (to == ProofStatus.EXPOSED) {
                    log.warn("Load balancer {} ({}) is exposed: {}", lb.name(), lb.id(), failed);
                }
                events.publishEvent(new ProofStatusChanged(run.id(), lb.id(), lb.team(), lb.name(), from, to,
                        reason));
            }
            InventoryVerificationState.Verdict verdict = new InventoryVerificationState.Verdict(lb.id(),
                    outcome.name(), to.name(), run.finishedAt());
            latest.put(lb.id(), verdict);
            if (outcome == Outcome.PASS) {
                passedAt.put(lb.id(), run.finishedAt());
            }
            verdicts.add(verdict);
        }
        // The inventory's rows are updated after the events are appended, with the append lock held, as every other
        // transaction that appends and then updates a load balancer does: so none of them waits for the other.
        AuditTogether.afterAppending(() -> inventory.recordAll(verdicts));
    }

    private void alertRefusals(Set<String> refusals) {
        for (String refusal : refusals) {
            int colon = refusal.indexOf(": ");
            String vantage = colon < 0 ? refusal : refusal.substring(0, colon);
            String reason = colon < 0 ? refusal : refusal.substring(colon + 2);
            log.warn("Refused an answer of {}: {}", vantage, reason);
            transactions.executeWithoutResult(tx -> events.publishEvent(new ProbeAnswerRefused(vantage, reason)));
        }
    }

    private static String named(VerificationRun run, Outcome outcome) {
        return run.checks().stream().filter(c -> c.outcome() == outcome)
                .map(c -> c.check().name() + (c.target() == null ? "" : " " + c.target()))
                .distinct().collect(Collectors.joining(", "));
    }
}
