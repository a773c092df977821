package dev.ilbportal.provisioning;

import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import dev.ilbportal.kubernetes.ServiceManifest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tells which inventory entries were built from a Kubernetes Service and which Service that is, so verification can
 * check the Service still shows its load balancer.
 */
@Component
public class KubernetesTargets {

    private final ProvisioningJobs jobs;

    KubernetesTargets(ProvisioningJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * The Services behind many load balancers, read in chunks before a round's probes start, so thousands of probes
     * running at once never each ask the database: load balancers of other targets are absent from the map.
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public java.util.Map<java.util.UUID, ServiceManifest> servicesOf(java.util.List<InternalLoadBalancer> lbs) {
        java.util.Map<java.util.UUID, ServiceManifest> services = new java.util.HashMap<>();
        for (int from = 0; from < lbs.size(); from += 1000) {
            java.util.List<InternalLoadBalancer> chunk = lbs.subList(from, Math.min(lbs.size(), from + 1000));
            java.util.Map<java.util.UUID, ProvisioningJob> jobsByRequest = new java.util.HashMap<>();
            jobs.findByRequestIdIn(chunk.stream().map(InternalLoadBalancer::requestId).toList()).stream()
                    .filter(job -> job.kind() == ProvisioningJob.Kind.PROVISION)
                    .forEach(job -> jobsByRequest.put(job.requestId(), job));
            for (InternalLoadBalancer lb : chunk) {
                Optional.ofNullable(jobsByRequest.get(lb.requestId())).map(ProvisioningJob::plan)
                        .filter(ProvisioningPlan::isKubernetes)
                        .ifPresent(plan -> services.put(lb.id(), plan.serviceManifest(lb.firewallId())));
            }
        }
        return services;
    }

    /** The Service (with the approved firewall's annotation) behind this load balancer; empty for other targets. */
    public Optional<ServiceManifest> serviceOf(InternalLoadBalancer lb) {
        return jobs.findByRequestId(lb.requestId())
                .filter(job -> job.kind() == ProvisioningJob.Kind.PROVISION)
                .map(job -> job.plan())
                .filter(ProvisioningPlan::isKubernetes)
                .map(plan -> plan.serviceManifest(lb.firewallId()));
    }
}
