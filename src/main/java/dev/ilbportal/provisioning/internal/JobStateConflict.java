package dev.ilbportal.provisioning.internal;

/** An admin's retry or abandon that the job's current state does not allow; nothing changed. Shown as a 409. */
public class JobStateConflict extends RuntimeException {

    public JobStateConflict(String message) {
        super(message);
    }
}
