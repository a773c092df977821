package dev.ilbportal.audit;

/**
 * A checkpoint was signed and written to the files; webhooks subscribed to {@code audit.checkpoint} receive it.
 * Not a {@link dev.ilbportal.shared.PortalEvent}: writing a checkpoint changes nothing in the trail.
 */
public record CheckpointWritten(Checkpoint checkpoint) {

    public static final String KIND = "audit.checkpoint";
}
