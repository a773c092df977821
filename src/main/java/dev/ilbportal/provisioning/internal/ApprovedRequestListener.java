package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningStarted;
import dev.ilbportal.requests.RequestEvents.RequestApproved;
import dev.ilbportal.requests.RequestKind;
import dev.ilbportal.requests.RequestLookup;
import dev.ilbportal.requests.RequestView;
import dev.ilbportal.requests.SubmittedPlan;
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

    private final RequestLookup requests;
    private final ProvisioningJobs jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final InternalLoadBalancers inventory;

    ApprovedRequestListener(RequestLookup requests, ProvisioningJobs jobs, InternalLoadBalancers inventory,
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
        RequestView request = requests.find(approved.requestId()).orElseThrow();
        SubmittedPlan plan = requests.planOf(approved.requestId(), approved.revision()).orElseThrow();
        if (request.kind() == RequestKind.DECOMMISSION) {
            startDecommission(request, plan);
            return;
        }
        if (request.kind() == RequestKind.EXTEND_END_DATE) {
            InventoryEntry lb = inventory.findById(request.loadBalancerId()).orElseThrow();
            java.time.LocalDate from = lb.endsOn();
            java.time.LocalDate to = requests.endDateOf(request.id()).orElseThrow();
            lb.extendTo(to, clock.instant());
            inventory.save(lb);
            events.publishEvent(new dev.ilbportal.provisioning.ProvisioningEvents.EndDateExtended(lb.id(), request.id(),
                    lb.team(), from, to));
            return;
        }
        if (request.kind() == RequestKind.RESTORE_FIREWALL) {
            InternalLoadBalancer lb = inventory.findById(request.loadBalancerId()).orElseThrow().view();
            ProvisioningJob job = jobs.save(ProvisioningJob.restoreFirewall(request.id(), lb, plan, clock.instant()));
            events.publishEvent(new ProvisioningStarted(job.id(), request.id(), request.team(), lb.region()));
            return;
        }
        ProvisioningJob job = jobs.save(ProvisioningJob.provision(request.id(), request.team(),
                new SubmittedPlan(plan.json(), approved.planHash()), clock.instant()));
        events.publishEvent(new ProvisioningStarted(job.id(), request.id(), request.team(), job.region()));
    }

    private void startDecommission(RequestView request, SubmittedPlan plan) {
        InventoryEntry lb = inventory.findById(request.loadBalancerId()).orElseThrow();
        lb.markDecommissioning(clock.instant());
        inventory.save(lb);
        ProvisioningJob job = jobs.save(ProvisioningJob.decommission(request.id(), lb.view(), plan.json(), plan.hash(),
                clock.instant()));
        events.publishEvent(new ProvisioningStarted(job.id(), request.id(), request.team(), lb.region()));
    }
}
