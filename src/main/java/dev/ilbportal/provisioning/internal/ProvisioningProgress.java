package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.ProvisioningStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the request page shows of a job: each step with its state, when it finished and the Civo id it touched, the
 * failure in Civo's words, and whether to keep polling.
 */
public record ProvisioningProgress(ProvisioningJob job, List<StepLine> steps, List<StepLog.Entry> trail) {

    /** One step as shown: title, state ({@code done}, {@code running}, {@code waiting}, {@code failed}, {@code todo}). */
    public record StepLine(ProvisioningStep step, String state, Instant at, String civoId, String detail) {
    }

    public static ProvisioningProgress of(ProvisioningJob job, List<StepLog.Entry> trail) {
        List<ProvisioningStep> shown = job.step().isRestore()
                ? List.of(ProvisioningStep.ATTACH_FIREWALL, ProvisioningStep.DELETE_INGRESS_RULES,
                        ProvisioningStep.CONFIRM_RESTORED)
                : job.step().isCleanUp()
                ? List.of(ProvisioningStep.DELETE_LOAD_BALANCER, ProvisioningStep.DELETE_FIREWALL,
                        ProvisioningStep.CONFIRM_GONE)
                : List.of(ProvisioningStep.ENSURE_FIREWALL, ProvisioningStep.CHECK_FIREWALL_RULES,
                        ProvisioningStep.ENSURE_LOAD_BALANCER, ProvisioningStep.WAIT_UNTIL_AVAILABLE,
                        ProvisioningStep.RECORD_INVENTORY);
        List<StepLine> lines = new ArrayList<>();
        for (ProvisioningStep step : shown) {
            StepLog.Entry last = null;
            for (StepLog.Entry entry : trail) {
                if (entry.step() == step) {
                    last = entry;
                }
            }
            String state;
            if (last != null && "DONE".equals(last.outcome())) {
                state = "done";
            } else if (step == job.step() && job.status() == JobStatus.FAILED) {
                state = "failed";
            } else if (step == job.step() && job.status() == JobStatus.PENDING) {
                state = last != null && "WAITING".equals(last.outcome()) ? "waiting" : "running";
            } else {
                state = "todo";
            }
            lines.add(new StepLine(step, state, last == null ? null : last.at(), last == null ? null : last.civoId(),
                    last == null ? null : last.detail()));
        }
        return new ProvisioningProgress(job, lines, trail);
    }

    /**
     * Steps that were run again by another worker after an attempt stopped without saving its outcome (its worker
     * died or was held up past its lease): shown, so a step done twice is explained, not hidden.
     */
    public List<StepLog.Entry> resumptions() {
        return trail.stream().filter(entry -> "RESUMED".equals(entry.outcome())).toList();
    }

    public boolean isFinished() {
        return job.status().isFinished();
    }

    public int percentDone() {
        long done = steps.stream().filter(line -> "done".equals(line.state())).count();
        return (int) (100 * done / steps.size());
    }
}
