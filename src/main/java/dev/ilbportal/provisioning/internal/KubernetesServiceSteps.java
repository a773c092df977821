package dev.ilbportal.provisioning.internal;

import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.provisioning.KubernetesTargets;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.kubernetes.AppliedService;
import dev.ilbportal.kubernetes.KubernetesApiException;
import dev.ilbportal.kubernetes.KubernetesServices;
import dev.ilbportal.kubernetes.ManifestRefused;
import dev.ilbportal.kubernetes.ManifestRules;
import dev.ilbportal.kubernetes.ServiceManifest;
import dev.ilbportal.kubernetes.UnusableKubeconfig;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The steps of a Kubernetes target, where Civo's cloud controller manager, not the portal, creates the load
 * balancer: apply the Service with the approved firewall's annotation, then find the load balancer by cluster and
 * name and prove it carries that firewall before recording it.
 */
@Component
class KubernetesServiceSteps {

    private final CivoClient civo;
    private final ProvisioningProperties properties;
    private final Clock clock;
    private final InternalLoadBalancers inventory;
    private final KubernetesTargets targets;

    KubernetesServiceSteps(CivoClient civo, ProvisioningProperties properties, Clock clock,
            InternalLoadBalancers inventory, KubernetesTargets targets) {
        this.civo = civo;
        this.properties = properties;
        this.clock = clock;
        this.inventory = inventory;
        this.targets = targets;
    }

    /**
     * The Service to delete instead of the load balancer: deleting a CCM-built load balancer through Civo's API
     * would only make the CCM build it again. For an abandoned job, the Service it applied (if it got that far);
     * for a decommissioning, the Service behind the inventory entry. Empty for other targets.
     */
    Optional<ServiceManifest> serviceToDelete(ProvisioningJob job) {
        if (job.kind() == ProvisioningJob.Kind.PROVISION) {
            ProvisioningPlan plan = job.plan();
            return plan.isKubernetes() && job.loadBalancerIntent()
                    ? Optional.of(plan.serviceManifest(job.firewallId())) : Optional.empty();
        }
        return job.loadBalancerId() == null ? Optional.empty()
                : inventory.findByCivoId(job.loadBalancerId()).map(InventoryEntry::view).flatMap(targets::serviceOf);
    }

    StepResult applyService(ProvisioningJob job, ProvisioningPlan plan, Consumer<ProvisioningJob> checkpoint) {
        ServiceManifest manifest = plan.serviceManifest(job.firewallId());
        if (!properties.kubernetesApply()) {
            // The portal does not reach the cluster: the team applies the manifest (with this firewall's id) and the
            // load balancer it yields is adopted once its firewall checks out.
            job.markLoadBalancerIntent(clock.instant());
            return new StepResult.Advance("Waiting for the Service to be applied by hand: the manifest with "
                    + "kubernetes.civo.com/firewall-id " + job.firewallId() + " can be downloaded from the request "
                    + "page", null);
        }
        KubernetesCluster cluster = civo.getKubernetesCluster(job.region(), manifest.clusterId());
        if (!job.networkId().equals(cluster.networkId())) {
            return new StepResult.Fail("cluster_wrong_network", "Cluster " + cluster.name() + " is in network "
                    + cluster.networkId() + ", not in the firewall's network " + job.networkId() + ".");
        }
        if (!manifest.loadBalancerName(cluster.name()).equals(job.loadBalancerName())) {
            return new StepResult.Fail("cluster_renamed", "The cluster is now named " + cluster.name()
                    + "; its load balancer would not be the approved " + job.loadBalancerName() + ".");
        }
        Optional<Firewall> firewall = civo.findFirewall(job.region(), job.firewallId());
        if (firewall.isEmpty()) {
            return new StepResult.Fail("firewall_not_found", "The firewall " + job.firewallId() + " is gone.");
        }
        try {
            ManifestRules.requireInternal(manifest, firewall.get());
            KubernetesServices services = KubernetesServices.of(cluster.kubeconfig());
            Optional<AppliedService> existing = services.get(manifest.namespace(), manifest.name());
            if (existing.isPresent() && !job.loadBalancerIntent()) {
                return new StepResult.Fail("portal_name_conflict", "A Service " + manifest.namespace() + "/"
                        + manifest.name() + " already exists in cluster " + cluster.name() + " and was not created "
                        + "by this job. The portal does not adopt resources it did not create.");
            }
            boolean foreignLoadBalancer = civo.listLoadBalancers(job.region()).stream()
                    .anyMatch(lb -> job.loadBalancerName().equals(lb.name()) && !job.loadBalancerIntent());
            if (foreignLoadBalancer) {
                return new StepResult.Fail("portal_name_conflict", "A load balancer named " + job.loadBalancerName()
                        + " already exists and was not created by this job.");
            }
            job.markLoadBalancerIntent(clock.instant());
            checkpoint.accept(job);
            AppliedService applied = existing.isPresent()
                    ? services.replace(manifest, existing.get().resourceVersion()) : services.create(manifest);
            return new StepResult.Advance("Applied Service " + applied.namespace() + "/" + applied.name()
                    + " with kubernetes.civo.com/firewall-id " + job.firewallId(), null);
        } catch (ManifestRefused refused) {
            return new StepResult.Fail("service_refused", refused.getMessage());
        } catch (UnusableKubeconfig unusable) {
            return new StepResult.Fail("kubeconfig_unusable", unusable.getMessage());
        }
    }

