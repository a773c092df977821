package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.ProvisioningStep;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningAbandoned;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningRetriedByAdmin;
import dev.ilbportal.shared.Actor;
import dev.ilbportal.web.NotFoundException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's two answers to a failed job: retry from the failed step, or abandon and clean up. Both lock the job's
 * row, so they never interleave with a worker's claim or save; an abandon while a step is running is refused (see
 * {@link ProvisioningJob#abandon}).
 */
@Service
public class ProvisioningAdministration {

    private final ProvisioningJobs jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProvisioningAdministration(ProvisioningJobs jobs, ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /** An admin retries a failed job from its failed step; the page and the API both come here. */
    @Transactional
    public ProvisioningJob retry(UUID jobId, CurrentUser admin) {
        requireAdmin(admin);
        retry(jobId, admin.asActor());
        return jobs.findById(jobId).orElseThrow();
    }

    /** An admin abandons a job; what it created is deleted. */
    @Transactional
    public ProvisioningJob abandon(UUID jobId, CurrentUser admin) {
        requireAdmin(admin);
        abandon(jobId, admin.asActor());
        return jobs.findById(jobId).orElseThrow();
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.has(PortalRole.ADMIN)) {
            throw new AccessDeniedException("Admins only");
        }
    }

    @Transactional
    public void retry(UUID jobId, Actor admin) {
        ProvisioningJob job = jobs.lockById(jobId).orElseThrow(() -> new NotFoundException("Job " + jobId));
        ProvisioningStep step = job.step();
        job.retryFromFailedStep(clock.instant());
        events.publishEvent(new ProvisioningRetriedByAdmin(job.id(), job.requestId(), job.team(), step,
                admin));
    }

    @Transactional
    public void abandon(UUID jobId, Actor admin) {
        ProvisioningJob job = jobs.lockById(jobId).orElseThrow(() -> new NotFoundException("Job " + jobId));
        job.abandon(clock.instant());
        events.publishEvent(new ProvisioningAbandoned(job.id(), job.requestId(), job.team(), admin));
    }
}
