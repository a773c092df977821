package dev.ilbportal.verification;

import dev.ilbportal.verification.VerificationEvents.VerificationCompleted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** {@code portal.verification.outcomes}: verification runs by outcome, trigger and team, counted once committed. */
@Component
class VerificationMeters {

    private final MeterRegistry registry;

    VerificationMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(VerificationCompleted completed) {
        Counter.builder("portal.verification.outcomes").description("Verification runs by outcome")
                .tag("outcome", completed.outcome().name().toLowerCase(Locale.ROOT))
                .tag("trigger", completed.trigger().name().toLowerCase(Locale.ROOT))
                .tag("team", completed.team() == null ? "" : completed.team())
                .register(registry).increment();
    }
}
