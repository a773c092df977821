package dev.ilbportal.provisioning.internal;

import java.time.Instant;

/** What one run of a step came to: go on to the next step, run this one again later, or stop the job. */
sealed interface StepResult {

    record Advance(String detail, String civoId) implements StepResult {
    }

    record Wait(Instant until, String detail) implements StepResult {
    }

    record Fail(String code, String reason) implements StepResult {
    }

    /** A transient Civo fault: the same step again after a backoff; counts as an attempt. */
    record Retry(Instant when, dev.ilbportal.civo.CivoApiException cause) implements StepResult {
    }
}
