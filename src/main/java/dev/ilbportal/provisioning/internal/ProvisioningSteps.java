package dev.ilbportal.provisioning.internal;

import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.civo.CivoApiException;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRules;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.civo.model.LoadBalancerUpdateRequest;
import dev.ilbportal.civo.model.SimpleResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The Civo work of each step. Every step looks up before it creates: a resource under the planned name is the
 * portal's own only when the job recorded, before sending the create, that it was about to create it; otherwise it
 * is a conflict, reported and never adopted.
 */
@Component
class ProvisioningSteps {

    private final CivoClient civo;
    private final ProvisioningProperties properties;
    private final Clock clock;
    private final KubernetesServiceSteps kubernetes;

    ProvisioningSteps(CivoClient civo, ProvisioningProperties properties, Clock clock,
            KubernetesServiceSteps kubernetes) {
        this.civo = civo;
        this.properties = properties;
        this.clock = clock;
        this.kubernetes = kubernetes;
    }

    /**
     * Runs the job's current step. {@code checkpoint} commits the job at once after proving the worker still holds
     * its lease (it throws when another claim took the job over); it is called before every Civo write, so that a
     * crash right after a create is recognised on resume, and a worker held up past its lease writes nothing.
     */
    StepResult run(ProvisioningJob job, Consumer<ProvisioningJob> checkpoint) {
        return switch (job.step()) {
            case ENSURE_FIREWALL -> ensureFirewall(job, approvedPlan(job), checkpoint);
            case CHECK_FIREWALL_RULES -> checkFirewallRules(job);
            case ENSURE_LOAD_BALANCER -> {
                ProvisioningPlan plan = approvedPlan(job);
                yield plan.isKubernetes() ? kubernetes.applyService(job, plan, checkpoint)
                        : ensureLoadBalancer(job, plan, checkpoint);
            }
            case WAIT_UNTIL_AVAILABLE -> {
                ProvisioningPlan plan = approvedPlan(job);
                yield plan.isKubernetes() ? kubernetes.waitForLoadBalancer(job, plan) : waitUntilAvailable(job);
            }
            case DELETE_LOAD_BALANCER -> kubernetes.serviceToDelete(job)
                    .map(service -> kubernetes.deleteService(job, service, checkpoint))
                    .orElseGet(() -> deleteLoadBalancer(job, checkpoint));
            case DELETE_FIREWALL -> deleteFirewall(job, checkpoint);
            case CONFIRM_GONE -> confirmGone(job);
            case ATTACH_FIREWALL -> attachFirewall(job, checkpoint);
            case DELETE_INGRESS_RULES -> deleteIngressRules(job, checkpoint);
            case CONFIRM_RESTORED -> confirmRestored(job);
            case RECORD_INVENTORY, DONE, CLEANED_UP, RESTORED ->
                    throw new IllegalStateException(job.step() + " is not a Civo step");
        };
    }

    /** The plan the approver approved; parsing checks it still matches the approved hash. */
    private static ProvisioningPlan approvedPlan(ProvisioningJob job) {
        return job.plan();
    }

    private StepResult ensureFirewall(ProvisioningJob job, ProvisioningPlan plan, Consumer<ProvisioningJob> checkpoint) {
        Optional<FirewallCreateRequest> create = plan.firewallCreate();
        if (create.isEmpty()) {
            Optional<Firewall> chosen = civo.findFirewall(job.region(), job.firewallId());
            if (chosen.isEmpty()) {
                return new StepResult.Fail("firewall_not_found", "The chosen firewall " + job.firewallId()
                        + " no longer exists in " + job.region() + ".");
            }
            if (!job.networkId().equals(chosen.get().networkId())) {
                return new StepResult.Fail("firewall_wrong_network", "The chosen firewall is no longer in the load "
                        + "balancer's network.");
            }
            return new StepResult.Advance("Uses the existing firewall " + chosen.get().name(), job.firewallId());
        }
        if (job.firewallId() != null) {
            return new StepResult.Advance("Firewall " + job.firewallName() + " already recorded", job.firewallId());
        }
        Optional<Firewall> existing = firewallNamed(job.region(), job.firewallName());
        if (existing.isPresent()) {
            Firewall firewall = existing.get();
            if (job.firewallIntent() && job.networkId().equals(firewall.networkId())) {
                job.recordFirewall(firewall.id(), true, clock.instant());
                return new StepResult.Advance("Found the firewall this job created in an attempt whose outcome was "
                        + "not saved", firewall.id());
            }
            return new StepResult.Fail("portal_name_conflict", "A firewall named " + job.firewallName()
                    + " already exists in " + job.region() + " and was not created by this job. The portal does "
                    + "not adopt resources it did not create: rename or remove it, then retry.");
        }
        job.markFirewallIntent(clock.instant());
        checkpoint.accept(job);
        SimpleResult created = civo.createFirewall(create.get());
        job.recordFirewall(created.id(), true, clock.instant());
        return new StepResult.Advance("Created firewall " + job.firewallName() + " with create_rules false",
                created.id());
    }

