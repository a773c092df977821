package dev.ilbportal.provisioning.api;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.ProvisioningStep;
import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.provisioning.internal.JobStatus;
import dev.ilbportal.provisioning.internal.ProvisioningAdministration;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import dev.ilbportal.provisioning.internal.ProvisioningProgress;
import dev.ilbportal.provisioning.internal.StepLog;
import dev.ilbportal.requests.RequestLookup;
import dev.ilbportal.web.NotFoundException;
import dev.ilbportal.web.api.PortalApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Provisioning progress, step by step, and the admin's retry and abandon of jobs, on the same services as the pages;
 * the load balancers themselves are {@link InventoryApi}'s.
 */
@PortalApi
@Tag(name = "provisioning", description = "Progress, inventory, decommissioning, job administration")
class ProvisioningApi {

    private final ProvisioningJobs jobs;
    private final StepLog stepLog;
    private final RequestLookup requests;
    private final Inventory inventory;
    private final ProvisioningAdministration administration;

    ProvisioningApi(ProvisioningJobs jobs, StepLog stepLog, RequestLookup requests, Inventory inventory,
                    ProvisioningAdministration administration) {
        this.jobs = jobs;
        this.stepLog = stepLog;
        this.requests = requests;
        this.inventory = inventory;
        this.administration = administration;
    }

    @GetMapping(PortalApi.PREFIX + "/requests/{requestId}/provisioning")
    @Operation(summary = "Where the building (or taking down) of a request's load balancer stands, step by step")
    Progress progress(@PathVariable UUID requestId, CurrentUser user) {
        requests.findVisibleTo(requestId, user).orElseThrow(() -> new NotFoundException("Request " + requestId));
        ProvisioningJob job = jobs.findByRequestId(requestId)
                .orElseThrow(() -> new NotFoundException("Provisioning of request " + requestId));
        return Progress.of(ProvisioningProgress.of(job, stepLog.of(job.id())),
                inventory.findByRequestId(requestId).map(InternalLoadBalancer::id).orElse(null));
    }

    @PostMapping(PortalApi.PREFIX + "/admin/jobs/{jobId}/retry")
    @Operation(summary = "Admin: retry a failed job from its failed step")
    Job retry(@PathVariable UUID jobId, CurrentUser user) {
        return Job.of(administration.retry(jobId, user));
    }

    @PostMapping(PortalApi.PREFIX + "/admin/jobs/{jobId}/abandon")
    @Operation(summary = "Admin: abandon a job; what it created is deleted")
    Job abandon(@PathVariable UUID jobId, CurrentUser user) {
        return Job.of(administration.abandon(jobId, user));
    }

    /** A job's progress: its steps with their state, and the load balancer once it is in the inventory. */
    record Progress(UUID jobId, ProvisioningJob.Kind kind, JobStatus status, ProvisioningStep currentStep,
                    boolean finished, int percentDone, List<Step> steps, UUID loadBalancerId) {

        static Progress of(ProvisioningProgress progress, UUID loadBalancerId) {
            ProvisioningJob job = progress.job();
            return new Progress(job.id(), job.kind(), job.status(), job.step(), progress.isFinished(),
                    progress.percentDone(), progress.steps().stream().map(line -> new Step(line.step(), line.state(),
                            line.at(), line.civoId(), line.detail())).toList(), loadBalancerId);
        }
    }

    /** One step: {@code done}, {@code running}, {@code waiting}, {@code failed} or {@code todo}. */
    record Step(ProvisioningStep step, String state, Instant at, String civoId, String detail) {
    }

    /** A job after an admin's action. */
    record Job(UUID id, UUID requestId, ProvisioningJob.Kind kind, JobStatus status, ProvisioningStep step) {

        static Job of(ProvisioningJob job) {
            return new Job(job.id(), job.requestId(), job.kind(), job.status(), job.step());
        }
    }
}
