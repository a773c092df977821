package dev.ilbportal.verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored run with its checks. */
public record VerificationRun(UUID id, UUID loadBalancerId, Trigger trigger, Outcome outcome, Instant startedAt,
                              Instant finishedAt, String requestedBy, List<CheckResult> checks) {
}