    private StepResult checkFirewallRules(ProvisioningJob job) {
        List<FirewallRule> ingress = FirewallRules.of(civo.listFirewallRules(job.region(), job.firewallId()))
                .ingress();
        if (!ingress.isEmpty()) {
            StringBuilder rules = new StringBuilder();
            ingress.forEach(rule -> rules.append(rules.isEmpty() ? "" : "; ").append(rule.protocol()).append(' ')
                    .append(rule.startPort()).append('-').append(rule.endPort()).append(" from ")
                    .append(rule.cidr()));
            return new StepResult.Fail("firewall_has_ingress_rules", "The firewall has " + ingress.size()
                    + " ingress rule(s), so the load balancer would not be internal: " + rules
                    + ". Provisioning stopped before creating the load balancer.");
        }
        return new StepResult.Advance("Firewall has no ingress rule", job.firewallId());
    }

    private StepResult ensureLoadBalancer(ProvisioningJob job, ProvisioningPlan plan,
                                          Consumer<ProvisioningJob> checkpoint) {
        if (job.loadBalancerId() != null) {
            return new StepResult.Advance("Load balancer already recorded", job.loadBalancerId());
        }
        Optional<LoadBalancer> existing = civo.listLoadBalancers(job.region()).stream()
                .filter(lb -> job.loadBalancerName().equals(lb.name()))
                .findFirst();
        if (existing.isPresent()) {
            LoadBalancer loadBalancer = existing.get();
            if (job.loadBalancerIntent() && job.firewallId().equals(loadBalancer.firewallId())) {
                job.recordLoadBalancer(loadBalancer.id(), clock.instant());
                return new StepResult.Advance("Found the load balancer this job created in an attempt whose "
                        + "outcome was not saved", loadBalancer.id());
            }
            return new StepResult.Fail("portal_name_conflict", "A load balancer named " + job.loadBalancerName()
                    + " already exists in " + job.region() + " and was not created by this job. The portal does "
                    + "not adopt resources it did not create.");
        }
        job.markLoadBalancerIntent(clock.instant());
        checkpoint.accept(job);
        LoadBalancer created = civo.createLoadBalancer(plan.loadBalancerCreate(job.firewallId()));
        job.recordLoadBalancer(created.id(), clock.instant());
        return new StepResult.Advance("Created load balancer " + job.loadBalancerName() + " with firewall_id "
                + job.firewallId(), created.id());
    }

    private StepResult waitUntilAvailable(ProvisioningJob job) {
        Instant now = clock.instant();
        job.startWaiting(properties.availableDeadline(), now);
        LoadBalancer loadBalancer = civo.getLoadBalancer(job.region(), job.loadBalancerId());
        boolean ready = "available".equals(loadBalancer.state()) && hasText(loadBalancer.privateIp())
                && hasText(loadBalancer.publicIp());
        if (ready) {
            job.recordAddresses(loadBalancer.privateIp(), loadBalancer.publicIp(), now);
            return new StepResult.Advance("Available at private IP " + loadBalancer.privateIp(), loadBalancer.id());
        }
        if (!now.isBefore(job.waitDeadline())) {
            return new StepResult.Fail("not_available_in_time", "The load balancer was still " + loadBalancer.state()
                    + " after " + properties.availableDeadline().toMinutes() + " minutes.");
        }
        return new StepResult.Wait(now.plus(properties.availablePoll()), "State is " + loadBalancer.state());
    }

