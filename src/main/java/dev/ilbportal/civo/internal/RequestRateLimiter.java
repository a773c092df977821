package dev.ilbportal.civo.internal;

import dev.ilbportal.civo.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket shared by every thread that uses one Civo key, so the portal never bursts past Civo's rate limit;
 * it can also be told to hold all requests until the server's rate-limit window resets.
 */
public final class RequestRateLimiter {

    private final double tokensPerNano;
    private final double burst;
    private final Clock clock;
    private final Sleeper sleeper;
    private double tokens;
    private long lastRefillNanos;
    private long pausedUntilNanos;

    public RequestRateLimiter(double requestsPerSecond, int burst, Clock clock, Sleeper sleeper) {
        if (requestsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.tokensPerNano = requestsPerSecond / 1_000_000_000d;
        this.burst = burst;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.lastRefillNanos = nanos();
        this.pausedUntilNanos = Long.MIN_VALUE;
    }

    /** Takes one token, waiting as long as needed; callers queue fairly because each reserves its slot first. */
    public void acquire() throws InterruptedException {
        Duration wait = reserve();
        sleeper.sleep(wait);
    }

    /** Holds every request (not yet reserved) until the given moment, e.g. when Civo said none remain. */
    public synchronized void pauseUntil(Instant until) {
        long untilNanos = toNanos(until);
        if (untilNanos > pausedUntilNanos) {
            pausedUntilNanos = untilNanos;
        }
    }

    /** Reserves a token and says how long to wait before using it. */
    public synchronized Duration reserve() {
        long now = nanos();
        refill(now);
        long waitNanos = 0;
        tokens -= 1;
        if (tokens < 0) {
            waitNanos = (long) Math.ceil(-tokens / tokensPerNano);
        }
        if (pausedUntilNanos > now + waitNanos) {
            waitNanos = pausedUntilNanos - now;
        }
        return Duration.ofNanos(waitNanos);
    }

    private void refill(long now) {
        if (now > lastRefillNanos) {
            tokens = Math.min(burst, tokens + (now - lastRefillNanos) * tokensPerNano);
            lastRefillNanos = now;
        }
    }

    private long nanos() {
        return toNanos(clock.instant());
    }

    private static long toNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    public String toString() {
        return "RequestRateLimiter[perSecond=" + tokensPerNano * 1_000_000_000d + ", burst=" + (int) burst + "]";
    }
}
