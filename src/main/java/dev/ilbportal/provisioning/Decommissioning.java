package dev.ilbportal.provisioning;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.provisioning.ProvisioningEvents.DecommissionRequested;
import dev.ilbportal.requests.LoadBalancerRequest;
import dev.ilbportal.requests.LoadBalancerRequests;
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.requests.ProvisioningPlan.PlannedCall;
import dev.ilbportal.requests.RequestRuleViolation;
import dev.ilbportal.requests.Requester;
import dev.ilbportal.requests.RequestsProperties;
import dev.ilbportal.requests.SpecSnapshot;
import dev.ilbportal.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A requester's ask to take an internal load balancer down. It becomes a request with its own plan (delete the load
 * balancer, then the firewall the portal created, then confirm both are gone) and waits for the same approvals.
 */
@Service
public class Decommissioning {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InternalLoadBalancers inventory;
    private final LoadBalancerRequests requests;
    private final RequestsProperties requestRules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Decommissioning(InternalLoadBalancers inventory, LoadBalancerRequests requests, RequestsProperties requestRules,
                    ApplicationEventPublisher events, Clock clock) {
        this.inventory = inventory;
        this.requests = requests;
        this.requestRules = requestRules;
        this.events = events;
        this.clock = clock;
    }

    /** The load balancer, if this person may ask for its decommissioning. */
    public InternalLoadBalancer decommissionable(UUID loadBalancerId, CurrentUser user) {
        InternalLoadBalancer lb = inventory.findById(loadBalancerId)
                .filter(found -> user.isMemberOf(found.team()) || user.has(PortalRole.AUDITOR)
                        || user.has(PortalRole.ADMIN))
                .orElseThrow(() -> new NotFoundException("Load balancer " + loadBalancerId));
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
        if (requests.existsDecommissionFor(lb.id())) {
            throw new RequestRuleViolation("A decommission of " + lb.name() + " is already asked for.");
        }
        ProvisioningPlan plan = planFor(lb);
        LoadBalancerRequest request = LoadBalancerRequest.decommission(lb.team(), Requester.of(user), lb.id(),
                new SpecSnapshot(specJson(lb, reason.strip()), lb.region(), lb.name()), plan.toSubmitted(),
                clock.instant(), requestRules.expiry());
        UUID id = requests.save(request).id();
        events.publishEvent(new DecommissionRequested(id, lb.id(), lb.team(), user.subject()));
        return id;
    }

    /** The calls a decommission makes; a firewall chosen from existing ones stays. */
    static ProvisioningPlan planFor(InternalLoadBalancer lb) {
        String query = "?region=" + lb.region();
        List<PlannedCall> calls = new ArrayList<>();
        calls.add(new PlannedCall("delete-load-balancer", "DELETE", "/v2/loadbalancers/" + lb.civoId() + query, null,
                "Deletes the load balancer and releases its IPs."));
        if (lb.firewallCreated()) {
            calls.add(new PlannedCall("delete-firewall", "DELETE", "/v2/firewalls/" + lb.firewallId() + query, null,
                    "Deletes the firewall the portal created; retried while Civo says it is still in use."));
        }
        calls.add(new PlannedCall("confirm-gone", "GET", "/v2/loadbalancers" + query, null,
                "Checks that the load balancer (and the firewall) no longer exist."));
        return new ProvisioningPlan(lb.region(), calls);
    }

    private String specJson(InternalLoadBalancer lb, String reason) {
        String original = requests.findById(lb.requestId()).map(LoadBalancerRequest::specJson).orElse("{}");
        ObjectNode spec = (ObjectNode) JSON.readTree(original);
        spec.put("justification", reason);
        return JSON.writeValueAsString(spec);
    }
}
