package dev.ilbportal.civo;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter, so many portal threads retrying after one Civo hiccup do not hit it again in
 * step; a wait the server asked for takes precedence, up to a cap beyond which waiting would only block the user.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final Duration maxServerWait;
    private final DoubleSupplier random;

    Backoff(CivoProperties.Retry retry, DoubleSupplier random) {
        this.initial = retry.initialBackoff();
        this.max = retry.maxBackoff();
        this.maxServerWait = retry.maxServerWait();
        this.random = random;
    }

    /** The longest wait before the given retry (1 = the first retry): initial × 2^(retry-1), capped at max. */
    Duration ceiling(int retry) {
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long nanos = initial.toNanos();
        long ceiling = nanos > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : nanos << shift;
        return Duration.ofNanos(Math.min(ceiling, max.toNanos()));
    }

    /**
     * How long to wait before the given retry, or empty when the server asked for longer than we are willing to
     * wait.
     */
    Optional<Duration> before(int retry, Optional<Duration> serverAsked) {
        if (serverAsked.isPresent()) {
            Duration asked = serverAsked.get();
            return asked.compareTo(maxServerWait) > 0 ? Optional.empty() : Optional.of(asked);
        }
        double fraction = Math.min(Math.max(random.getAsDouble(), 0d), 1d);
        return Optional.of(Duration.ofNanos((long) (ceiling(retry).toNanos() * fraction)));
    }
}
