package dev.ilbportal.civo;

import dev.ilbportal.civo.CivoApiException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Tells operators whether Civo answers and accepts our key, telling "key refused" apart from "unreachable"; the
 * answer is cached so that health polls do not spend the API's rate limit.
 */
public class CivoHealthIndicator implements HealthIndicator {

    static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private final CivoClient client;
    private final Clock clock;
    private Health cached;
    private Instant cachedAt;

    public CivoHealthIndicator(CivoClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cachedAt.plus(CACHE_FOR))) {
            cached = check();
            cachedAt = now;
        }
        return cached;
    }

    private Health check() {
        try {
            int regions = client.probeRegions().size();
            return Health.up().withDetail("regions", regions).build();
        } catch (CivoApiException failure) {
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