    private StepResult deleteLoadBalancer(ProvisioningJob job, Consumer<ProvisioningJob> checkpoint) {
        if (job.loadBalancerId() == null && job.loadBalancerIntent()) {
            // The create was sent but its outcome never saved (the job was abandoned after its worker stopped):
            // find it by name and firewall, as the create step would have, so it is deleted and not left behind.
            civo.listLoadBalancers(job.region()).stream()
                    .filter(lb -> job.loadBalancerName().equals(lb.name())
                            && java.util.Objects.equals(job.firewallId(), lb.firewallId()))
                    .findFirst().ifPresent(lb -> job.recordLoadBalancer(lb.id(), clock.instant()));
        }
        if (job.loadBalancerId() == null) {
            return new StepResult.Advance("No load balancer was created", null);
        }
        checkpoint.accept(job);
        try {
            civo.deleteLoadBalancer(job.region(), job.loadBalancerId());
        } catch (CivoApiException e) {
            if (e.kind() != CivoApiException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        return new StepResult.Advance("Deleted load balancer " + job.loadBalancerName(), job.loadBalancerId());
    }

    private StepResult deleteFirewall(ProvisioningJob job, Consumer<ProvisioningJob> checkpoint) {
        if (job.firewallId() == null && job.firewallIntent() && job.firewallName() != null) {
            // As for the load balancer: a firewall created by an attempt whose outcome was never saved is found by
            // name in the job's network and deleted.
            firewallNamed(job.region(), job.firewallName())
                    .filter(firewall -> job.networkId().equals(firewall.networkId()))
                    .ifPresent(firewall -> job.recordFirewall(firewall.id(), true, clock.instant()));
        }
        if (job.firewallId() == null || !job.firewallCreated()) {
            return new StepResult.Advance("No firewall of this job to delete (an existing one is kept)", null);
        }
        Instant now = clock.instant();
        job.startWaiting(properties.firewallInUseDeadline(), now);
        checkpoint.accept(job);
        try {
            civo.deleteFirewall(job.region(), job.firewallId());
        } catch (CivoApiException e) {
            if (e.kind() == CivoApiException.Kind.CONFLICT) {
                if (now.isBefore(job.waitDeadline())) {
                    return new StepResult.Wait(now.plus(properties.availablePoll()), "Civo says the firewall is "
                            + "still in use (" + e.code() + ")");
                }
                return new StepResult.Fail(e.code(), "The firewall stayed in use: " + e.reason());
            }
            if (e.kind() != CivoApiException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        // A decommission knows the firewall by its id only (the inventory keeps no name): say that, never "null".
        return new StepResult.Advance("Deleted firewall " + (job.firewallName() != null ? job.firewallName()
                : job.firewallId()), job.firewallId());
    }

    private StepResult confirmGone(ProvisioningJob job) {
        if (job.loadBalancerId() != null && civo.listLoadBalancers(job.region()).stream()
                .anyMatch(lb -> job.loadBalancerId().equals(lb.id()))) {
            return new StepResult.Wait(clock.instant().plus(properties.availablePoll()), "Load balancer still listed");
        }
        if (job.firewallCreated() && job.firewallId() != null
                && civo.findFirewall(job.region(), job.firewallId()).isPresent()) {
            return new StepResult.Wait(clock.instant().plus(properties.availablePoll()), "Firewall still listed");
        }
        return new StepResult.Advance("Load balancer and firewall are gone from Civo", null);
    }

    /** Puts the approved firewall back when the plan says it was swapped; sending it again changes nothing. */
    private StepResult attachFirewall(ProvisioningJob job, Consumer<ProvisioningJob> checkpoint) {
        Optional<LoadBalancerUpdateRequest> attach = job.plan().firewallAttach();
        if (attach.isEmpty()) {
            return new StepResult.Advance("The approved firewall was still attached; nothing to re-attach", null);
        }
        checkpoint.accept(job);
        civo.updateLoadBalancer(job.loadBalancerId(), attach.get());
        return new StepResult.Advance("Re-attached the approved firewall " + attach.get().firewallId(),
                attach.get().firewallId());
    }

    /**
     * Deletes each offending rule by the id read from Civo when the restore was asked for. A rule that is already gone
     * (deleted by hand, or by this step before a crash) is what was wanted: success, not failure.
     */
    private StepResult deleteIngressRules(ProvisioningJob job, Consumer<ProvisioningJob> checkpoint) {
        int deleted = 0;
        int alreadyGone = 0;
        for (ProvisioningPlan.RuleDeletion rule : job.plan().ruleDeletions()) {
            checkpoint.accept(job);
            try {
                civo.deleteFirewallRule(job.region(), rule.firewallId(), rule.ruleId());
                deleted++;
            } catch (CivoApiException e) {
                if (e.kind() != CivoApiException.Kind.NOT_FOUND) {
                    throw e;
                }
                alreadyGone++;
            }
        }
        return new StepResult.Advance("Deleted " + deleted + " ingress rule(s)"
                + (alreadyGone == 0 ? "" : "; " + alreadyGone + " already gone"), job.firewallId());
    }

    /** Reads Civo back: the approved firewall is attached and has no ingress rule, or the restore failed. */
    private StepResult confirmRestored(ProvisioningJob job) {
        LoadBalancer loadBalancer = civo.getLoadBalancer(job.region(), job.loadBalancerId());
        if (!job.firewallId().equals(loadBalancer.firewallId())) {
            return new StepResult.Fail("firewall_not_restored", "The load balancer still has firewall "
                    + loadBalancer.firewallId() + ", not the approved " + job.firewallId() + ".");
        }
        List<FirewallRule> ingress = FirewallRules.of(civo.listFirewallRules(job.region(), job.firewallId()))
                .ingress();
        if (!ingress.isEmpty()) {
            return new StepResult.Fail("ingress_rules_remain", "The approved firewall has " + ingress.size()
                    + " ingress rule(s) the plan did not name (added after it was read?). Ask for a restore again: "
                    + "its plan reads Civo afresh.");
        }
        return new StepResult.Advance("The approved firewall is attached and has no ingress rule", job.firewallId());
    }

    private Optional<Firewall> firewallNamed(String region, String name) {
        return civo.listFirewalls(region).stream().filter(firewall -> name.equals(firewall.name())).findFirst();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
