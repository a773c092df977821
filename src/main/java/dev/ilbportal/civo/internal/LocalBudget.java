package dev.ilbportal.civo.internal;

import dev.ilbportal.civo.CivoLane;
import dev.ilbportal.civo.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The budget of a single process: one in-memory token bucket, first come first served, lanes only counted. What a
 * client built without a database (tools, unit tests) uses, and what {@code portal.civo.budget.shared=false} picks.
 */
public final class LocalBudget implements Budget {

    private final RequestRateLimiter limiter;
    private final Sleeper sleeper;

    public LocalBudget(double requestsPerSecond, int burst, Clock clock, Sleeper sleeper) {
        this.limiter = new RequestRateLimiter(requestsPerSecond, burst, clock, sleeper);
        this.sleeper = sleeper;
    }

    @Override
    public Duration acquire(CivoLane lane) throws InterruptedException {
        Duration wait = limiter.reserve();
        sleeper.sleep(wait);
        return wait;
    }

    @Override
    public void pauseUntil(Instant until) {
        limiter.pauseUntil(until);
    }

    @Override
    public String toString() {
        return "LocalBudget[" + limiter + "]";
    }
}
