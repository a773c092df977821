package dev.ilbportal.audit;

/**
 * A checkpoint was signed and written to the files, published under {@link #KIND} for a second copy outside the
 * database (webhook delivery from the notifications module is not wired yet: docs/audit-integrity.md).
 * Not a {@link dev.ilbportal.shared.PortalEvent}: writing a checkpoint changes nothing in the trail.
 */
public record CheckpointWritten(Checkpoint checkpoint) {

    public static final String KIND = "audit.checkpoint";
}
