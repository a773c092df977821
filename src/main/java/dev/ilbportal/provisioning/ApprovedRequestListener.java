package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningStarted;
import dev.ilbportal.requests.LoadBalancerRequest;
import dev.ilbportal.requests.LoadBalancerRequests;
import dev.ilbportal.requests.RequestEvents.RequestApproved;
import dev.ilbportal.requests.RequestRevision;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts provisioning when the last approval lands. It runs inside the approving transaction, so an approved request
 * always has its job: both commit or neither does.
 */
@Component
class ApprovedRequestListener {

    private final LoadBalancerRequests requests;
    private final ProvisioningJobs jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovedRequestListener(LoadBalancerRequests requests, ProvisioningJobs jobs, ApplicationEventPublisher events,
                            Clock clock) {
        this.requests = requests;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(RequestApproved approved) {
        if (jobs.findByRequestId(approved.requestId()).isPresent()) {
            return;
        }
        LoadBalancerRequest request = requests.findById(approved.requestId()).orElseThrow();
        RequestRevision revision = request.revisions().stream()
                .filter(r -> r.number() == approved.revision())
                .findFirst().orElseThrow();
        ApprovedPlan plan = ApprovedPlan.parse(revision.planJson(), approved.planHash());
        ProvisioningJob job = jobs.save(ProvisioningJob.provision(request.id(), request.team(), plan, clock.instant()));
        events.publishEvent(new ProvisioningStarted(job.id(), request.id(), request.team(), plan.region()));
    }
}
