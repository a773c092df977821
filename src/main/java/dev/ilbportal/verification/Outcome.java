package dev.ilbportal.verification;

/** A check's (or a run's) verdict. A check that could not run is inconclusive, never a pass. */
public enum Outcome {
    PASS,
    FAIL,
    INCONCLUSIVE;

    /** A run fails if any check failed; otherwise it is inconclusive if any check was; otherwise it passes. */
    static Outcome of(java.util.Collection<CheckResult> checks) {
        if (checks.stream().anyMatch(check -> check.outcome() == FAIL)) {
            return FAIL;
        }
        if (checks.isEmpty() || checks.stream().anyMatch(check -> check.outcome() == INCONCLUSIVE)) {
            return INCONCLUSIVE;
        }
        return PASS;
    }
}
