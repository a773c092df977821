package dev.ilbportal.provisioning.internal;

import java.util.UUID;

/**
 * The worker's claim on a job is no longer the one the database holds: its lease ran out and another instance
 * claimed the job, or an admin abandoned it. The worker stops at once, sends nothing more to Civo and saves nothing.
 */
class LeaseLost extends RuntimeException {

    LeaseLost(UUID jobId, UUID token) {
        super("Job " + jobId + " is no longer held by claim " + token);
    }
}
