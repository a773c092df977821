package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.provisioning.ProvisioningEvents.DecommissionRequested;
import dev.ilbportal.civo.CivoProperties;
import dev.ilbportal.requests.Decommissions;
import dev.ilbportal.requests.Decommissions.DecommissionAsk;
import dev.ilbportal.requests.EndDateExtensions;
import dev.ilbportal.requests.EndDateExtensions.EndDateRefused;
import dev.ilbportal.requests.EndDateExtensions.ExtensionAsk;
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.requests.ProvisioningPlan.PlannedCall;
import dev.ilbportal.requests.ProvisioningPlan.Step;
import dev.ilbportal.requests.RequestRuleViolation;
import dev.ilbportal.requests.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * A requester's ask to take an internal load balancer down. It becomes a request with its own plan (delete the load
 * balancer, then the firewall the portal created, then confirm both are gone) and waits for the same approvals.
 */
@Service
public class Decommissioning {

    private final Inventory inventory;
    private final Decommissions decommissions;
    private final CivoProperties civo;
    private final EndDateExtensions extensions;
    private final ApplicationEventPublisher events;

    Decommissioning(Inventory inventory, Decommissions decommissions, CivoProperties civo,
                    EndDateExtensions extensions, ApplicationEventPublisher events) {
        this.inventory = inventory;
        this.decommissions = decommissions;
        this.civo = civo;
        this.extensions = extensions;
        this.events = events;
    }

    /** The load balancer, if this person may ask for its decommissioning. */
    public InternalLoadBalancer decommissionable(UUID loadBalancerId, CurrentUser user) {
        InternalLoadBalancer lb = InventoryVisibility.seenBy(user, loadBalancerId, inventory.findById(loadBalancerId));
        if (!user.has(PortalRole.REQUESTER) || !user.isMemberOf(lb.team())) {
            throw new AccessDeniedException("Only a requester of team " + lb.team() + " may ask");
        }
        return lb;
    }

    @Transactional
    public UUID request(UUID loadBalancerId, String reason, CurrentUser user) {
        InternalLoadBalancer lb = decommissionable(loadBalancerId, user);
        if (!StringUtils.hasText(reason)) {
            throw new RequestRuleViolation("Say why it can go; approvers read it.");
        }
        if (!lb.canBeDecommissioned()) {
            throw new RequestRuleViolation("A load balancer that is " + lb.status().name().toLowerCase()
                    + " cannot be decommissioned.");
        }
        UUID id = decommissions.ask(new DecommissionAsk(lb.id(), lb.requestId(), lb.team(), lb.region(), lb.name(),
                reason, planOf(lb), Participant.of(user)));
        events.publishEvent(new DecommissionRequested(id, lb.id(), lb.team(), user.asActor()));
        return id;
    }

    /**
     * Asks for a later end date of an active load balancer; the ask is a request, approved like others.
     *
     * @throws EndDateRefused when the date is not a valid later end date (beside the field)
     * @throws RequestRuleViolation when the load balancer is not active
     */
    public UUID askLaterEndDate(UUID loadBalancerId, String endsOn, String reason, CurrentUser user) {
        InternalLoadBalancer lb = decommissionable(loadBalancerId, user);
        if (!lb.canBeDecommissioned()) {
            throw new RequestRuleViolation("Only an active load balancer's end date can be extended.");
        }
        return extensions.ask(new ExtensionAsk(lb.id(), lb.requestId(), lb.team(), lb.region(), lb.name(),
                lb.endsOn(), endsOn, reason, Participant.of(user)));
    }

    /** The calls a decommission of this load balancer makes, under the configured Civo path prefix. */
    public ProvisioningPlan planOf(InternalLoadBalancer lb) {
        return planFor(lb, civo.pathPrefix());
    }

    /** The calls a decommission makes under Civo's classic path prefix. */
    public static ProvisioningPlan planFor(InternalLoadBalancer lb) {
        return planFor(lb, ProvisioningPlan.CLASSIC_PATH_PREFIX);
    }

    /** The calls a decommission makes; a firewall chosen from existing ones stays. */
    public static ProvisioningPlan planFor(InternalLoadBalancer lb, String pathPrefix) {
        String region = lb.region();
        List<PlannedCall> calls = new ArrayList<>();
        calls.add(Step.DELETE_LOAD_BALANCER.onCivo(pathPrefix, region, null,
                "Deletes the load balancer and releases its IPs.", lb.civoId()));
        if (lb.firewallCreated()) {
            calls.add(Step.DELETE_FIREWALL.onCivo(pathPrefix, region, null,
                    "Deletes the firewall the portal created; retried while Civo says it is still in use.",
                    lb.firewallId()));
        }
        calls.add(Step.CONFIRM_GONE.onCivo(pathPrefix, region, null,
                "Checks that the load balancer (and the firewall) no longer exist."));
        return new ProvisioningPlan(region, calls);
    }
}
