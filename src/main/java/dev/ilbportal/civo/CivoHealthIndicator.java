package dev.ilbportal.civo;

import dev.ilbportal.civo.CivoApiException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Tells operators whether Civo answers and accepts our key, telling "key refused" apart from "unreachable". The
 * health endpoint is public and polled often, so it answers at once from the last probe's result and never waits:
 * when that result is older than {@link #CACHE_FOR}, one probe starts in the background (it may queue behind the
 * Civo rate limiter; the health call does not). Before the first probe has finished the answer is UNKNOWN, which
 * does not change the portal's overall status.
 */
public class CivoHealthIndicator implements HealthIndicator {

    static final Duration CACHE_FOR = Duration.ofSeconds(30);

    /** One probe's result and when it was taken. */
    private record Probe(Health health, Instant at) {
    }

    private final CivoClient client;
    private final Clock clock;
    private final AtomicReference<Probe> last = new AtomicReference<>();
    private final AtomicBoolean probing = new AtomicBoolean();

    public CivoHealthIndicator(CivoClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Probe probe = last.get();
        if (probe == null || !clock.instant().isBefore(probe.at().plus(CACHE_FOR))) {
            startProbe();
        }
        if (probe == null) {
            return Health.unknown().withDetail("problem", "first check still running").build();
        }
        return Health.status(probe.health().getStatus()).withDetails(probe.health().getDetails())
                .withDetail("checkedAt", probe.at().toString()).build();
    }

    private void startProbe() {
        if (probing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("civo-health-probe").start(() -> {
                try {
                    Health result = check();
                    last.set(new Probe(result, clock.instant()));
                } finally {
                    probing.set(false);
                }
            });
        }
    }

    private Health check() {
        try {
            int regions = client.probeRegions().size();
            return Health.up().withDetail("regions", regions).build();
        } catch (RuntimeException unexpected) {
            if (!(unexpected instanceof CivoApiException failure)) {
                return Health.down().withDetail("problem", "unexpected error")
                        .withDetail("kind", unexpected.getClass().getSimpleName()).build();
            }
            Health.Builder down = Health.down()
                    .withDetail("problem", problem(failure.kind()))
                    .withDetail("kind", failure.kind().name())
                    .withDetail("call", failure.call());
            if (failure.status() > 0) {
                down.withDetail("httpStatus", failure.status());
            }
            if (failure.code() != null) {
                down.withDetail("code", failure.code());
            }
            return down.build();
        }
    }

    private static String problem(Kind kind) {
        return switch (kind) {
            case UNAUTHORIZED -> "key refused";
            case TRANSPORT -> "unreachable";
            case RATE_LIMITED -> "rate limited";
            case SERVER_ERROR -> "Civo failing";
            case MALFORMED_RESPONSE -> "unexpected answer";
            default -> "unexpected error";
        };
    }
}
