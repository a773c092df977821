package dev.ilbportal.provisioning.internal;

/** Where a job stands: waiting for its next run, done, failed (an admin may retry or abandon), or abandoned. */
public enum JobStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    ABANDONED;

    public boolean isFinished() {
        return this != PENDING;
    }
}
