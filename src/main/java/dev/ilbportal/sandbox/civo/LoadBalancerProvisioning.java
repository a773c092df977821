package dev.ilbportal.sandbox.civo;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns a pending load balancer available after the configured delay (at once for zero), unless a fault keeps it
 * pending; a kept one is checked again every delay, so clearing the fault releases it.
 */
final class LoadBalancerProvisioning {

    private static final Duration RECHECK_FLOOR = Duration.ofMillis(100);

    private final CivoWorld world;
    private final SandboxFaults faults;
    private final Duration delay;
    private final ScheduledExecutorService scheduler;

    LoadBalancerProvisioning(CivoWorld world, SandboxFaults faults, Duration delay,
            ScheduledExecutorService scheduler) {
        this.world = world;
        this.faults = faults;
        this.delay = delay;
        this.scheduler = scheduler;
    }

    void start(String id) {
        if (delay.isZero() || delay.isNegative()) {
            finish(id);
        } else {
            schedule(id, delay);
        }
    }

    private void finish(String id) {
        SimulatedLoadBalancer lb = world.findLoadBalancer(id);
        if (lb == null) {
            return;
        }
        if (faults.keepsPending(lb.name())) {
            schedule(id, delay.compareTo(RECHECK_FLOOR) < 0 ? RECHECK_FLOOR : delay);
            return;
        }
        world.makeAvailable(id);
    }

    private void schedule(String id, Duration after) {
        if (!scheduler.isShutdown()) {
            scheduler.schedule(() -> finish(id), after.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