    StepResult waitForLoadBalancer(ProvisioningJob job, ProvisioningPlan plan) {
        if (!properties.kubernetesApply()) {
            return adoptAppliedByHand(job, plan);
        }
        Instant now = clock.instant();
        job.startWaiting(properties.availableDeadline(), now);
        ServiceManifest manifest = plan.serviceManifest(job.firewallId());
        KubernetesCluster cluster = civo.getKubernetesCluster(job.region(), manifest.clusterId());
        Optional<AppliedService> service;
        try {
            service = KubernetesServices.of(cluster.kubeconfig()).get(manifest.namespace(), manifest.name());
        } catch (UnusableKubeconfig unusable) {
            return new StepResult.Fail("kubeconfig_unusable", unusable.getMessage());
        }
        if (service.isEmpty()) {
            return new StepResult.Fail("service_gone", "The Service " + manifest.namespace() + "/" + manifest.name()
                    + " is no longer in the cluster.");
        }
        Optional<LoadBalancer> built = civo.listLoadBalancers(job.region()).stream()
                .filter(lb -> job.loadBalancerName().equals(lb.name()) && cluster.id().equals(lb.clusterId()))
                .findFirst();
        if (built.isPresent() && !job.firewallId().equals(built.get().firewallId())) {
            return new StepResult.Fail("load_balancer_wrong_firewall", "The load balancer " + built.get().name()
                    + " carries firewall " + built.get().firewallId() + ", not the approved " + job.firewallId()
                    + ".");
        }
        // With proxy protocol Civo's cloud controller manager writes only the hostname <id>.lb.civo.com, no IP.
        boolean serviceShows = service.get().loadBalancerIp().isPresent()
                || hasText(service.get().ingressHostname());
        boolean ready = built.isPresent() && "available".equals(built.get().state())
                && hasText(built.get().privateIp()) && hasText(built.get().publicIp()) && serviceShows;
        if (ready) {
            LoadBalancer lb = built.get();
            Optional<String> shownIp = service.get().loadBalancerIp();
            if (shownIp.isPresent() && !shownIp.get().equals(lb.publicIp())) {
                return new StepResult.Fail("service_ip_mismatch", "The Service shows " + shownIp.get()
                        + " but the load balancer's public IP is " + lb.publicIp() + ".");
            }
            String hostname = lb.id() + ".lb.civo.com";
            if (shownIp.isEmpty() && !hostname.equals(service.get().ingressHostname())) {
                return new StepResult.Fail("service_hostname_mismatch", "The Service shows "
                        + service.get().ingressHostname() + " but the load balancer's hostname is " + hostname + ".");
            }
            if (job.loadBalancerId() == null) {
                job.recordLoadBalancer(lb.id(), now);
            }
            job.recordAddresses(lb.privateIp(), lb.publicIp(), now);
            return new StepResult.Advance("Service shows " + shownIp.orElse(hostname) + "; load balancer " + lb.name()
                    + " of cluster " + cluster.name() + " is available at private IP " + lb.privateIp(), lb.id());
        }
        if (!now.isBefore(job.waitDeadline())) {
            return new StepResult.Fail("not_available_in_time", "The Service showed no load balancer IP or hostname within "
                    + properties.availableDeadline().toMinutes() + " minutes.");
        }
        return new StepResult.Wait(now.plus(properties.availablePoll()), built.isEmpty()
                ? "Waiting for the cloud controller manager to create the load balancer"
                : "Load balancer is " + built.get().state());
    }

