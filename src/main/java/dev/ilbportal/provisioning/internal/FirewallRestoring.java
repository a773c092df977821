package dev.ilbportal.provisioning.internal;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.CivoProperties;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRules;
import dev.ilbportal.civo.model.LoadBalancerUpdateRequest;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.ProvisioningEvents.FirewallRestoreRequested;
import dev.ilbportal.requests.FirewallRestores;
import dev.ilbportal.requests.FirewallRestores.Filed;
import dev.ilbportal.requests.FirewallRestores.RestoreAsk;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.requests.ProvisioningPlan.PlannedCall;
import dev.ilbportal.requests.ProvisioningPlan.Step;
import dev.ilbportal.requests.RequestRuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.ApplicationEventPublisher;

/**
 * An exposed load balancer's team (or an admin) asks for its firewall to be restored. The plan is read from Civo at
 * the moment of asking (which firewall is attached, which ingress rules the approved one has) and lists the exact
 * calls: re-attach the approved firewall if it was swapped, delete each offending rule by id, read the rules back.
 * Civo is read before, never inside, the transaction that files the request.
 */
@Service
public class FirewallRestoring {

    private final Inventory inventory;
    private final FirewallRestores restores;
    private final CivoClient civo;
    private final CivoProperties civoProperties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    FirewallRestoring(Inventory inventory, FirewallRestores restores, CivoClient civo,
                      CivoProperties civoProperties, TransactionTemplate transactions,
                      ApplicationEventPublisher events) {
        this.inventory = inventory;
        this.restores = restores;
        this.civo = civo;
        this.civoProperties = civoProperties;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * The load balancer, if this person may ask to restore its firewall: a requester of its team or an admin. Someone
     * who may not see it gets "not found"; someone who sees it without the right gets "forbidden".
     */
    public InternalLoadBalancer restorable(UUID loadBalancerId, CurrentUser user) {
        InternalLoadBalancer lb = InventoryVisibility.seenBy(user, loadBalancerId, inventory.findById(loadBalancerId));
        if (!mayAsk(lb, user)) {
            throw new AccessDeniedException("Only a requester of team " + lb.team() + " or an admin may ask");
        }
        return lb;
    }

    /** Whether this person may ask to restore the firewall of this load balancer (pages use it to offer the button). */
    public static boolean mayAsk(InternalLoadBalancer lb, CurrentUser user) {
        return user.has(PortalRole.ADMIN) || (user.has(PortalRole.REQUESTER) && user.isMemberOf(lb.team()));
    }

    /** Whether a restore is offered at all: only an active load balancer that verification found exposed. */
    public static boolean offered(InternalLoadBalancer lb) {
        return lb.status() == InternalLoadBalancer.Status.ACTIVE && "EXPOSED".equals(lb.proofStatus());
    }

    /** The plan as Civo is now: two reads (the load balancer, the approved firewall's rules). */
    public ProvisioningPlan planOf(InternalLoadBalancer lb) {
        String attached = civo.getLoadBalancer(lb.region(), lb.civoId()).firewallId();
        List<FirewallRule> ingress = FirewallRules.of(civo.listFirewallRules(lb.region(), lb.firewallId())).ingress();
        return planFor(lb, attached, ingress, civoProperties.pathPrefix());
    }

    /**
     * The calls that restore the approved firewall, given what Civo shows: the firewall attached now and the ingress
     * rules of the approved one.
     */
    public static ProvisioningPlan planFor(InternalLoadBalancer lb, String attachedFirewallId,
                                           List<FirewallRule> ingressRules, String pathPrefix) {
        String region = lb.region();
        List<PlannedCall> calls = new ArrayList<>();
        if (!lb.firewallId().equals(attachedFirewallId)) {
            calls.add(Step.ATTACH_FIREWALL.onCivo(pathPrefix, region,
                    new LoadBalancerUpdateRequest(region, null, null, null, lb.firewallId(), null, null, null, null,
                            null, null, null, null),
                    "Puts the approved firewall back: Civo shows firewall " + attachedFirewallId + " attached instead.",
                    lb.civoId()));
        }
        for (FirewallRule rule : ingressRules) {
            calls.add(Step.DELETE_FIREWALL_RULE.onCivo(pathPrefix, region, null,
                    "Deletes the ingress rule " + describe(rule) + "; a rule already gone counts as deleted.",
                    lb.firewallId(), rule.id()));
        }
        calls.add(Step.CHECK_FIREWALL_RULES.onCivo(pathPrefix, region, null,
                "Reads the approved firewall's rules back: none may be an ingress rule.", lb.firewallId()));
        return new ProvisioningPlan(region, calls);
    }

    private static String describe(FirewallRule rule) {
        String ports = rule.startPort() == null ? String.valueOf(rule.ports())
                : rule.startPort() + (rule.startPort().equals(rule.endPort()) ? "" : "-" + rule.endPort());
        return rule.protocol().toUpperCase(Locale.ROOT) + " " + ports + " from " + String.join(", ", rule.cidr())
                + (rule.label() == null ? "" : " (\"" + rule.label() + "\")");
    }

    /**
     * Files the restore request with the plan read from Civo now, which must be the plan the person was shown.
     *
     * @param shownPlanHash the hash of the plan on the page the person submitted
     * @throws PlanChangedMeanwhile when Civo changed since the page was shown; it carries the new plan
     * @throws RequestRuleViolation when the load balancer is not exposed, or the ask is refused
     */
    public Filed request(UUID loadBalancerId, String reason, String shownPlanHash, CurrentUser user) {
        InternalLoadBalancer lb = restorable(loadBalancerId, user);
        if (!offered(lb)) {
            throw new RequestRuleViolation("Only an active load balancer that verification found exposed can have its "
                    + "firewall restored; " + lb.name() + " is " + String.valueOf(lb.proofStatus()).toLowerCase(
                    Locale.ROOT) + ".");
        }
        ProvisioningPlan plan = planOf(lb);
        if (!plan.hash().equals(shownPlanHash)) {
            throw new PlanChangedMeanwhile(plan);
        }
        return transactions.execute(tx -> {
            Filed filed = restores.ask(new RestoreAsk(lb.id(), lb.requestId(), lb.team(), lb.region(), lb.name(),
                    reason, plan, Participant.of(user)));
            events.publishEvent(new FirewallRestoreRequested(filed.requestId(), lb.id(), lb.team(), user.asActor(),
                    plan.ruleDeletions().size(), plan.firewallAttach().isPresent(), filed.approvedByPolicy()));
            return filed;
        });
    }

    /** Civo changed between showing the plan and asking: the person must look at the new plan first. */
    public static final class PlanChangedMeanwhile extends RuntimeException {

        private final transient ProvisioningPlan current;

        PlanChangedMeanwhile(ProvisioningPlan current) {
            super("Civo changed since the plan was shown");
            this.current = current;
        }

        public ProvisioningPlan current() {
            return current;
        }
    }
}
