package dev.ilbportal.civo.internal;

import dev.ilbportal.civo.CivoLane;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts what each lane waited for its tokens in this instance: Micrometer's {@code civo.budget.wait} timer (tag
 * {@code lane}) when a registry exists, and the last waits per lane for the administration page's percentiles.
 */
public final class MeteredBudget implements Budget {

    private static final int RECENT = 512;

    private final Budget delegate;
    private final Map<CivoLane, Timer> timers = new EnumMap<>(CivoLane.class);
    private final Map<CivoLane, Recent> recent = new EnumMap<>(CivoLane.class);

    public MeteredBudget(Budget delegate, MeterRegistry registry) {
        this.delegate = delegate;
        for (CivoLane lane : CivoLane.values()) {
            recent.put(lane, new Recent());
            if (registry != null) {
                timers.put(lane, Timer.builder("civo.budget.wait")
                        .description("How long a Civo call waited for a token of the account's shared budget")
                        .tag("lane", lane.label())
                        .publishPercentiles(0.5, 0.95)
                        .register(registry));
            }
        }
    }

    public Budget delegate() {
        return delegate;
    }

    @Override
    public Duration acquire(CivoLane lane) throws InterruptedException {
        Duration waited = delegate.acquire(lane);
        recent.get(lane).add(waited);
        Timer timer = timers.get(lane);
        if (timer != null) {
            timer.record(waited);
        }
        return waited;
    }

    @Override
    public void pauseUntil(Instant until) {
        delegate.pauseUntil(until);
    }

    /** This instance's calls and recent waits of the lane. */
    public LocalUse use(CivoLane lane) {
        return recent.get(lane).use();
    }

    /** Calls counted in this instance and the median, 95th percentile and longest of its last waits. */
    public record LocalUse(long calls, Duration median, Duration p95, Duration longest) {
    }

    private static final class Recent {

        private final long[] nanos = new long[RECENT];
        private long count;

        synchronized void add(Duration waited) {
            nanos[(int) (count % RECENT)] = waited.toNanos();
            count++;
        }

        synchronized LocalUse use() {
            int size = (int) Math.min(count, RECENT);
            if (size == 0) {
                return new LocalUse(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
            }
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            return new LocalUse(count, Duration.ofNanos(sorted[(size - 1) / 2]),
                    Duration.ofNanos(sorted[(int) Math.ceil(size * 0.95) - 1]), Duration.ofNanos(sorted[size - 1]));
        }
    }
}
