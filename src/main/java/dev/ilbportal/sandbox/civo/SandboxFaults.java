package dev.ilbportal.sandbox.civo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulator's fault injection, changeable while it runs (from tests, demos, or {@code POST /sandbox/faults}),
 * so the portal's retries, timeouts and error pages can be shown and tested. Probabilities draw from a seeded
 * {@link Random}, so a test that seeds it sees the same sequence every run.
 */
public final class SandboxFaults {

    private final List<ActiveFault> faults = new ArrayList<>();
    private final List<String> pendingNamePatterns = new CopyOnWriteArrayList<>();
    private Random random;

    SandboxFaults(long seed) {
        this.random = new Random(seed);
    }

    /** Adds a fault; faults are consulted in the order added. */
    public synchronized void inject(Fault fault) {
        faults.add(new ActiveFault(fault, fault.times()));
    }

    /** Load balancers whose name matches this glob stay pending until the pattern is cleared. */
    public void keepPending(String loadBalancerNamePattern) {
        pendingNamePatterns.add(loadBalancerNamePattern);
    }

    /** Restarts the random numbers behind probabilistic faults. */
    public synchronized void reseed(long seed) {
        random = new Random(seed);
    }

    /** Removes every fault and every pending-name pattern. */
    public synchronized void clear() {
        faults.clear();
        pendingNamePatterns.clear();
    }

    /** The faults still active (with their remaining counts) and the pending-name patterns. */
    public synchronized List<Fault> active() {
        return faults.stream().map(ActiveFault::current).toList();
    }

    public List<String> pendingNamePatterns() {
        return List.copyOf(pendingNamePatterns);
    }

    boolean keepsPending(String loadBalancerName) {
        return pendingNamePatterns.stream().anyMatch(pattern -> Globs.matches(pattern, loadBalancerName));
    }

    /** Decides what happens to one call, using up counts and drawing random numbers as it goes. */
    synchronized FaultPlan planFor(String method, String path) {
        Duration latency = Duration.ZERO;
        Fault outcome = null;
        boolean malformed = false;
        for (ActiveFault active : faults) {
            Fault fault = active.fault;
            if (active.remaining == 0 || !fault.matches(method, path)) {
                continue;
            }
            boolean terminal = fault.kind() == Fault.Kind.ERROR || fault.kind() == Fault.Kind.RATE_LIMIT
                    || fault.kind() == Fault.Kind.DROP_CONNECTION;
            if (terminal && outcome != null) {
                continue;
            }
            if (fault.probability() < 1.0 && random.nextDouble() >= fault.probability()) {
                continue;
            }
            if (active.remaining > 0) {
                active.remaining--;
            }
            switch (fault.kind()) {
                case LATENCY -> latency = latency.plus(fault.delay());
                case MALFORMED_BODY -> malformed = true;
                default -> outcome = fault;
            }
        }
        faults.removeIf(active -> active.remaining == 0);
        return new FaultPlan(latency, Optional.ofNullable(outcome), malformed);
    }

    /** What the faults do to one call. */
    record FaultPlan(Duration latency, Optional<Fault> outcome, boolean malformedBody) {
    }

    private static final class ActiveFault {

        private final Fault fault;
        private int remaining;

        ActiveFault(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }

        Fault current() {
            return fault.times(remaining);
        }
    }
}
