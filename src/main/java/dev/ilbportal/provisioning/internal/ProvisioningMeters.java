package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.ProvisioningStep;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Provisioning's meters: {@code portal.provisioning.jobs} (jobs by status, counted in the database, so every
 * instance reports the cluster's figure) and {@code portal.provisioning.step} (how long each step's run took, by step
 * and outcome: advance, wait, retry, fail).
 */
@Component
class ProvisioningMeters implements MeterBinder {

    private final ProvisioningJobs jobs;

    ProvisioningMeters(ProvisioningJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("portal.provisioning.jobs", jobs, repository -> repository.countByStatus(status))
                    .description("Provisioning jobs by status (all instances)")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    static void stepRan(ProvisioningStep step, StepResult result, long nanos) {
        Timer.builder("portal.provisioning.step").description("One run of a provisioning step, Civo calls included")
                .tag("step", step.name().toLowerCase(Locale.ROOT))
                .tag("outcome", result.getClass().getSimpleName().toLowerCase(Locale.ROOT))
                .register(Metrics.globalRegistry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
