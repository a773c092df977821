package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningStarted;
import dev.ilbportal.requests.LoadBalancerRequest;
import dev.ilbportal.requests.LoadBalancerRequests;
import dev.ilbportal.requests.RequestEvents.RequestApproved;
import dev.ilbportal.requests.RequestKind;
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

    private final InternalLoadBalancers inventory;

    ApprovedRequestListener(LoadBalancerRequests requests, ProvisioningJobs jobs, InternalLoadBalancers inventory,
                            ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.jobs = jobs;
        this.inventory = inventory;
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
        if (request.kind() == RequestKind.DECOMMISSION) {
            startDecommission(request, revision);
            return;
        }
        ApprovedPlan plan = ApprovedPlan.parse(revision.planJson(), approved.planHash());
        ProvisioningJob job = jobs.save(ProvisioningJob.provision(request.id(), request.team(), plan, clock.instant()));
        events.publishEvent(new ProvisioningStarted(job.id(), request.id(), request.team(), plan.region()));
    }

    private void startDecommission(LoadBalancerRequest request, RequestRevision revision) {
        InternalLoadBalancer lb = inventory.findById(request.loadBalancerId()).orElseThrow();
        lb.markDecommissioning(clock.instant());
        inventory.save(lb);
        ProvisioningJob job = jobs.save(ProvisioningJob.decommission(request.id(), lb, revision.planJson(),
                revision.planHash(), clock.instant()));
        events.publishEvent(new ProvisioningStarted(job.id(), request.id(), request.team(), lb.region()));
    }
}
