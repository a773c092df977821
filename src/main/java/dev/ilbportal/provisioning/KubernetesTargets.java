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

    /** The Service (with the approved firewall's annotation) behind this load balancer; empty for other targets. */
    public Optional<ServiceManifest> serviceOf(InternalLoadBalancer lb) {
        return jobs.findByRequestId(lb.requestId())
                .filter(job -> job.kind() == ProvisioningJob.Kind.PROVISION)
                .map(job -> job.plan())
                .filter(ProvisioningPlan::isKubernetes)
                .map(plan -> plan.serviceManifest(lb.firewallId()));
    }
}
