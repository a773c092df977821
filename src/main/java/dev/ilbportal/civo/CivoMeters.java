package dev.ilbportal.civo;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The Civo client's meters, on Micrometer's global registry (Spring Boot adds its registries to it):
 * {@code portal.civo.calls} (operation = method and path template, status = HTTP status or {@code transport_error})
 * and {@code portal.civo.limiter.wait} (how long a call waited for the rate limiter's token).
 */
final class CivoMeters {

    private CivoMeters() {
    }

    static void called(String operation, String status, long nanos) {
        Timer.builder("portal.civo.calls").description("Calls to Civo's API, by operation and HTTP status")
                .tag("operation", operation).tag("status", status)
                .register(Metrics.globalRegistry).record(nanos, TimeUnit.NANOSECONDS);
    }

    static void limiterWaited(String operation, long nanos) {
        Timer.builder("portal.civo.limiter.wait").description("Time a Civo call waited for the rate limiter")
                .tag("operation", operation)
                .register(Metrics.globalRegistry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