    /**
     * Without cluster access: adopt the load balancer Civo's controller built for this cluster under the planned name,
     * once it carries the approved firewall and is available; a different firewall is a failure, never adopted.
     */
    private StepResult adoptAppliedByHand(ProvisioningJob job, ProvisioningPlan plan) {
        Instant now = clock.instant();
        job.startWaiting(properties.manualApplyDeadline(), now);
        String clusterId = plan.serviceManifest(job.firewallId()).clusterId();
        Optional<LoadBalancer> built = civo.listLoadBalancers(job.region()).stream()
                .filter(lb -> job.loadBalancerName().equals(lb.name()) && clusterId.equals(lb.clusterId()))
                .findFirst();
        if (built.isPresent() && !job.firewallId().equals(built.get().firewallId())) {
            return new StepResult.Fail("load_balancer_wrong_firewall", "The load balancer " + built.get().name()
                    + " carries firewall " + built.get().firewallId() + ", not the approved " + job.firewallId()
                    + ": the applied Service did not use the downloaded manifest. It was not adopted.");
        }
        if (built.isPresent() && "available".equals(built.get().state()) && hasText(built.get().privateIp())
                && hasText(built.get().publicIp())) {
            LoadBalancer lb = built.get();
            job.recordLoadBalancer(lb.id(), now);
            job.recordAddresses(lb.privateIp(), lb.publicIp(), now);
            return new StepResult.Advance("Adopted load balancer " + lb.name() + " built from the Service applied "
                    + "by hand, with the approved firewall; private IP " + lb.privateIp(), lb.id());
        }
        if (!now.isBefore(job.waitDeadline())) {
            return new StepResult.Fail("not_applied_in_time", "No load balancer from the manifest appeared within "
                    + properties.manualApplyDeadline().toHours() + " hours.");
        }
        return new StepResult.Wait(now.plus(properties.availablePoll()), built.isEmpty()
                ? "Waiting for the manifest to be applied in the cluster" : "Load balancer is " + built.get().state());
    }

    /** Deleting the Service makes the CCM delete its load balancer; the firewall step and the check follow. */
    StepResult deleteService(ProvisioningJob job, ServiceManifest manifest, Consumer<ProvisioningJob> checkpoint) {
        try {
            KubernetesCluster cluster = civo.getKubernetesCluster(job.region(), manifest.clusterId());
            checkpoint.accept(job);
            boolean deleted = KubernetesServices.of(cluster.kubeconfig()).delete(manifest.namespace(),
                    manifest.name());
            return new StepResult.Advance(deleted ? "Deleted Service " + manifest.namespace() + "/" + manifest.name()
                    + "; the cloud controller manager deletes its load balancer" : "The Service was already gone",
                    job.loadBalancerId());
        } catch (UnusableKubeconfig | KubernetesApiException e) {
            return new StepResult.Fail("service_delete_failed", e.getMessage());
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
